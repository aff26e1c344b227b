/**
 * When two IAM questions must get the same answer, so the simulator runs once
 * for both. Asked only by its exact text, almost every question was new:
 * each upload names an object key of its own and each DynamoDB request its
 * own partition keys (dynamodb:LeadingKeys), so the simulator ran for most
 * requests a local function sent (about 3 ms each, a tenth of an upload's CPU).
 *
 * A verdict depends on a request's strings (the resource ARN and each
 * condition key's values) only through how they compare with the strings in
 * the policies that apply (every Resource, NotResource and condition value of
 * the role's policies and of the resource's policy): equal, equal ignoring
 * case, matching as a wildcard pattern across the whole string, and matching
 * segment by segment as ArnLike does. Beyond that, the simulator reads the
 * resource ARN's shape to find the action's resource type; AWS's resource
 * type patterns hold words and separators, never digits or ids, so the shape
 * keeps everything but runs of digits and UUIDs (condition values have no
 * shape to read: only the comparisons count). Two questions whose strings
 * compare alike with every policy string, and whose shapes are equal, are
 * one question.
 *
 * Where that reasoning does not hold, the key is the question's whole text:
 * a policy string with a variable (`${aws:username}`: it is the request that
 * completes the pattern) or a numeric, date or IP address condition (the
 * digits themselves decide).
 */

import type { IamCheck } from './aws-request.js';
import type { PolicyDocument } from './template-policies.js';

interface PolicyStrings {
  /** The policies' own strings, each as the four ways a request string compares with it. */
  patterns: {
    text: string;
    lower: string;
    whole: RegExp;
    bySegment: RegExp;
  }[];
  /** Whether a request's exact strings decide (see above). */
  exactOnly: boolean;
}

const WILDCARDS = /[*?]/;
const STRING_OPERATORS = /^(ForAllValues:|ForAnyValue:)?(String|Arn|Bool|Null)/;

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** A wildcard pattern as IAM reads it: `*` any run of characters, `?` any one. */
function wildcard(pattern: string, within: string): RegExp {
  const body = [...pattern]
    .map((c) => (c === '*' ? `${within}*` : c === '?' ? within : escapeRegExp(c)))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

/** ArnLike: the first five colon-separated parts each match on their own; the resource part may hold colons. */
function arnPattern(pattern: string): RegExp {
  const parts = pattern.split(':');
  if (parts.length < 6) return wildcard(pattern, '.');
  const head = parts.slice(0, 5).map((part) => wildcard(part, '[^:]').source.slice(1, -1));
  const rest = wildcard(parts.slice(5).join(':'), '.').source.slice(1, -1);
  return new RegExp(`^${[...head, rest].join(':')}$`, 's');
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
}

function readPolicies(policies: readonly PolicyDocument[]): PolicyStrings {
  const strings = new Set<string>();
  let exactOnly = false;
  for (const policy of policies) {
    for (const raw of policy.Statement) {
      const statement = raw as Record<string, unknown>;
      collectStrings(statement.Resource, strings);
      collectStrings(statement.NotResource, strings);
      const condition = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>;
      for (const [operator, keys] of Object.entries(condition)) {
        if (!STRING_OPERATORS.test(operator)) exactOnly = true;
        for (const value of Object.values(keys ?? {})) collectStrings(value, strings);
      }
    }
  }
  for (const text of strings) if (text.includes('${')) exactOnly = true;
  return {
    exactOnly,
    patterns: [...strings].map((text) => ({
      text,
      lower: text.toLowerCase(),
      whole: WILDCARDS.test(text) ? wildcard(text, '.') : new RegExp(`^${escapeRegExp(text)}$`),
      bySegment: arnPattern(text),
    })),
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** What of a string the simulator reads beyond the comparisons: its shape. */
function shapeOf(text: string): string {
  return text.replace(UUID, 'U').replace(/\d+/g, '0');
}

function comparisons(strings: PolicyStrings, text: string): string {
  const lower = text.toLowerCase();
  let bits = '';
  for (const p of strings.patterns) {
    bits += `${text === p.text ? 1 : 0}${lower === p.lower ? 1 : 0}`;
    bits += `${p.whole.test(text) ? 1 : 0}${p.bySegment.test(text) ? 1 : 0}`;
  }
  return bits;
}

function contextKey(strings: PolicyStrings, value: string | string[]): string[] {
  const values = Array.isArray(value) ? value : [value];
  // Multivalued keys are sets in IAM (ForAllValues, ForAnyValue): order and repeats do not count.
  return [...new Set(values.map((v) => comparisons(strings, v)))].sort();
}

/** Makes the cache key of a question for one role (and the resource policy its resource has). */
export function verdictKeys(): (
  roleId: string,
  policies: readonly PolicyDocument[],
  check: IamCheck,
) => string {
  const read = new Map<string, PolicyStrings>();
  const byPolicies = new WeakMap<PolicyDocument, string>();
  let nextId = 0;
  const idOf = (policy: PolicyDocument) => {
    let id = byPolicies.get(policy);
    if (id === undefined) {
      id = String(nextId++);
      byPolicies.set(policy, id);
    }
    return id;
  };
  return (roleId, policies, check) => {
    const setId = `${roleId}:${policies.map(idOf).join(',')}`;
    let strings = read.get(setId);
    if (!strings) {
      strings = readPolicies(policies);
      read.set(setId, strings);
    }
    if (strings.exactOnly) {
      return JSON.stringify([setId, check.action, check.resource, check.context]);
    }
    const context = Object.keys(check.context)
      .sort()
      .map((key) => [key, contextKey(strings, check.context[key] ?? [])]);
    return JSON.stringify([
      setId,
      check.action,
      `${shapeOf(check.resource)}|${comparisons(strings, check.resource)}`,
      context,
    ]);
  };
}
