/**
 * Every invalid submission in test/fixtures/invalid-submissions is refused
 * with the field's JSON path, a specific code, and a message and fix in Thai
 * and English. Each fixture is the seed's item 2 with one thing broken.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseJsonText,
  validateAnyDocument,
} from '../../../shared/validation/validate-document.js';

const FOLDER = join(import.meta.dirname, '../../fixtures/invalid-submissions');

/** fixture → [JSON path, code, a phrase the English message must contain]. */
const EXPECTED: Record<string, [string, string, string]> = {
  'missing-progress': ['$.progress', 'value.required', 'progress is missing'],
  'missing-budget': ['$.budgetUsed', 'value.required', 'budgetUsed is missing'],
  'missing-problems': ['$.problems', 'value.required', 'problems is missing'],
  'missing-recommendations': ['$.recommendations', 'value.required', 'recommendations is missing'],
  'missing-objectives': ['$.objectives', 'value.required', 'objectives is missing'],
  'missing-type': ['$.type', 'value.required', 'type is missing'],
  'unknown-type': ['$.type', 'document.unknownType', '"report-draft"'],
  'schema-version-2': ['$.schemaVersion', 'schemaVersion.unsupported', 'not supported'],
  'agency-with-slash': ['$.agencyId', 'code.format', 'lower-case letters'],
  'division-upper-case': ['$.division', 'code.format', 'lower-case letters'],
  'fiscal-year-ce': ['$.fiscalYear', 'fiscalYear.range', 'Buddhist-era'],
  'fiscal-year-words': ['$.fiscalYear', 'fiscalYear.range', 'Buddhist-era'],
  'period-h2': ['$.period', 'value.notAllowed', 'not allowed'],
  'item-no-zero': ['$.itemNo', 'number.range', 'from 1 to 5000'],
  'item-no-fraction': ['$.itemNo', 'number.range', 'whole number'],
  'budget-three-decimals': ['$.budgetUsed', 'budget.tooManyDecimals', 'two decimal places'],
  'budget-float-number': ['$.budgetUsed', 'budget.float', 'fractional JSON number'],
  'budget-negative': ['$.budgetUsed', 'budget.negative', 'negative'],
  'budget-words': ['$.budgetUsed', 'budget.notANumber', 'not an amount'],
  'budget-empty': ['$.budgetUsed', 'budget.empty', 'empty'],
  'budget-boolean': ['$.budgetUsed', 'value.wrongType', 'not true or false'],
  'budget-too-large': ['$.budgetUsed', 'budget.tooLarge', 'larger than any real amount'],
  'budget-bad-grouping': ['$.budgetUsed', 'budget.notANumber', 'not an amount'],
  'progress-empty-object': ['$.progress', 'body.empty', 'no content'],
  'progress-string': ['$.progress', 'value.wrongType', 'must be an object'],
  'progress-point-without-text': ['$.progress.points[0].text', 'value.required', 'text is missing'],
  'progress-point-empty-text': ['$.progress.points[1].text', 'text.empty', 'empty'],
  'progress-point-number-text': ['$.progress.points[2].text', 'value.wrongType', 'not a number'],
  'progress-too-deep': ['$.progress.points', 'body.tooDeep', 'nests 5 levels'],
  'progress-bidi-override': ['$.progress.points[3].text', 'text.forbiddenCharacter', 'U+202E'],
  'progress-control-character': ['$.progress.points[0].text', 'text.forbiddenCharacter', 'U+0007'],
  'progress-line-break': ['$.progress.points[4].text', 'text.lineBreak', 'line break'],
  'progress-text-too-long': ['$.progress.points[0].text', 'text.tooLong', '10000 characters'],
  'progress-unknown-key': ['$.progress.points[0].number', 'value.unknownKey', '"number"'],
  'problems-yes': ['$.problems', 'value.wrongType', '"none" or an object'],
  'problems-empty-body': ['$.problems', 'body.empty', 'no content'],
  'recommendations-null': ['$.recommendations', 'value.wrongType', 'not null'],
  'recommendations-array': ['$.recommendations', 'value.wrongType', 'not an array'],
  'objectives-paragraph-not-string': [
    '$.objectives.paragraphs[0]',
    'value.wrongType',
    'must be a string',
  ],
  'unknown-top-level-field': ['$.budgetPlanned', 'value.unknownKey', '"budgetPlanned"'],
  'too-many-paragraphs': ['$.objectives.paragraphs', 'list.tooLong', 'more than 200'],
};

const fixtures = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, key: name.replace(/^\d+-/, '').replace(/\.json$/, '') }));

const THAI = /[\u0E00-\u0E7F]/;

describe('Invalid submissions', () => {
  it('has at least 30 distinct fixtures, each with an expectation', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    expect(fixtures.map((f) => f.key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(fixtures)('$name is refused at the right path with its own message', ({ name, key }) => {
    // Prepare
    const text = readFileSync(join(FOLDER, name), 'utf8');
    const [path, code, phrase] = EXPECTED[key] ?? ['', '', ''];

    // Act
    const parsed = parseJsonText(text);
    const result = parsed.ok ? validateAnyDocument(parsed.value) : parsed;

    // Assess
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.path).toBe(path);
    expect(problem?.code).toBe(code);
    expect(problem?.message.en).toContain(phrase);
    expect(problem?.message.th).toMatch(THAI);
    expect(problem?.fix.th).toMatch(THAI);
    expect(problem?.fix.en.length).toBeGreaterThan(10);
  });
});

describe('Documents that are not even JSON', () => {
  it.each([
    ['{"type": "submission",', 'json.syntax'],
    ['', 'json.syntax'],
    ['[1, 2, 3]', 'document.notObject'],
    ['"submission"', 'document.notObject'],
    ['null', 'document.notObject'],
  ])('%j is refused with %s', (text, code) => {
    const parsed = parseJsonText(text);
    const result = parsed.ok ? validateAnyDocument(parsed.value) : parsed;
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([code]);
  });

  it('says where a syntax error is', () => {
    const parsed = parseJsonText('{\n  "type": "submission",\n}');
    expect(parsed.problems[0]?.message.en).toMatch(/line 3, column 1/);
  });

  it('refuses a document over 1 MiB before parsing it', () => {
    const big = JSON.stringify({ type: 'submission', padding: 'x'.repeat(1024 * 1024) });
    expect(parseJsonText(big).problems.map((p) => p.code)).toEqual(['document.tooLarge']);
  });

  it('refuses nesting deep enough to exhaust a recursive validator', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(parseJsonText(deep).problems.map((p) => p.code)).toEqual(['document.tooDeep']);
  });

  it('accepts Thai digits and NFD text, storing numbers and NFC text', () => {
    const parsed = parseJsonText(
      readFileSync(join(import.meta.dirname, '../../../events/seed/items/6.json'), 'utf8'),
    );
    if (!parsed.ok) throw new Error('fixture is not JSON');
    const value = { ...(parsed.value as object), fiscalYear: '๒๕๖๖', itemNo: '๖' };
    const nfd = JSON.parse(JSON.stringify(value).normalize('NFD'));
    const result = validateAnyDocument(nfd);
    if (!result.ok || result.document.type !== 'submission') throw new Error('should be valid');
    expect(result.document.value.fiscalYear).toBe(2566);
    expect(result.document.value.itemNo).toBe(6);
    const text = result.document.value.progress.points?.[0]?.text ?? '';
    expect(text).toBe(text.normalize('NFC'));
  });
});
