/**
 * Turns zod's issues into ValidationProblems: a JSON path, a Thai and an
 * English message, and a fix. zod's own messages are English-only and say
 * nothing about how to fix, so each issue is mapped onto the catalogue.
 */

import type * as z from '../schemas/zod-mini.js';
import { capProblems } from './cap-problems.js';
import { makeProblem } from './make-problem.js';
import { FIELD_HINTS, MESSAGES } from './validation-messages.js';
import { jsonPath, type ValidationProblem } from './validation-problem.js';

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

const TYPE_NAMES: Record<string, { th: string; en: string }> = {
  string: { th: 'ข้อความ (string)', en: 'a string' },
  number: { th: 'ตัวเลข (number)', en: 'a number' },
  object: { th: 'ออบเจกต์ ({ ... })', en: 'an object ({ ... })' },
  array: { th: 'รายการ ([ ... ])', en: 'an array ([ ... ])' },
  boolean: { th: 'ค่าจริง/เท็จ (boolean)', en: 'true or false' },
  null: { th: 'ค่าว่าง (null)', en: 'null' },
  undefined: { th: 'ไม่มีค่า', en: 'nothing' },
  // 1e309 parses to Infinity: a number, but none that zod or money can hold.
  infinity: {
    th: 'ตัวเลขที่ใหญ่เกินกว่าจะเก็บได้ (เช่น 1e309)',
    en: 'a number too large to hold (such as 1e309)',
  },
};

function typeName(name: string): { th: string; en: string } {
  return TYPE_NAMES[name] ?? { th: name, en: name };
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'infinity';
  return typeof value;
}

function valueAt(root: unknown, path: Path): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** The name people know a value by: "progress", "items[3].title". */
function fieldName(path: Path): string {
  const lastKey = [...path].reverse().find((s) => typeof s === 'string');
  const index = path.length > 0 ? path[path.length - 1] : undefined;
  if (lastKey === undefined) return path.length ? jsonPath(path) : 'เอกสาร / document';
  return typeof index === 'number' ? `${String(lastKey)}[${index}]` : String(lastKey);
}

function problem(
  code: string,
  path: Path,
  values: Record<string, unknown> = {},
): ValidationProblem {
  return makeProblem(code, jsonPath(path), { field: fieldName(path), ...values });
}

function expectedNames(expected: string[]): Record<string, string> {
  const names = expected.map(typeName);
  return {
    expectedTh: names.map((n) => n.th).join(' หรือ '),
    expectedEn: names.map((n) => n.en).join(' or '),
  };
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function missingValue(path: Path): ValidationProblem {
  const key = String(path[path.length - 1] ?? '');
  const hint = FIELD_HINTS[key];
  return problem('value.required', path, {
    expectedTh: hint?.th ?? 'ตามแบบ (schema)',
    expectedEn: hint?.en ?? 'as the schema describes',
  });
}

/** A union branch "matches the shape" when it did not fail at its own root. */
function failedAtRoot(issues: readonly Issue[]): boolean {
  return issues.some(
    (i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'),
  );
}

function unionProblems(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: Path,
  input: unknown,
): ValidationProblem[] {
  const value = valueAt(input, path);
  if (value === undefined) return [missingValue(path)];
  const branches = issue.errors.filter((b) => !failedAtRoot(b));
  if (branches.length > 0) {
    // Report the branch that got furthest: the one with the fewest issues.
    const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
    return best.flatMap((i) => toProblems(i, input, path));
  }
  const literals = issue.errors.flatMap((b) =>
    b.flatMap((i) => (i.code === 'invalid_value' ? i.values : [])),
  );
  const types = issue.errors.flatMap((b) =>
    b.flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : [])),
  );
  if (types.length === 0 && literals.length > 0) {
    return [problem('value.notAllowed', path, { allowed: quoteAll(literals) })];
  }
  const expected = [...new Set([...literals.map((l) => JSON.stringify(l)), ...types])];
  return [
    problem('value.wrongType', path, {
      ...expectedNames(expected),
      receivedTh: typeName(typeOf(value)).th,
      receivedEn: typeName(typeOf(value)).en,
    }),
  ];
}

function toProblems(issue: Issue, input: unknown, base: Path): ValidationProblem[] {
  const path: Path = [...base, ...issue.path];
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, path);
      if (value === undefined) return [missingValue(path)];
      return [
        problem('value.wrongType', path, {
          ...expectedNames([issue.expected]),
          receivedTh: typeName(typeOf(value)).th,
          receivedEn: typeName(typeOf(value)).en,
        }),
      ];
    }
    case 'invalid_value':
      if (valueAt(input, path) === undefined) return [missingValue(path)];
      if (last === 'schemaVersion') return [problem('schemaVersion.unsupported', path)];
      if (last === 'type' && path.length === 1) {
        return [
          problem('document.unknownType', path, {
            received: JSON.stringify(valueAt(input, path)),
            allowed: quoteAll(issue.values),
          }),
        ];
      }
      return [problem('value.notAllowed', path, { allowed: quoteAll(issue.values) })];
    case 'unrecognized_keys':
      // One problem per key, at the key's own path, so an editor can point at it.
      return issue.keys.map((key) =>
        problem('value.unknownKey', [...path, key], { keys: JSON.stringify(key) }),
      );
    case 'too_small':
      if (issue.origin === 'string') return [problem('text.empty', path)];
      return [problem('list.empty', path, { min: issue.minimum })];
    case 'too_big':
      if (issue.origin === 'string') {
        return [problem('text.tooLong', path, { max: issue.maximum })];
      }
      return [problem('list.tooLong', path, { max: issue.maximum })];
    case 'invalid_union':
      return unionProblems(issue, path, input);
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      const code = typeof params.code === 'string' ? params.code : issue.message;
      const extra: Record<string, unknown> = { ...params };
      if (code === 'body.empty') {
        const canBeNone = last === 'problems' || last === 'recommendations';
        extra.noneHintTh = canBeNone ? ' หรือเขียน "none" หากไม่มี' : '';
        extra.noneHintEn = canBeNone ? ', or write "none" if there are none' : '';
      }
      return [problem(code, path, extra)];
    }
    default:
      // Format checks carry their catalogue code as the message.
      return [problem(issue.message in MESSAGES ? issue.message : 'invalid', path)];
  }
}

/** Every issue as a problem, in document order, without repeats, at most MAX_PROBLEMS. */
export function problemsFromIssues(issues: readonly Issue[], input: unknown): ValidationProblem[] {
  const seen = new Set<string>();
  const problems = issues
    .flatMap((issue) => toProblems(issue, input, []))
    .filter((p) => {
      const key = `${p.path}\u0000${p.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return capProblems(problems);
}
