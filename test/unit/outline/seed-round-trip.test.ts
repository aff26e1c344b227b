/**
 * The acceptance test of the domain core: the real FY 2566 six-month report
 * of สำนักงาน ก.พ.ร. is imported and rendered back to the same text.
 */

import { describe, expect, it } from 'vitest';
import { importReportOutline } from '../../../shared/outline/import-report-outline.js';
import { buildReport } from '../../../shared/report/build-report.js';
import { renderReportText } from '../../../shared/report/render-report-text.js';
import { seedRound, seedSubmissions, seedText } from '../../helpers/seed-round.js';

/**
 * Where our render differs from the seed on purpose. Each entry replaces the
 * seed's text with what we print, before the comparison.
 */
const SEED_DIFFERENCES: ReadonlyArray<{ seed: string; rendered: string; why: string }> = [
  {
    // Numbering slip: under "๓)" the seed numbers the sub-points "๑.๑)" and
    // "๑.๒)" (copied from "๑)" above). Level-3 numbers carry their parent's
    // number, so we print "๓.๑)" and "๓.๒)".
    seed: '๑.๑) พลเมืองเคลื่อนรัฐ OpenGov for Citizen ครั้งที่ ๑',
    rendered: '๓.๑) พลเมืองเคลื่อนรัฐ OpenGov for Citizen ครั้งที่ ๑',
    why: 'numbering slip',
  },
  {
    seed: '๑.๒) พลเมืองเคลื่อนรัฐ OpenGov for Citizen ครั้งที่ ๒',
    rendered: '๓.๒) พลเมืองเคลื่อนรัฐ OpenGov for Citizen ครั้งที่ ๒',
    why: 'numbering slip',
  },
  {
    // Item 1 alone words its progress heading "…แต่ละโครงการ/กิจกรรม"; the
    // other five use the standard heading, which we print for all.
    seed: '๑.๒ ความก้าวหน้าการดำเนินการแต่ละโครงการ/กิจกรรม',
    rendered: '๑.๒ ความก้าวหน้าการดำเนินการ',
    why: 'heading wording',
  },
  {
    // A line broken by hand inside paragraph ๒.๒.๗: Thai puts no space between
    // words, so the importer joins the two lines without one.
    seed: 'การปรับปรุงการดำเนินงาน ของหน่วยงานภาครัฐ',
    rendered: 'การปรับปรุงการดำเนินงานของหน่วยงานภาครัฐ',
    why: 'line wrapped inside a paragraph',
  },
];

/** Whitespace normalisation: runs of spaces and line breaks count as one space. */
function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('Seed report round trip', () => {
  it('imports the seed and renders it back to the same text, but for the listed differences', () => {
    // Prepare
    const imported = importReportOutline(seedText());
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems, null, 2));
    const report = buildReport(imported.round, imported.submissions);
    if (!report.ok) throw new Error(JSON.stringify(report.problems, null, 2));
    let expected = normaliseWhitespace(seedText());
    for (const difference of SEED_DIFFERENCES) {
      expect(expected, `seed no longer contains: ${difference.seed}`).toContain(difference.seed);
      expected = expected.replace(difference.seed, difference.rendered);
    }

    // Act
    const rendered = normaliseWhitespace(renderReportText(report.value, { summary: false }));

    // Assess
    expect(rendered).toBe(expected);
  });

  it('reports each repair it made as a notice with its line', () => {
    const imported = importReportOutline(seedText());
    expect(imported.notices.map((n) => [n.line, n.code])).toEqual([
      [14, 'outline.headingWording'],
      [229, 'outline.numberingSlip'],
      [231, 'outline.numberingSlip'],
    ]);
  });

  it('reads the round: FY 2566, six-month period, six items of the right kinds', () => {
    const imported = importReportOutline(seedText());
    if (!imported.ok) throw new Error('seed did not import');
    expect(imported.round.fiscalYear).toBe(2566);
    expect(imported.round.period).toBe('H1');
    expect(imported.round.items.map((i) => i.kind)).toEqual([
      'activity',
      'project',
      'activity',
      'project',
      'activity',
      'activity',
    ]);
  });

  it('reproduces the committed fixtures in events/seed exactly', () => {
    // The fixtures were produced by `acm-report import` with the agency named;
    // the text itself names no agency.
    const round = seedRound();
    const imported = importReportOutline(seedText(), {
      agency: round.agency,
      divisions: round.items.map((i) => i.division),
      due: round.due,
    });
    if (!imported.ok) throw new Error('seed did not import');
    // The text names no division either: their names were added to the
    // fixture by hand, after the import.
    const { divisions: _names, ...plan } = round;
    expect(imported.round).toEqual(plan);
    expect(imported.submissions).toEqual(seedSubmissions());
  });

  it('keeps the structure of the deepest item: four levels and continuation paragraphs', () => {
    const imported = importReportOutline(seedText());
    if (!imported.ok) throw new Error('seed did not import');
    const item5 = imported.submissions[4];
    const firstPoint = item5?.progress.points?.[0];
    // ๕.๒.๑ → ๑) → ๑.๑) → (๑)…(๑๐)
    expect(firstPoint?.points?.[0]?.points?.[0]?.points).toHaveLength(10);
    const item2 = imported.submissions[1];
    // ๒.๒.๖ carries the four "ครั้งที่ …" paragraphs as continuations.
    expect(item2?.progress.points?.[5]?.paragraphs).toHaveLength(4);
    expect(item2?.progress.points?.[5]?.paragraphs?.[0]).toMatch(/^ครั้งที่ ๑ ภาคเหนือ/);
  });
});
