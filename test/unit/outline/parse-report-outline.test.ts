import { describe, expect, it } from 'vitest';
import { importReportOutline } from '../../../shared/outline/import-report-outline.js';
import { parseReportOutline } from '../../../shared/outline/parse-report-outline.js';
import { readOutlineParagraphs } from '../../../shared/outline/read-outline-paragraphs.js';

const TITLE = 'รายงานการกำกับติดตาม\n\nการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๑๒ เดือน';

/** A one-item report in the standard outline; `progress` replaces section ๑.๒'s content. */
function oneItem(
  progress: string,
  overrides: Partial<Record<'budget' | 'problems', string>> = {},
): string {
  return [
    TITLE,
    '๑. มาตรการป้องกันผลประโยชน์ทับซ้อน',
    '๑.๑ วัตถุประสงค์มาตรการ',
    'เพื่อป้องกันผลประโยชน์ทับซ้อน',
    '๑.๒ ความก้าวหน้าการดำเนินการ',
    progress,
    '๑.๓ งบประมาณที่ใช้ดำเนินงาน',
    overrides.budget ?? '๑๒,๕๐๐.๕๐ บาท',
    '๑.๔ ปัญหา/อุปสรรค',
    overrides.problems ?? 'ไม่มี',
    '๑.๕ ข้อเสนอแนะ',
    'ไม่มี',
    '.....',
  ].join('\n\n');
}

