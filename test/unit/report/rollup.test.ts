import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/build-report.js';
import { computeRollup } from '../../../shared/report/compute-rollup.js';
import { renderReportText } from '../../../shared/report/render-report-text.js';
import type { Submission } from '../../../shared/schemas/submission-schema.js';
import { seedReport, seedRound, seedSubmissions } from '../../helpers/seed-round.js';

describe('Roll-up of the seed round', () => {
  it('counts 6 items, 2 projects and 4 activities', () => {
    const { rollup } = seedReport();
    expect(rollup.items).toBe(6);
    expect(rollup.byKind).toEqual({ project: 2, activity: 4, measure: 0 });
  });

  it('totals the budget used exactly: 23,963,535 Baht', () => {
    const { rollup } = seedReport();
    expect(rollup.budgetUsed).toBe('23963535');
    expect(rollup.itemsWithBudget).toBe(5);
    expect(rollup.itemsWithoutBudget).toBe(1);
  });

  it('finds one item with problems and one with recommendations', () => {
    const { rollup } = seedReport();
    expect(rollup.itemsWithProblems).toBe(1);
    expect(rollup.itemsWithRecommendations).toBe(1);
  });

  it('rolls up per division, in plan order', () => {
    const { rollup } = seedReport();
    expect(rollup.byDivision).toHaveLength(6);
    expect(rollup.byDivision[2]).toMatchObject({
      division: 'division-placeholder-03',
      budgetUsed: '13784920',
      itemsWithProblems: 1,
    });
  });

  it('prints the roll-up as a summary section in Thai digits', () => {
    const text = renderReportText(seedReport());
    expect(text).toContain('สรุปภาพรวมผลการดำเนินงาน');
    expect(text).toContain('งบประมาณที่ใช้ดำเนินงานรวม ๒๓,๙๖๓,๕๓๕ บาท');
    expect(text).toContain('โครงการ ๒ รายการ กิจกรรม ๔ รายการ');
    expect(renderReportText(seedReport(), { summary: false })).not.toContain('สรุปภาพรวม');
  });
});

describe('computeRollup', () => {
  it('adds satang without float error', () => {
    const item = {
      kind: 'measure' as const,
      division: 'd1',
      problems: 'none' as const,
      recommendations: 'none' as const,
    };
    const rollup = computeRollup([
      { ...item, budgetUsed: '0.10' },
      { ...item, budgetUsed: '0.20' },
      { ...item, budgetUsed: 'none' },
    ]);
    expect(rollup.budgetUsed).toBe('0.30');
    expect(rollup.byKind.measure).toBe(3);
    expect(rollup.byDivision).toEqual([
      {
        division: 'd1',
        items: 3,
        budgetUsed: '0.30',
        itemsWithBudget: 2,
        itemsWithoutBudget: 1,
        itemsWithProblems: 0,
        itemsWithRecommendations: 0,
      },
    ]);
  });
});

function first(): Submission {
  const [submission] = seedSubmissions();
  if (!submission) throw new Error('the seed has no submissions');
  return submission;
}

describe('buildReport', () => {
  it('names the missing item and who owes it', () => {
    const result = buildReport(seedRound(), seedSubmissions().slice(1));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'report.missingSubmission', path: '$.items[0]' }),
    ]);
    expect(result.problems[0]?.fix.en).toContain('division-placeholder-01');
  });

  it('refuses a second submission for the same item', () => {
    const submissions = seedSubmissions();
    const result = buildReport(seedRound(), [...submissions, first()]);
    expect(result.problems.map((p) => p.code)).toEqual(['report.duplicateSubmission']);
  });

  it('refuses a submission from another division or another round', () => {
    const rest = seedSubmissions().slice(1);
    const wrongDivision = buildReport(seedRound(), [{ ...first(), division: 'other' }, ...rest]);
    expect(wrongDivision.problems.map((p) => [p.code, p.path])).toContainEqual([
      'submission.wrongDivision',
      'submissions[0].division',
    ]);
    const wrongYear = buildReport(seedRound(), [{ ...first(), fiscalYear: 2567 }, ...rest]);
    expect(wrongYear.problems.map((p) => p.code)).toContain('submission.roundMismatch');
    const unknownItem = buildReport(seedRound(), [...seedSubmissions(), { ...first(), itemNo: 9 }]);
    expect(unknownItem.problems.map((p) => p.code)).toEqual(['submission.unknownItem']);
  });

  it('keeps plan order whatever order submissions arrive in', () => {
    const result = buildReport(seedRound(), seedSubmissions().reverse());
    if (!result.ok) throw new Error('did not build');
    expect(result.value.items.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
