/**
 * The report as a flat sequence of typed blocks (title, item heading, section
 * heading, numbered point, paragraph, separator). Every renderer (text, PDF,
 * HTML) walks the same blocks, so numbering and wording are decided once.
 */

import { formatBahtThai, parseBaht } from '../money/baht.js';
import type { Report, ReportItemValue } from '../schemas/report-schema.js';
import type { NoneOrSectionBody, OutlinePoint, SectionBody } from '../schemas/text-fields.js';
import type { Period } from '../thai/fiscal-period.js';
import { itemLabel, pointLabel, sectionLabel } from './outline-labels.js';
import { reportTitleLines } from './report-title.js';
import {
  NO_BUDGET_TH,
  NONE_TH,
  SECTION_ORDER,
  type SectionKey,
  sectionHeadingTh,
} from './section-headings.js';

export type ReportBlock =
  | { kind: 'title'; lines: [string, string] }
  | { kind: 'item'; itemNo: number; label: string; text: string }
  | { kind: 'section'; itemNo: number; key: SectionKey; label: string; text: string }
  /** A numbered point; depth 1 is "๑.๒.๑", 4 is "(๑)". */
  | { kind: 'point'; depth: number; label: string; text: string }
  /** Unnumbered text; depth is that of the point it continues (0: the section). */
  | { kind: 'paragraph'; depth: number; text: string }
  | { kind: 'separator' };

function* pointBlocks(
  itemNo: number,
  sectionNo: number,
  points: readonly OutlinePoint[],
  position: readonly number[],
): Generator<ReportBlock> {
  for (const [index, point] of points.entries()) {
    const here = [...position, index + 1];
    yield {
      kind: 'point',
      depth: here.length,
      label: pointLabel(itemNo, sectionNo, here),
      text: point.text,
    };
    for (const text of point.paragraphs ?? []) {
      yield { kind: 'paragraph', depth: here.length, text };
    }
    if (point.points) yield* pointBlocks(itemNo, sectionNo, point.points, here);
  }
}

function* bodyBlocks(itemNo: number, sectionNo: number, body: SectionBody): Generator<ReportBlock> {
  for (const text of body.paragraphs ?? []) yield { kind: 'paragraph', depth: 0, text };
  yield* pointBlocks(itemNo, sectionNo, body.points ?? [], []);
}

function* noneOrBodyBlocks(
  itemNo: number,
  sectionNo: number,
  body: NoneOrSectionBody,
): Generator<ReportBlock> {
  if (body === 'none') yield { kind: 'paragraph', depth: 0, text: NONE_TH };
  else yield* bodyBlocks(itemNo, sectionNo, body);
}

/** "๔,๒๔๑,๓๐๐ บาท", or "ไม่ใช้งบประมาณ" for none. */
export function budgetText(budgetUsed: string): string {
  if (budgetUsed === 'none') return NO_BUDGET_TH;
  const parsed = parseBaht(budgetUsed);
  return parsed.ok ? formatBahtThai(parsed.satang) : budgetUsed;
}

function* sectionContent(
  item: ReportItemValue,
  key: SectionKey,
  sectionNo: number,
): Generator<ReportBlock> {
  switch (key) {
    case 'objectives':
    case 'progress':
      yield* bodyBlocks(item.no, sectionNo, item[key]);
      return;
    case 'budgetUsed':
      yield { kind: 'paragraph', depth: 0, text: budgetText(item.budgetUsed) };
      return;
    case 'problems':
    case 'recommendations':
      yield* noneOrBodyBlocks(item.no, sectionNo, item[key]);
  }
}

export function* itemBlocks(item: ReportItemValue): Generator<ReportBlock> {
  yield { kind: 'item', itemNo: item.no, label: itemLabel(item.no), text: item.title };
  for (const [index, key] of SECTION_ORDER.entries()) {
    const sectionNo = index + 1;
    yield {
      kind: 'section',
      itemNo: item.no,
      key,
      label: sectionLabel(item.no, sectionNo),
      text: sectionHeadingTh(key, item.kind),
    };
    yield* sectionContent(item, key, sectionNo);
  }
  yield { kind: 'separator' };
}

export function* reportBlocks(
  report: Pick<Report, 'fiscalYear' | 'period' | 'items'>,
): Generator<ReportBlock> {
  yield { kind: 'title', lines: reportTitleLines(report.fiscalYear, report.period as Period) };
  for (const item of report.items) yield* itemBlocks(item);
}
