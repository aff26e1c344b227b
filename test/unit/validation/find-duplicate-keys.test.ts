import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../../shared/validation/find-duplicate-keys.js';
import { parseJsonText } from '../../../shared/validation/parse-json-text.js';

describe('Function: findDuplicateKeys', () => {
  it('finds a repeated key with its path', () => {
    expect(findDuplicateKeys('{"a": 1, "b": [{"c": 1}, {"c": 2, "c": 3}], "a": 2}')).toEqual([
      ['b', 1, 'c'],
      ['a'],
    ]);
  });

  it('compares keys as JSON reads them, escapes decoded', () => {
    expect(findDuplicateKeys('{"b": 1, "\\u0062": 2}')).toEqual([['b']]);
  });

  it('is not fooled by braces, commas and quotes inside strings', () => {
    expect(findDuplicateKeys('{"a": "x\\", \\"a\\": {", "b": ",}{a"}')).toEqual([]);
  });

  it('lets the same key repeat in sibling objects', () => {
    expect(findDuplicateKeys('[{"a": 1}, {"a": 2}]')).toEqual([]);
  });
});

describe('Function: parseJsonText', () => {
  it('refuses a duplicate key, naming it', () => {
    const parsed = parseJsonText('{"budgetUsed": "1", "budgetUsed": "2"}');
    expect(parsed.problems.map((p) => [p.path, p.code])).toEqual([
      ['$.budgetUsed', 'json.duplicateKey'],
    ]);
    expect(parsed.problems[0]?.message.en).toContain('"budgetUsed"');
  });

  it('does not quote the input around a syntax error', () => {
    const parsed = parseJsonText('{"type": \u001b[31m}');
    expect(parsed.problems[0]?.code).toBe('json.syntax');
    expect(parsed.problems[0]?.message.en).toBe(
      "The file is not valid JSON (Unexpected token '\\u001B')",
    );
  });
});
