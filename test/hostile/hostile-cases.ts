/**
 * The hostile corpus: uploads meant to break the validator, the intake
 * function or the renderers, each with what it must come to. Every case is
 * the seed's plan item 1 (opdc, FY 2566, H1, division-placeholder-01) with
 * one hostile thing in it, so it can go through `acm-report validate` and
 * through intake as that item's upload alike. Large cases are built when a
 * test asks for their bytes, not at import.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { MAX_PATH_KEY_CHARS } from '../../shared/validation/validation-problem.js';
import { documentXml, wordParts, writeZip } from './zip-writer.js';

export type CaseFormat = 'json' | 'txt' | 'docx';

export interface ExpectedProblem {
  path: string;
  code: string;
}

export type Expectation =
  /** Refused, with at least these problems (path and code). */
  | { outcome: 'reject'; problems: ExpectedProblem[] }
  /** Accepted; `text` is a stored paragraph that must render inert and extract exactly. */
  | { outcome: 'accept'; text?: string };

export interface HostileCase {
  id: string;
  format: CaseFormat;
  bytes: () => Promise<Uint8Array>;
  expect: Expectation;
  /** Where the command line sees it differently (it has no content type, no key). */
  cli?: Expectation;
  intake?: {
    expect?: Expectation;
    /** Written straight to the incoming bucket: a POST cannot express it. */
    direct?: { contentType: string };
    /** The multipart file name the browser would send. */
    fileName?: string;
  };
  /** The file name on disk for the command line (default `<id>.<format>`). */
  cliFileName?: string;
}

const ROOT = join(import.meta.dirname, '../..');
const SEED_ITEM = JSON.parse(readFileSync(join(ROOT, 'events/seed/items/1.json'), 'utf8')) as {
  progress: { points: Array<{ text: string }> };
  [key: string]: unknown;
};
/** The seed's first plan item as an outline: the title lines and item 1. */
const SEED_OUTLINE = readFileSync(join(ROOT, 'events/seed/opdc-fy2566-h1.txt'), 'utf8')
  .split('\n')
  .slice(0, 34);
/** The line of the outline holding progress point ๑.๒.๑. */
const PROGRESS_LINE = SEED_OUTLINE.findIndex((line) => line.startsWith('๑.๒.๑ '));

export const HOSTILE_TARGET = { itemNo: 1, division: 'division-placeholder-01' } as const;
export const PROGRESS_TEXT_PATH = '$.progress.points[0].text';

const encode = (text: string) => new TextEncoder().encode(text);
const once = <T>(make: () => T): (() => T) => {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
};

/** The seed item with changes, as JSON text. */
function submission(change: (doc: Record<string, unknown>) => void = () => undefined): string {
  const doc = structuredClone(SEED_ITEM) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc, null, 2);
}

/** A change that sets one top-level field. */
const set =
  (key: string, value: unknown) =>
  (doc: Record<string, unknown>): void => {
    doc[key] = value;
  };

function withProgressText(text: string): string {
  return submission((doc) => {
    (doc.progress as { points: Array<{ text: string }> }).points[0] = { text };
  });
}

function outline(progressText?: string): string {
  const lines = [...SEED_OUTLINE];
  if (progressText !== undefined) lines[PROGRESS_LINE] = `๑.๒.๑ ${progressText}`;
  return lines.join('\n');
}

async function word(paragraphs: readonly string[]): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: paragraphs.map(
          (text) => new Paragraph({ children: [new TextRun({ text, font: 'TH Sarabun New' })] }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const outlineParagraphs = (progressText?: string) =>
  outline(progressText)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\n/g, ' ').trim())
    .filter(Boolean);

const reject = (...problems: Array<[string, string]>): Expectation => ({
  outcome: 'reject',
  problems: problems.map(([path, code]) => ({ path, code })),
});
const accept = (text?: string): Expectation =>
  text === undefined ? { outcome: 'accept' } : { outcome: 'accept', text };

const json = (
  id: string,
  text: () => string,
  expect: Expectation,
  more: Partial<HostileCase> = {},
) => ({ id, format: 'json', bytes: async () => encode(text()), expect, ...more }) as HostileCase;
const jsonBytes = (id: string, bytes: () => Uint8Array, expect: Expectation) =>
  ({ id, format: 'json', bytes: async () => bytes(), expect }) as HostileCase;

