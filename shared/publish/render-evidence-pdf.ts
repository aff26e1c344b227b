/**
 * The ITA evidence as a one-page A4 PDF, typeset as the report is (Sarabun,
 * Thai line breaking, exact text extraction) through the report renderer's
 * own text writer: approvals per item and step, the head's sign-off, the
 * sha256 of every approved version and published file.
 */

import PDFDocument from 'pdfkit';
import { type EvidenceRecord, ROLE_LABELS } from '../catalogue/evidence-record.js';
import { periodLabelTh } from '../thai/fiscal-period.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { collectPdfBytes } from './pdf-document-bytes.js';
import { fontSource, PdfTextWriter, type TextStyle } from './pdf-text-writer.js';
import { bangkokTime } from './render-evidence-html.js';
import { type FontFiles, loadSarabun } from './sarabun-fonts.js';

const PAGE = { left: 56, right: 56, top: 56, bottom: 48 };
const TITLE: TextStyle = { font: 'bold', size: 15 };
const HEADING: TextStyle = { font: 'bold', size: 11 };
const BODY: TextStyle = { font: 'regular', size: 10 };
const SMALL: TextStyle = { font: 'regular', size: 8, color: '#333333' };

export async function renderEvidencePdf(
  record: EvidenceRecord,
  fonts: FontFiles = loadSarabun(),
): Promise<Uint8Array> {
  // A fixed date keeps the bytes (so the sha256) of a re-render identical.
  const date = new Date(record.head.at);
  const title = 'หลักฐานการอนุมัติเผยแพร่รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต';
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE,
    tagged: true,
    lang: 'th-TH',
    displayTitle: true,
    pdfVersion: '1.7',
    font: fontSource(fonts.regular) as never,
    info: {
      Title: title,
      Author: record.agencyNameTh,
      Creator: 'acm-report',
      Producer: 'acm-report (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  } as PDFKit.PDFDocumentOptions);
  const finish = collectPdfBytes(doc);
  const writer = new PdfTextWriter(doc, PAGE, fonts);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const x = PAGE.left;
  const line = (text: string, style: TextStyle, indent = 0) => {
    const p = doc.struct('P');
    root.add(p);
    writer.paragraph(p, text, { x: x + indent, style });
    p.end();
  };
  const h1 = doc.struct('H1');
  root.add(h1);
  writer.paragraph(h1, title, { x, style: TITLE });
  h1.end();
  line(
    `${record.agencyNameTh} · ปีงบประมาณ พ.ศ. ${thaiNumber(record.fiscalYear)} ${periodLabelTh(record.period)} · ฉบับที่เผยแพร่ ${thaiNumber(record.version)}`,
    BODY,
  );
  writer.space(6);
  line('การลงนามของหัวหน้าส่วนราชการ', HEADING);
  line(
    `${record.head.name}${record.head.position ? ` ตำแหน่ง ${record.head.position}` : ''} ลงนามเมื่อ ${bangkokTime(record.head.at, 'th')}`,
    BODY,
    12,
  );
  writer.space(6);
  line('การอนุมัติรายโครงการ/กิจกรรม', HEADING);
  for (const item of record.items) {
    line(`${thaiNumber(item.no)}. ${item.title}`, BODY, 12);
    for (const s of item.steps) {
      const person = s.position ? `${s.name} (${s.position})` : s.name;
      line(
        `${ROLE_LABELS[s.role].th}: ${person}${s.at ? ` · ${bangkokTime(s.at, 'th')}` : ''}`,
        SMALL,
        24,
      );
    }
    if (item.sha256) {
      line(`ฉบับที่ส่ง ${thaiNumber(item.approvedVersion ?? 0)} sha256 ${item.sha256}`, SMALL, 24);
    }
  }
  writer.space(6);
  line('ไฟล์ที่เผยแพร่ (sha256)', HEADING);
  for (const f of record.files) line(`${f.label}: ${f.path}  ${f.sha256}`, SMALL, 12);
  root.end();
  return finish();
}
