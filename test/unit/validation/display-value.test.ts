import { describe, expect, it } from 'vitest';
import { capProblems, MAX_PROBLEMS } from '../../../shared/validation/cap-problems.js';
import {
  displayValue,
  escapeInvisibleInJson,
  visibleJsonString,
} from '../../../shared/validation/display-value.js';
import { makeProblem } from '../../../shared/validation/make-problem.js';
import { jsonPath } from '../../../shared/validation/validation-problem.js';

describe('Function: displayValue', () => {
  it('shows controls, bidi and tag characters as escapes', () => {
    expect(displayValue('a\u001b[2Jb\u202Ec\u{E0041}\uD800')).toBe(
      'a\\u001B[2Jb\\u202Ec\\u{E0041}\\uD800',
    );
  });

  it('keeps Thai and ordinary text as it is', () => {
    expect(displayValue('งบประมาณ "4,241,300"')).toBe('งบประมาณ "4,241,300"');
  });

  it('cuts a long value at a code point, marking the cut', () => {
    const shown = displayValue('😀'.repeat(300), 10);
    expect(shown).toBe(`${'😀'.repeat(10)}…`);
  });
});

describe('Function: visibleJsonString and escapeInvisibleInJson', () => {
  it('still parses to the same string', () => {
    const key = 'budget\u202Eused\u0085\u2028';
    const literal = visibleJsonString(key);
    expect(literal).not.toMatch(/[\u202E\u0085\u2028]/);
    expect(JSON.parse(literal)).toBe(key);
  });

  it('keeps the newlines of indented JSON and escapes only inside strings', () => {
    const text = escapeInvisibleInJson(JSON.stringify({ file: 'a\u202Eb' }, null, 2));
    expect(text).toBe('{\n  "file": "a\\u202Eb"\n}');
    expect(JSON.parse(text)).toEqual({ file: 'a\u202Eb' });
  });
});

describe('Function: jsonPath', () => {
  it('cuts a key longer than 100 characters', () => {
    expect(jsonPath(['k'.repeat(600_000)])).toBe(`$["${'k'.repeat(100)}…"]`);
  });

  it('quotes a key with a bidi override, escaped', () => {
    expect(jsonPath(['a\u202Eb', 0])).toBe('$["a\\u202Eb"][0]');
  });
});

describe('Function: makeProblem', () => {
  it('never replays invisible input in its messages', () => {
    const problem = makeProblem('document.unknownType', '$.type', {
      received: JSON.stringify('x\u202Ey\u009B'),
      allowed: '"submission"',
    });
    expect(problem.message.en).toBe('Unknown document "type" "x\\u202Ey\\u009B"');
  });
});

describe('Function: capProblems', () => {
  it('keeps the first MAX_PROBLEMS and says how many there were', () => {
    const many = Array.from({ length: 250 }, (_, i) => makeProblem('value.unknownKey', `$.k${i}`));
    const capped = capProblems(many);
    expect(capped).toHaveLength(MAX_PROBLEMS + 1);
    expect(capped.at(-1)).toMatchObject({ code: 'document.tooManyProblems', path: '$' });
    expect(capped.at(-1)?.message.en).toContain('250 problems');
  });

  it('leaves a short list alone', () => {
    const few = [makeProblem('text.empty', '$.a')];
    expect(capProblems(few)).toBe(few);
  });
});