function importOk(text: string) {
  const result = importReportOutline(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result;
}

describe('parseReportOutline: what it reads', () => {
  it('reads the twelve-month round and a measure', () => {
    const result = importOk(oneItem('๑.๒.๑ จัดทำคู่มือ'));
    expect(result.round.period).toBe('FY');
    expect(result.round.fiscalYear).toBe(2567);
    expect(result.round.items[0]).toMatchObject({ kind: 'measure', no: 1 });
    expect(result.submissions[0]?.budgetUsed).toBe('12500.50');
    expect(result.round.due).toBe('2024-10-30');
  });

  it('reads numbering in Arabic digits as well as Thai', () => {
    const text = oneItem('1.2.1 จัดทำคู่มือ\n\n1) ฉบับที่หนึ่ง\n\n1.1) ส่วนที่หนึ่ง\n\n(1) หัวข้อ')
      .replace('๑. มาตรการ', '1. มาตรการ')
      .replace('๑.๑ วัตถุ', '1.1 วัตถุ');
    const result = importOk(text);
    expect(result.notices).toEqual([]);
    expect(
      result.submissions[0]?.progress.points?.[0]?.points?.[0]?.points?.[0]?.points?.[0]?.text,
    ).toBe('หัวข้อ');
  });

  it('accepts varied heading wording and notes the standard wording it will print', () => {
    const text = oneItem('๑.๒.๑ จัดทำคู่มือ').replace('๑.๒ ความก้าวหน้าการดำเนินการ', '๑.๒ ผลการดำเนินงาน');
    const result = importOk(text);
    expect(result.notices.map((n) => n.code)).toEqual(['outline.headingWording']);
  });

  it('keeps unnumbered paragraphs as continuations of the point before them', () => {
    const result = importOk(oneItem('๑.๒.๑ จัดประชุม ๒ ครั้ง ดังนี้\n\nครั้งที่ ๑ ที่เชียงใหม่\n\nครั้งที่ ๒ ที่สงขลา'));
    expect(result.submissions[0]?.progress.points?.[0]?.paragraphs).toEqual([
      'ครั้งที่ ๑ ที่เชียงใหม่',
      'ครั้งที่ ๒ ที่สงขลา',
    ]);
  });

  it("keeps unnumbered paragraphs before the first point as the section's own", () => {
    const result = importOk(oneItem('ดำเนินการแล้ว ดังนี้\n\n๑.๒.๑ จัดประชุม'));
    expect(result.submissions[0]?.progress.paragraphs).toEqual(['ดำเนินการแล้ว ดังนี้']);
  });

  it('joins a paragraph split across a page break (form feed)', () => {
    const result = importOk(oneItem('๑.๒.๑ คัดเลือกงานบริการ จำนวน ๑๒ งาน\n\f\nบริการ/ใบอนุญาต เพิ่มเติม'));
    expect(result.submissions[0]?.progress.points?.[0]?.text).toBe(
      'คัดเลือกงานบริการ จำนวน ๑๒ งานบริการ/ใบอนุญาต เพิ่มเติม',
    );
    expect(result.notices.map((n) => n.code)).toEqual(['outline.pageBreakJoined']);
  });

  it('joins a paragraph split by a "- ๑๒ -" page-number line', () => {
    const result = importOk(oneItem('๑.๒.๑ ประชุมร่วมกับหน่วยงาน\n\n- ๑๒ -\n\nในพื้นที่จังหวัดลำปาง'));
    expect(result.submissions[0]?.progress.points?.[0]?.text).toBe(
      'ประชุมร่วมกับหน่วยงานในพื้นที่จังหวัดลำปาง',
    );
  });

  it('does not join a numbered point that follows a page break', () => {
    const result = importOk(oneItem('๑.๒.๑ ข้อแรก\n\f\n๑.๒.๒ ข้อที่สอง'));
    expect(result.submissions[0]?.progress.points?.map((p) => p.text)).toEqual(['ข้อแรก', 'ข้อที่สอง']);
  });

  it('reads one-paragraph-per-line text (no blank lines), as some Word exports write', () => {
    const text = oneItem('๑.๒.๑ ข้อแรก\n๑.๒.๒ ข้อที่สอง').replace(/\n\n/g, '\n');
    const result = importOk(text);
    expect(result.submissions[0]?.progress.points).toHaveLength(2);
  });

  it('joins a hand-wrapped line without a space between Thai letters, with one otherwise', () => {
    const paragraphs = readOutlineParagraphs('การดำเนินงาน\nของหน่วยงาน\n\nOpen\nGovernment');
    expect(paragraphs.map((p) => p.text)).toEqual(['การดำเนินงานของหน่วยงาน', 'Open Government']);
  });

  it('reads "ไม่ใช้งบประมาณ" as no budget and "ไม่มี" as no problems', () => {
    const result = importOk(oneItem('๑.๒.๑ ข้อแรก', { budget: 'ไม่ใช้งบประมาณ' }));
    expect(result.submissions[0]?.budgetUsed).toBe('none');
    expect(result.submissions[0]?.problems).toBe('none');
  });

  it('notes a numbering slip and numbers by position', () => {
    const result = importOk(oneItem('๑.๒.๑ ข้อแรก\n\n๑.๒.๓ ข้อที่สอง\n\n๓) ย่อย'));
    expect(result.notices.map((n) => [n.code, n.line])).toEqual([
      ['outline.numberingSlip', 15],
      ['outline.numberingSlip', 17],
    ]);
    expect(result.notices[0]?.message.en).toContain('expected ๑.๒.๒');
  });

  it('accepts CRLF line ends and a byte-order mark', () => {
    const text = `\uFEFF${oneItem('๑.๒.๑ ข้อแรก').replace(/\n/g, '\r\n')}`;
    expect(importOk(text).submissions).toHaveLength(1);
  });
});

describe('parseReportOutline: what it refuses, with the line and what was expected', () => {
  function problemsOf(text: string) {
    const result = parseReportOutline(text);
    if (result.ok) throw new Error('expected problems');
    return result.problems.map((p) => ({ code: p.code, line: p.line, en: p.message.en }));
  }

  it('an empty file', () => {
    expect(problemsOf('  \n\n ')).toEqual([
      expect.objectContaining({ code: 'outline.empty', line: 1 }),
    ]);
  });

  it('a file without the title block', () => {
    expect(problemsOf('๑. โครงการ ก\n\n๑.๑ วัตถุประสงค์โครงการ')).toEqual([
      expect.objectContaining({ code: 'outline.noTitle', line: 1 }),
    ]);
  });

  it('a title without any plan item', () => {
    expect(problemsOf(TITLE)).toEqual([expect.objectContaining({ code: 'outline.noItems' })]);
  });

  it('an item title that is not a project, activity or measure', () => {
    const text = oneItem('๑.๒.๑ ข้อแรก').replace('๑. มาตรการ', '๑. แผนงาน');
    expect(problemsOf(text)[0]).toMatchObject({ code: 'outline.itemKind', line: 5 });
  });

  it('a missing section, named with its number and heading', () => {
    const text = oneItem('๑.๒.๑ ข้อแรก').replace('๑.๓ งบประมาณที่ใช้ดำเนินงาน\n\n๑๒,๕๐๐.๕๐ บาท\n\n', '');
    const [problem] = problemsOf(text);
    expect(problem).toMatchObject({ code: 'outline.missingSection', line: 15 });
    expect(problem?.en).toContain('๑.๓ งบประมาณที่ใช้ดำเนินงาน');
  });

  it('sections out of order', () => {
    const text = oneItem('๑.๒.๑ ข้อแรก').replace('๑.๕ ข้อเสนอแนะ\n\nไม่มี', '๑.๔ ปัญหา/อุปสรรค\n\nไม่มี');
    expect(problemsOf(text).map((p) => p.code)).toContain('outline.sectionOrder');
  });

  it('content before the first section heading', () => {
    const text = oneItem('๑.๒.๑ ข้อแรก').replace('๑.๑ วัตถุประสงค์มาตรการ\n\n', '');
    expect(problemsOf(text)[0]).toMatchObject({ code: 'outline.contentBeforeSection', line: 7 });
  });

  it('a sub-point with no parent point', () => {
    expect(problemsOf(oneItem('๑.๑) ย่อยโดยไม่มีข้อแม่'))).toContainEqual(
      expect.objectContaining({ code: 'outline.skippedLevel', line: 13 }),
    );
  });

  it('a budget that is not an amount', () => {
    expect(problemsOf(oneItem('๑.๒.๑ ข้อแรก', { budget: 'ประมาณห้าล้าน' }))[0]).toMatchObject({
      code: 'outline.budget',
      line: 17,
    });
  });

  it('an empty section', () => {
    const text = oneItem('๑.๒.๑ ข้อแรก').replace('\n\nเพื่อป้องกันผลประโยชน์ทับซ้อน', '');
    expect(problemsOf(text)[0]).toMatchObject({ code: 'outline.emptySection', line: 7 });
  });

  it('text between items, outside any item', () => {
    const text = `${oneItem('๑.๒.๑ ข้อแรก')}\n\nหมายเหตุ ข้อความลอย`;
    expect(problemsOf(text)[0]).toMatchObject({ code: 'outline.textOutsideItem', line: 29 });
  });
});