// ── JSON that is not JSON, or not a document ────────────────────────────────

/** Intake reads only submissions, so a non-object is "not an object" by that schema. */
const INTAKE_NOT_OBJECT = { intake: { expect: reject(['$', 'value.wrongType']) } };

const syntax: HostileCase[] = [
  json('empty-file', () => '', reject(['$', 'json.syntax'])),
  json('whitespace-only', () => ' \n\t ', reject(['$', 'json.syntax'])),
  json('truncated', () => submission().slice(0, 200), reject(['$', 'json.syntax'])),
  json('trailing-comma', () => submission().replace(/\n}$/, ',\n}'), reject(['$', 'json.syntax'])),
  json('single-quotes', () => "{'type': 'submission'}", reject(['$', 'json.syntax'])),
  json(
    'nan-literal',
    () => submission().replace(/"budgetUsed": "[^"]*"/, '"budgetUsed": NaN'),
    reject(['$', 'json.syntax']),
  ),
  json(
    'infinity-literal',
    () => submission().replace(/"budgetUsed": "[^"]*"/, '"budgetUsed": Infinity'),
    reject(['$', 'json.syntax']),
  ),
  json('comment', () => `// report\n${submission()}`, reject(['$', 'json.syntax'])),
  json('ansi-escape-token', () => '{"type": \u001b[31m}', reject(['$', 'json.syntax'])),
  json('bidi-token', () => '{"type": \u202E}', reject(['$', 'json.syntax'])),
  json(
    'top-level-array',
    () => `[${submission()}]`,
    reject(['$', 'document.notObject']),
    INTAKE_NOT_OBJECT,
  ),
  json(
    'top-level-string',
    () => '"submission"',
    reject(['$', 'document.notObject']),
    INTAKE_NOT_OBJECT,
  ),
  json('top-level-null', () => 'null', reject(['$', 'document.notObject']), INTAKE_NOT_OBJECT),
  json('top-level-1e309', () => '1e309', reject(['$', 'document.notObject']), INTAKE_NOT_OBJECT),
];

// ── Size and shape ──────────────────────────────────────────────────────────

const MIB = 1024 * 1024;
const OVER_SIZE_JSON = { expect: reject(['$', 'upload.tooLarge']) };

