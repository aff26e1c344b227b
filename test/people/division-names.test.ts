/**
 * Divisions are shown by name wherever people read them — the notice
 * e-mail, the round status (the coordinator's dashboard), the published
 * report (text, HTML, PDF, CSV) — never by a code like
 * `division-placeholder-01`. A round opened before divisions had names
 * (an old row) still works: every place falls back to the code.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { reportCsv } from '../../shared/catalogue/report-csv.js';
import { divisionName } from '../../shared/people/division-names.js';
import { noticeMail } from '../../shared/people/notice-mail.js';
import { renderReportHtml } from '../../shared/publish/render-report-html.js';
import { renderReportPdf } from '../../shared/publish/render-report-pdf.js';
import { summaryTableRows } from '../../shared/publish/summary-table.js';
import { buildReport } from '../../shared/report/build-report.js';
import { renderReportText } from '../../shared/report/render-report-text.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import { validateRound } from '../../shared/validation/validate-document.js';
import type { Notice } from '../../shared/workflow/approval-notice.js';
import { roundStatus } from '../../shared/workflow/round-status.js';
import { extractPdfLines } from '../helpers/pdf-text.js';
import { seedRound, seedRoundJson, seedSubmissions } from '../helpers/seed-round.js';

const NAMED = seedRound();
const { divisions: _names, ...plan } = NAMED;
const UNNAMED: Round = plan;
const CODE = 'division-placeholder-02';
const NAME_TH = 'กองนวัตกรรมบริการภาครัฐ';
const NAME_EN = 'Public Service Innovation Division';

function report(round: Round): Report {
  const built = buildReport(round, seedSubmissions());
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.value;
}

const notice: Notice = {
  kind: 'approval-requested',
  agencyId: 'opdc',
  roundId: '2566-h1',
  itemNo: 2,
  version: 1,
  role: 'division-director',
  groups: ['opdc:division-director', `opdc:division:${CODE}`],
  approvalId: 'approval-2-1-0',
  waitingSince: '2023-04-20T02:00:00.000Z',
  sentAt: '2023-04-20T02:00:00.000Z',
};

const record = (round: Round) => ({
  agencyId: 'opdc',
  roundId: '2566-h1',
  round,
  openedAt: '2023-03-01T00:00:00.000Z',
  openedBy: 'coordinator',
});

describe('Division names', () => {
  it('the seed round names each of its six divisions in Thai and English', () => {
    // Assess
    expect(NAMED.divisions).toHaveLength(6);
    for (const item of NAMED.items) {
      const name = divisionName(NAMED, item.division);
      expect(name.th).not.toBe(item.division);
      expect(name.en).not.toBe(item.division);
    }
  });

  it('falls back to the code when the round names none, and to Thai when it has no English', () => {
    // Prepare
    const thaiOnly = { divisions: [{ code: CODE, nameTh: NAME_TH }] };
    // Assess
    expect(divisionName(UNNAMED, CODE)).toEqual({ th: CODE, en: CODE });
    expect(divisionName(thaiOnly, CODE)).toEqual({ th: NAME_TH, en: NAME_TH });
    expect(divisionName(thaiOnly, 'division-placeholder-03').th).toBe('division-placeholder-03');
  });

  it('refuses a division named twice, by its path, in Thai and English', () => {
    // Prepare
    const json = seedRoundJson() as Record<string, unknown> & { divisions: unknown[] };
    const twice = { ...json, divisions: [...json.divisions, json.divisions[0]] };
    // Act
    const result = validateRound(twice);
    // Assess
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.code === 'round.repeatedDivision');
    expect(problem?.path).toBe('$.divisions[6].code');
    expect(problem?.message.th).toContain('division-placeholder-01');
    expect(problem?.message.en).toContain('appears twice');
  });

  it('an old round without names still validates', () => {
    // Assess
    expect(validateRound({ ...(seedRoundJson() as object), divisions: undefined }).ok).toBe(true);
  });
});

describe('Division names: the notice e-mail', () => {
  it('names the responsible division in Thai and in English', () => {
    // Act
    const mail = noticeMail('director-2@people.example', notice, NAMED, 'https://portal.test');
    // Assess
    expect(mail.text).toContain(`หน่วยงานที่รับผิดชอบ: ${NAME_TH}`);
    expect(mail.text).toContain(`Responsible division: ${NAME_EN}`);
    expect(mail.html).toContain(NAME_TH);
    expect(mail.text).not.toContain(CODE);
  });

  it('prints the code for a round without names', () => {
    // Act
    const mail = noticeMail('director-2@people.example', notice, UNNAMED, 'https://portal.test');
    // Assess
    expect(mail.text).toContain(`หน่วยงานที่รับผิดชอบ: ${CODE}`);
  });
});

describe('Division names: the round status (dashboard, CLI)', () => {
  it('gives every item and every missing division its name', () => {
    // Act
    const status = roundStatus(record(NAMED), [], new Date('2023-04-01T00:00:00Z'));
    // Assess
    expect(status.items[1]?.divisionName).toEqual({ th: NAME_TH, en: NAME_EN });
    expect(status.missingDivisions).toHaveLength(6);
    expect(status.missingDivisionNames?.map((n) => n.th)).toEqual(
      NAMED.items.map((i) => divisionName(NAMED, i.division).th),
    );
  });

  it('names divisions by code for an old round', () => {
    // Act
    const status = roundStatus(record(UNNAMED), [], new Date('2023-04-01T00:00:00Z'));
    // Assess
    expect(status.items[1]?.divisionName).toEqual({ th: CODE, en: CODE });
  });
});

describe('Division names: the published report', () => {
  let named: Report;
  let unnamed: Report;
  beforeAll(() => {
    named = report(NAMED);
    unnamed = report(UNNAMED);
  });

  it('report.json carries the names of the divisions its items use, and none for an old round', () => {
    // Assess
    expect(named.divisions?.map((d) => d.code)).toEqual(NAMED.items.map((i) => i.division));
    expect(unnamed.divisions).toBeUndefined();
  });

  it('the roll-up table (HTML and PDF) and the text summary print names, not codes', () => {
    // Act
    const rows = summaryTableRows(named).items;
    const html = renderReportHtml(named);
    const text = renderReportText(named);
    // Assess
    expect(rows[1]?.[2]).toBe(NAME_TH);
    expect(html).toContain(NAME_TH);
    expect(html).not.toContain('division-placeholder');
    expect(text).toContain(`${NAME_TH}: `);
    expect(text).not.toContain('division-placeholder');
  });

  it('the CSV keeps the code for machines and adds the Thai name', () => {
    // Act
    const [header, , second] = reportCsv(named).split(/\r?\n/);
    // Assess
    expect(header).toContain('division,division_name_th');
    expect(second).toContain(`${CODE},${NAME_TH}`);
  });

  it('the PDF prints the names in its roll-up table', async () => {
    // Act
    const lines = await extractPdfLines(await renderReportPdf(named));
    // Assess
    // A table cell wraps a long name onto several lines: read the cells' text as one.
    const body = lines
      .filter((l) => !l.artifact)
      .map((l) => l.text)
      .join('')
      .replace(/\s/g, '');
    expect(body).toContain(NAME_TH);
    expect(body).not.toContain('division-placeholder');
  });

  it('an old round renders with its codes where names would be', () => {
    // Act
    const rows = summaryTableRows(unnamed).items;
    // Assess
    expect(rows[1]?.[2]).toBe(CODE);
    expect(renderReportText(unnamed)).toContain(`${CODE}: `);
  });
});