const shape: HostileCase[] = [
  json(
    'deep-arrays-10k',
    () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    reject(['$', 'document.tooDeep']),
  ),
  json(
    'deep-objects-10k',
    () => `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    reject(['$', 'document.tooDeep']),
  ),
  json(
    'deep-points-40',
    () =>
      submission((doc) => {
        let point: Record<string, unknown> = { text: 'ลึก' };
        for (let i = 0; i < 40; i += 1) point = { text: 'ลึก', points: [point] };
        doc.progress = { points: [point] };
      }),
    reject(['$', 'document.tooDeep']),
  ),
  json(
    'string-20mb',
    () => withProgressText('ก'.repeat(7 * MIB)),
    reject(['$', 'document.tooLarge']),
    { intake: { ...OVER_SIZE_JSON, direct: { contentType: 'application/json' } } },
  ),
  json(
    'array-1e6',
    () => submission(set('objectives', { paragraphs: Array(1_000_000).fill('x') })),
    reject(['$', 'document.tooLarge']),
    { intake: { ...OVER_SIZE_JSON, direct: { contentType: 'application/json' } } },
  ),
  json(
    'one-byte-over-1mib',
    () => {
      const base = withProgressText('');
      return withProgressText('x'.repeat(MIB - Buffer.byteLength(base) + 1));
    },
    reject(['$', 'document.tooLarge']),
    { intake: { ...OVER_SIZE_JSON, direct: { contentType: 'application/json' } } },
  ),
  json(
    'array-400k-under-limit',
    // Compact, so that it stays under the 1 MiB limit and reaches the schema.
    () => JSON.stringify({ ...SEED_ITEM, objectives: { paragraphs: Array(400_000).fill(1) } }),
    reject(['$.objectives.paragraphs', 'list.tooLong']),
  ),
  json(
    'unknown-keys-60k',
    () =>
      submission((doc) => {
        for (let i = 0; i < 60_000; i += 1) doc[`k${i}`] = 1;
      }),
    reject(['$.k0', 'value.unknownKey'], ['$', 'document.tooManyProblems']),
  ),
  json(
    'key-600kb',
    () => submission(set('k'.repeat(600_000), 1)),
    reject([`$[${JSON.stringify(`${'k'.repeat(MAX_PATH_KEY_CHARS)}…`)}]`, 'value.unknownKey']),
  ),
  json(
    'points-501',
    () => submission(set('progress', { points: Array(501).fill({ text: 'ข้อ' }) })),
    reject(['$.progress.points', 'list.tooLong']),
  ),
  json(
    'paragraph-10001',
    () => withProgressText('ก'.repeat(10_001)),
    reject([PROGRESS_TEXT_PATH, 'text.tooLong']),
  ),
  json(
    'paragraph-300k',
    () => withProgressText('ก'.repeat(300_000)),
    reject([PROGRESS_TEXT_PATH, 'text.tooLong']),
  ),
  json(
    'combining-marks-500k',
    () => withProgressText(`a${'\u0301\u0316'.repeat(250_000)}`),
    reject([PROGRESS_TEXT_PATH, 'text.stackedMarks']),
  ),
  json(
    'thai-tone-marks-40',
    () => withProgressText(`ก${'\u0E48'.repeat(40)}`),
    reject([PROGRESS_TEXT_PATH, 'text.stackedMarks']),
  ),
];

// ── Keys: duplicates and prototype names ───────────────────────────────────

const keys: HostileCase[] = [
  json(
    'duplicate-budget',
    () => submission().replace('{', '{\n  "budgetUsed": "1",'),
    reject(['$.budgetUsed', 'json.duplicateKey']),
  ),
  json(
    'duplicate-escaped-key',
    () => submission().replace('{', '{\n  "\\u0062udgetUsed": "1",'),
    reject(['$.budgetUsed', 'json.duplicateKey']),
  ),
  json(
    'duplicate-nested-text',
    () => submission().replace('"text": ', '"text": "ซ่อน", "text": '),
    reject(['$.objectives.points[0].text', 'json.duplicateKey']),
  ),
  json(
    'proto-key',
    () => submission().replace('{', '{"__proto__": {"admin": true},'),
    reject(['$.__proto__', 'value.unknownKey']),
  ),
  json(
    'constructor-key',
    () => submission().replace('{', '{"constructor": {"name": "x"},'),
    reject(['$.constructor', 'value.unknownKey']),
  ),
  json(
    'proto-in-point',
    () => submission(set('progress', JSON.parse('{"points":[{"__proto__":{"text":"x"}}]}'))),
    reject(
      ['$.progress.points[0].text', 'value.required'],
      ['$.progress.points[0].__proto__', 'value.unknownKey'],
    ),
  ),
  json(
    'prototype-key',
    () => submission(set('progress', { points: [{ text: 'x', prototype: {} }] })),
    reject(['$.progress.points[0].prototype', 'value.unknownKey']),
  ),
  json(
    'bidi-key',
    () => submission(set('budget\u202EdesU', '1')),
    reject(['$["budget\\u202EdesU"]', 'value.unknownKey']),
  ),
];

// ── Numbers ─────────────────────────────────────────────────────────────────

const budget = (raw: string) => () =>
  submission().replace(/"budgetUsed": "[^"]*"/, `"budgetUsed": ${raw}`);
const B = '$.budgetUsed';

const numbers: HostileCase[] = [
  json('budget-1e309', budget('1e309'), reject([B, 'value.wrongType'])),
  json('budget-minus-1e309', budget('-1e309'), reject([B, 'value.wrongType'])),
  json('budget-1e21', budget('1e21'), reject([B, 'budget.tooLarge'])),
  json('budget-minus-zero', budget('-0'), accept()),
  json('budget-nan-text', budget('"NaN"'), reject([B, 'budget.notANumber'])),
  json('budget-infinity-text', budget('"Infinity"'), reject([B, 'budget.notANumber'])),
  json('budget-exponent-text', budget('"1e6"'), reject([B, 'budget.notANumber'])),
  json('budget-hex-text', budget('"0x10"'), reject([B, 'budget.notANumber'])),
  json('budget-thai-digits', budget('"๔,๒๔๑,๓๐๐.๕๐ บาท"'), accept()),
  json('budget-arabic-indic', budget('"١٠٠"'), reject([B, 'budget.notANumber'])),
  json('budget-fullwidth', budget('"１００"'), reject([B, 'budget.notANumber'])),
  json('item-no-thai-digit', () => submission(set('itemNo', '๑')), accept()),
  json('fiscal-year-thai-digits', () => submission(set('fiscalYear', '๒๕๖๖')), accept()),
  json(
    'fiscal-year-fullwidth',
    () => submission(set('fiscalYear', '２５６６')),
    reject(['$.fiscalYear', 'fiscalYear.range']),
  ),
  json(
    'item-no-1e309',
    () => submission().replace(/"itemNo": 1/, '"itemNo": 1e309'),
    reject(['$.itemNo', 'value.wrongType']),
  ),
  json(
    'item-no-minus-zero',
    () => submission().replace(/"itemNo": 1/, '"itemNo": -0'),
    reject(['$.itemNo', 'number.range']),
  ),
  json(
    'item-no-decimal-text',
    () => submission(set('itemNo', '1.0')),
    reject(['$.itemNo', 'number.range']),
  ),
];

// ── Wrong types ─────────────────────────────────────────────────────────────

const types: HostileCase[] = [
  json('type-number', () => submission(set('type', 5)), reject(['$.type', 'document.unknownType'])),
  json(
    'type-object',
    () => submission(set('type', { $ne: null })),
    reject(['$.type', 'document.unknownType']),
  ),
  json(
    'type-with-bidi',
    () => submission(set('type', 'submission\u202E')),
    reject(['$.type', 'document.unknownType']),
  ),
  json(
    'item-no-boolean',
    () => submission(set('itemNo', true)),
    reject(['$.itemNo', 'value.wrongType']),
  ),
  json(
    'text-object',
    () => submission(set('progress', { points: [{ text: { th: 'x' } }] })),
    reject([PROGRESS_TEXT_PATH, 'value.wrongType']),
  ),
  json(
    'text-array',
    () => submission(set('progress', { points: [{ text: ['x'] }] })),
    reject([PROGRESS_TEXT_PATH, 'value.wrongType']),
  ),
  json(
    'paragraphs-string',
    () => submission(set('objectives', { paragraphs: 'x' })),
    reject(['$.objectives.paragraphs', 'value.wrongType']),
  ),
  json(
    'division-path-trick',
    () => submission(set('division', '../division-placeholder-02')),
    reject(['$.division', 'code.format']),
  ),
  json(
    'agency-encoded-dots',
    () => submission(set('agencyId', '%2e%2e')),
    reject(['$.agencyId', 'code.format']),
  ),
  json(
    'division-backslash',
    () => submission(set('division', '..\\..\\x')),
    reject(['$.division', 'code.format']),
  ),
];

// ── Invisible characters in text ───────────────────────────────────────────

const forbidden = (id: string, character: string): HostileCase =>
  json(
    id,
    () => withProgressText(`ผลการดำเนินงาน${character}ตามแผน`),
    reject([PROGRESS_TEXT_PATH, 'text.forbiddenCharacter']),
  );

const invisible: HostileCase[] = [
  forbidden('nul', '\u0000'),
  forbidden('bell', '\u0007'),
  forbidden('ansi-escape', '\u001b[2J'),
  forbidden('delete', '\u007F'),
  forbidden('c1-next-line', '\u0085'),
  forbidden('c1-csi', '\u009B31m'),
  forbidden('bidi-rlo', '\u202E'),
  forbidden('bidi-lro', '\u202D'),
  forbidden('bidi-lre', '\u202A'),
  forbidden('bidi-lri', '\u2066'),
  forbidden('bidi-rli', '\u2067'),
  forbidden('bidi-fsi', '\u2068'),
  forbidden('bidi-pdi', '\u2069'),
  forbidden('mark-lrm', '\u200E'),
  forbidden('mark-rlm', '\u200F'),
  forbidden('mark-alm', '\u061C'),
  forbidden('zero-width-joiner', '\u200D'),
  forbidden('soft-hyphen', '\u00AD'),
  forbidden('word-joiner', '\u2060'),
  forbidden('tag-characters', '\u{E0041}\u{E0042}'),
  forbidden('lone-high-surrogate', '\uD800'),
  forbidden('lone-low-surrogate', '\uDC00'),
  json(
    'line-separator',
    () => withProgressText('ก\u2028ข'),
    reject([PROGRESS_TEXT_PATH, 'text.lineBreak']),
  ),
  json(
    'paragraph-separator',
    () => withProgressText('ก\u2029ข'),
    reject([PROGRESS_TEXT_PATH, 'text.lineBreak']),
  ),
  json(
    'carriage-return',
    () => withProgressText('ก\rข'),
    reject([PROGRESS_TEXT_PATH, 'text.lineBreak']),
  ),
  json('tab-collapsed', () => withProgressText('ผล\tงาน'), accept('ผล งาน')),
  json('zero-width-space-dropped', () => withProgressText('ผล\u200Bงาน'), accept('ผลงาน')),
  json('inner-bom-dropped', () => withProgressText('ผล\uFEFFงาน'), accept('ผลงาน')),
];

// ── Encodings ───────────────────────────────────────────────────────────────

const NOT_TEXT = reject(['$', 'upload.notText']);
const utf16le = (text: string, bom: boolean) => {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
};

const utf16be = (text: string) =>
  new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));

const encodings: HostileCase[] = [
  jsonBytes('utf8-bom', () => encode(`\uFEFF${submission()}`), accept()),
  jsonBytes('utf16le-bom', () => utf16le(submission(), true), NOT_TEXT),
  jsonBytes('utf16le-no-bom', () => utf16le(submission(), false), NOT_TEXT),
  jsonBytes('utf16be-bom', () => utf16be(submission()), NOT_TEXT),
  jsonBytes(
    'tis620-thai',
    () => new Uint8Array([...encode(withProgressText('')).slice(0, 40), 0xa1, 0xd2, 0xc3]),
    NOT_TEXT,
  ),
  jsonBytes(
    'overlong-slash',
    () => new Uint8Array([...encode('{"type": "'), 0xc0, 0xaf, ...encode('"}')]),
    NOT_TEXT,
  ),
  jsonBytes(
    'encoded-surrogate',
    () => new Uint8Array([...encode('{"type": "'), 0xed, 0xa0, 0x80, ...encode('"}')]),
    NOT_TEXT,
  ),
  jsonBytes(
    'truncated-multibyte',
    () =>
      encode(withProgressText('ก')).subarray(0, encode(withProgressText('ก')).indexOf(0xe0) + 2),
    NOT_TEXT,
  ),
  json('nfd-latin', () => withProgressText('cafe\u0301 nai\u0308ve'), accept('café naïve')),
  json('nfkd-thai-sara-am', () => withProgressText('ทํางาน'), accept('ทํางาน')),
  json(
    'thai-digits-in-text',
    () => withProgressText('ดำเนินการแล้ว ๑๒๓ ครั้ง (123)'),
    accept('ดำเนินการแล้ว ๑๒๓ ครั้ง (123)'),
  ),
];

// ── Injection: accepted, and inert wherever it is shown ─────────────────────

export const INJECTIONS: Record<string, string> = {
  'script-tag': '<script>alert(document.cookie)</script>',
  'img-onerror': '<img src=x onerror=alert(1)>',
  'javascript-url': '<a href="javascript:alert(1)">คลิก</a> javascript:alert(1)',
  'close-title': '</title><script>alert(1)</script>',
  'attribute-break-double': '"><svg onload=alert(1)>',
  'attribute-break-single': "' onmouseover='alert(1)' x='",
  'style-tag': '<style>body{display:none}</style>',
  'pre-escaped-entities': '&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;',
  'html-comment-cdata': '<!-- x --> <![CDATA[ ]]> <!DOCTYPE html>',
  iframe: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the template syntax is the attack.
  'template-injection': "{{constructor.constructor('alert(1)')()}} ${process.exit(1)}",
  'pdf-operators': ') Tj ET BT /F1 12 Tf 100 700 Td (pwned) Tj ET',
  'pdf-eof': '%%EOF endstream endobj trailer << /Root 1 0 R >> startxref 0',
  'pdf-javascript': '<< /S /JavaScript /JS (app.alert\\(1\\)) >>',
  backslashes: 'C:\\Windows\\System32 \\\\server\\share \\( \\)',
};

const injections: HostileCase[] = Object.entries(INJECTIONS).map(([id, text]) =>
  json(
    `inject-${id}`,
    () => withProgressText(`ผลการดำเนินงาน ${text}`),
    accept(`ผลการดำเนินงาน ${text}`),
  ),
);

// Characters the report's font cannot draw: refused by name, never printed as empty boxes.
const unprintable: HostileCase[] = [
  ['emoji', 'รายงาน 😀 ผล'],
  ['cjk', 'รายงาน 漢字 ผล'],
  ['arabic', 'รายงาน تقرير ผล'],
  ['word-symbol-bullet', '\uF0B7 รายงานผล'],
  ['check-mark', 'ดำเนินการแล้ว ✓'],
].map(([id, text]) =>
  json(
    `unprintable-${id}`,
    () => withProgressText(text as string),
    reject([PROGRESS_TEXT_PATH, 'text.unprintable']),
  ),
);

// ── Outline text (.txt) ─────────────────────────────────────────────────────

const txt = (
  id: string,
  text: () => string | Uint8Array,
  expect: Expectation,
  more: Partial<HostileCase> = {},
) =>
  ({
    id,
    format: 'txt',
    bytes: async () => {
      const value = text();
      return typeof value === 'string' ? encode(value) : value;
    },
    expect,
    ...more,
  }) as HostileCase;
const TXT_PROGRESS = PROGRESS_TEXT_PATH;

const outlines: HostileCase[] = [
  txt('outline-plain', () => outline(), accept()),
  txt('outline-crlf', () => outline().replaceAll('\n', '\r\n'), accept()),
  txt(
    'outline-script',
    () => outline('<script>alert(1)</script> ผล'),
    accept('<script>alert(1)</script> ผล'),
  ),
  txt(
    'outline-pdf-operators',
    () => outline(') Tj ET BT (x) Tj %%EOF'),
    accept(') Tj ET BT (x) Tj %%EOF'),
  ),
  txt(
    'outline-bell',
    () => outline('ผล\u0007งาน'),
    reject([TXT_PROGRESS, 'text.forbiddenCharacter']),
  ),
  txt(
    'outline-bidi',
    () => outline('ผล\u202Eงาน'),
    reject([TXT_PROGRESS, 'text.forbiddenCharacter']),
  ),
  txt('outline-empty', () => '', reject(['$', 'outline.empty'])),
  txt('outline-nul', () => outline('ผล\u0000งาน'), NOT_TEXT),
  txt('outline-tis620', () => new Uint8Array([0xc3, 0xd2, 0xc2, 0xa7, 0xd2, 0xb9]), NOT_TEXT),
  txt('outline-utf16', () => utf16le(outline(), true), NOT_TEXT),
  txt('outline-blank-lines', () => `${outline()}\n${'\n'.repeat(400_000)}`, accept()),
  txt(
    'outline-2mb',
    () => `${outline()}\n${'ก'.repeat(700_000)}`,
    reject(['$', 'document.tooLarge']),
    {
      intake: {
        expect: reject(['$', 'upload.tooLarge']),
        direct: { contentType: 'text/plain; charset=utf-8' },
      },
    },
  ),
];

// ── Word (.docx) ────────────────────────────────────────────────────────────

const UNREADABLE = reject(['$', 'upload.unreadableWord']);
const BOMB = reject(['$', 'upload.wordUnpacksTooLarge']);
const docx = (
  id: string,
  bytes: () => Promise<Uint8Array> | Uint8Array,
  expect: Expectation,
  more: Partial<HostileCase> = {},
) => ({ id, format: 'docx', bytes: async () => bytes(), expect, ...more }) as HostileCase;

/** 48 MiB of spaces inside document.xml: ~50 KB deflated. */
const bombXml = once(() =>
  documentXml(outlineParagraphs()).replace('<w:body>', `<w:body>${' '.repeat(48 * MIB)}`),
);
const bombZip = once(() => writeZip(wordParts(bombXml())));
const lyingBombZip = once(() =>
  writeZip(wordParts(bombXml()).map((part) => ({ ...part, declaredSize: 1_000 }))),
);
const plainWord = once(() => word(outlineParagraphs()));
const BILLION_LAUGHS = `<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">${Array.from(
  { length: 8 },
  (_, i) =>
    `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`,
).join('')}]>`;

const words: HostileCase[] = [
  docx('word-plain', () => plainWord(), accept()),
  docx(
    'word-script',
    () => word(outlineParagraphs('<script>alert(1)</script> ผล')),
    accept('<script>alert(1)</script> ผล'),
  ),
  docx(
    'word-bidi',
    () => word(outlineParagraphs('ผล\u202Eงาน')),
    reject([TXT_PROGRESS, 'text.forbiddenCharacter']),
  ),
  docx(
    'word-really-png',
    () =>
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(200).fill(7)]),
    UNREADABLE,
  ),
  docx('word-really-text', () => encode(outline()), UNREADABLE),
  docx('word-really-json', () => encode(submission()), UNREADABLE),
  docx('word-empty', () => new Uint8Array(), reject(['$', 'word.empty']), {
    intake: {
      direct: {
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
    },
  }),
  docx(
    'word-truncated',
    async () => (await plainWord()).subarray(0, 3000),
    reject(['$', 'word.truncated']),
  ),
  docx(
    'word-zip-without-document',
    () => writeZip([{ name: 'notes.txt', data: 'hello' }]),
    UNREADABLE,
  ),
  docx('word-zip-bomb', () => bombZip(), BOMB),
  docx('word-zip-bomb-lying-sizes', () => lyingBombZip(), BOMB),
  docx(
    'word-zip-1500-parts',
    () => writeZip(Array.from({ length: 1_500 }, (_, i) => ({ name: `p${i}.xml`, data: 'x' }))),
    BOMB,
  ),
  docx(
    'word-zip64-marker',
    () => writeZip(wordParts(documentXml(['x'])), { declaredCount: 0xffff }),
    BOMB,
  ),
  docx(
    'word-billion-laughs',
    () =>
      writeZip(
        wordParts(
          documentXml(['LAUGH'])
            .replace('<w:document', `${BILLION_LAUGHS}<w:document`)
            .replace('LAUGH', '&i;'),
        ),
      ),
    UNREADABLE,
  ),
  docx(
    'word-external-entity',
    () =>
      writeZip(
        wordParts(
          documentXml(['XXE'])
            .replace(
              '<w:document',
              '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document',
            )
            .replace('XXE', '&x;'),
        ),
      ),
    UNREADABLE,
  ),
  docx(
    'word-deep-xml',
    () =>
      writeZip(
        wordParts(
          documentXml(['x'])
            .replace('<w:body>', `<w:body>${'<w:sdt><w:sdtContent>'.repeat(60_000)}`)
            .replace('</w:body>', `${'</w:sdtContent></w:sdt>'.repeat(60_000)}</w:body>`),
        ),
      ),
    UNREADABLE,
  ),
  docx(
    'word-text-over-1mib',
    () =>
      writeZip(
        wordParts(documentXml([...outlineParagraphs(), ...Array(600).fill('ก'.repeat(1_000))])),
      ),
    reject(['$', 'upload.textTooLarge']),
    { cli: reject(['$', 'upload.textTooLarge']) },
  ),
  docx(
    'word-over-10mb',
    () =>
      writeZip([
        ...wordParts(documentXml(outlineParagraphs())),
        {
          name: 'word/media/noise.bin',
          data: new Uint8Array(11 * MIB).map((_, i) => (i * 2654435761) >>> 24),
          method: 0,
        },
      ]),
    reject(['$', 'document.tooLarge']),
    {
      intake: {
        expect: reject(['$', 'upload.tooLarge']),
        direct: {
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
      },
    },
  ),
];

// ── What only intake can see: content types and file names ──────────────────

const transport: HostileCase[] = [
  json('json-as-text-html', () => submission(), accept(), {
    intake: { expect: reject(['$', 'upload.wrongType']), direct: { contentType: 'text/html' } },
  }),
  json('json-without-type', () => submission(), accept(), {
    intake: { expect: reject(['$', 'upload.wrongType']), direct: { contentType: '' } },
  }),
  docx('word-as-zip-type', () => plainWord(), accept(), {
    intake: {
      expect: reject(['$', 'upload.wrongType']),
      direct: { contentType: 'application/zip' },
    },
  }),
  json('name-dot-dot-slash', () => submission(), accept(), {
    intake: { fileName: '../../../etc/passwd' },
    cliFileName: '..%2f..%2fetc%2fpasswd.json',
  }),
  json('name-encoded-dots', () => submission(), accept(), {
    intake: { fileName: '%2e%2e%2f%2e%2e%2fx.json' },
    cliFileName: '%2e%2e%2f%2e%2e%2fx.json',
  }),
  json('name-backslashes', () => submission(), accept(), {
    intake: { fileName: '..\\..\\windows\\win.ini' },
    cliFileName: '..\\..\\windows\\win.ini.json',
  }),
  json('name-script', () => submission(), accept(), {
    intake: { fileName: '<script>alert(1)</script>.json' },
    cliFileName: '<script>alert(1)<\\script>.json',
  }),
  json('name-terminal-escape', () => submission(), accept(), {
    intake: { fileName: '\u001b[2J.json' },
    cliFileName: '\u001b[2J\u001b]0;pwned\u0007.json',
  }),
  json('name-bidi', () => submission(), accept(), {
    intake: { fileName: 'report\u202Enosj.exe' },
    cliFileName: 'report\u202Egpj.json',
  }),
  json('name-very-long', () => submission(), accept(), {
    intake: { fileName: `${'ก'.repeat(2_000)}.json` },
    cliFileName: `${'x'.repeat(245)}.json`,
  }),
  json('name-thai-nfd', () => submission(), accept(), {
    intake: { fileName: 'รายงาน-cafe\u0301.json' },
    cliFileName: 'รายงาน-cafe\u0301.json',
  }),
];

export const HOSTILE_CASES: HostileCase[] = [
  ...syntax,
  ...shape,
  ...keys,
  ...numbers,
  ...types,
  ...invisible,
  ...encodings,
  ...injections,
  ...unprintable,
  ...outlines,
  ...words,
  ...transport,
];

export const expectationFor = (c: HostileCase, where: 'cli' | 'intake'): Expectation =>
  (where === 'cli' ? c.cli : c.intake?.expect) ?? c.expect;

/**
 * Keys written straight to the incoming bucket that no upload was requested
 * for: walking out of the prefix, encoded walks, backslashes, a real upload
 * id under another division, an over-long key. Intake must ignore them.
 */
export function hostileKeys(agencyId: string, roundId: string, uploadId: string): string[] {
  const item = `incoming/${agencyId}/${roundId}/1/division-placeholder-01`;
  return [
    `${item}/../../../../results/${agencyId}/${roundId}/1/division-placeholder-01/${uploadId}`,
    `${item}/${uploadId}/../${uploadId}`,
    `incoming/%2e%2e/%2e%2e/submissions/${uploadId}`,
    `incoming/${agencyId}/${roundId}/1/division-placeholder-01%2f..%2f${uploadId}`,
    `incoming\\${agencyId}\\${roundId}\\1\\division-placeholder-01\\${uploadId}`,
    `incoming/${agencyId}/${roundId}/1/division-placeholder-02/${uploadId}`,
    `incoming/${agencyId}/${roundId}/2/division-placeholder-02/${uploadId}`,
    `incoming/${agencyId}/${roundId}/1/division-placeholder-01/${uploadId.toUpperCase()}`,
    // Long, but in segments a file-backed emulator can store (255 bytes each).
    `incoming/${Array(4).fill('a'.repeat(200)).join('/')}/${uploadId}`,
    `incoming/${agencyId}/${roundId}/1/division-placeholder-01/${uploadId} `,
    `incoming/${agencyId}/${roundId}/1/<script>alert(1)</script>/${uploadId}`,
  ];
}
