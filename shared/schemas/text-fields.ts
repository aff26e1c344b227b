/**
 * The building blocks every document shares: codes, texts and outline bodies.
 * Refinements name a code of the message catalogue
 * (shared/validation/validation-messages.ts), in `params.code` or as the
 * issue's message, so a rejection always has a
 * Thai and English explanation and a fix.
 */

import { findForbiddenCharacter, normaliseParagraph } from '../thai/normalise-text.js';
import { parseWholeNumber } from '../thai/thai-digits.js';
import { findUnprintableCharacter } from './printable-characters.js';
import * as z from './zod-mini.js';

export const SCHEMA_VERSION = 1 as const;
export const MAX_PARAGRAPH_CHARS = 10_000;
export const MAX_TITLE_CHARS = 1_000;
export const MAX_POINTS_PER_LEVEL = 500;
export const MAX_PARAGRAPHS_PER_BLOCK = 200;
/** Plan items in a round; a submission's item number is bounded by it too. */
export const MAX_PLAN_ITEMS = 5_000;
/** ๑.๒.๑ → ๑) → ๑.๑) → (๑): the seed's four outline levels. */
export const MAX_OUTLINE_DEPTH = 4;

/**
 * Identifiers for agencies and divisions end up in S3 keys and URLs, so they
 * are restricted to lower-case letters, digits and inner hyphens: no slashes,
 * dots or spaces that could walk out of a prefix.
 */
export const Code = z
  .string()
  .check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, { error: 'code.format' }));

/**
 * Combining marks stacked on one letter; Unicode's stream-safe limit (UAX #15).
 * Thai stacks at most a vowel and a tone mark. Checked before NFC because
 * normalising a long run of marks reorders it in quadratic time (half a
 * million marks took a minute).
 */
export const MAX_STACKED_MARKS = 30;
const STACKED_MARKS = new RegExp(`\\p{M}{${MAX_STACKED_MARKS + 1}}`, 'u');
const normaliseWritten = (value: string) =>
  normaliseParagraph(value.replace(/[\r\n\u2028\u2029]+/g, ' '));
/**
 * The refinement and the transform of a text field normalise the same value
 * one after the other; remembering the last one saves the second pass
 * (3,000 seed-item parses: 1.8–1.95 s before, 1.5 s after).
 */
let lastWritten: string | undefined;
let lastNormalised = '';
const normalise = (value: string) => {
  if (value !== lastWritten) {
    lastNormalised = normaliseWritten(value);
    lastWritten = value;
  }
  return lastNormalised;
};
/** Line and paragraph separators: CR, LF and their Unicode counterparts. */
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * Where in the text as the person wrote it a character found in the
 * normalised text is: normalising drops zero-width spaces and collapses
 * spaces, so the normalised index would point elsewhere in what they typed.
 */
function writtenIndex(written: string, found: { index: number; codePoint: string }): number {
  const char = String.fromCodePoint(Number.parseInt(found.codePoint.slice(2), 16));
  const direct = written.indexOf(char);
  if (direct >= 0) return direct;
  // Made by NFC composition: the first prefix whose normal form holds it.
  let index = 0;
  for (const piece of written) {
    index += piece.length;
    if (written.slice(0, index).normalize('NFC').includes(char)) return index - piece.length;
  }
  return found.index;
}

function textOfLength(max: number, allowLineBreaks: boolean) {
  const checked = z.string().check(
    z.superRefine((value, ctx) => {
      const forbidden = findForbiddenCharacter(value);
      if (forbidden) {
        ctx.addIssue({
          code: 'custom',
          params: { code: 'text.forbiddenCharacter', ...forbidden },
        });
      } else if (!allowLineBreaks && LINE_BREAK.test(value)) {
        ctx.addIssue({ code: 'custom', params: { code: 'text.lineBreak' } });
      }
      const stacked = STACKED_MARKS.exec(value);
      if (stacked) {
        ctx.addIssue({
          code: 'custom',
          params: { code: 'text.stackedMarks', max: MAX_STACKED_MARKS, index: stacked.index },
        });
      }
      if (forbidden || stacked) return;
      // What is checked is what will be printed (normalised); where is said in the written text.
      const unprintable = findUnprintableCharacter(normalise(value));
      if (unprintable) {
        ctx.addIssue({
          code: 'custom',
          params: {
            code: 'text.unprintable',
            ...unprintable,
            index: writtenIndex(value, unprintable),
          },
        });
      }
    }),
  );
  const normalised = z.pipe(checked, z.transform(normalise));
  return z.pipe(normalised, z.string().check(z.minLength(1), z.maxLength(max)));
}

/** One paragraph of prose: one line, NFC, at most 10,000 characters. */
export const Paragraph = textOfLength(MAX_PARAGRAPH_CHARS, false);
/** A title or a name: one line, at most 1,000 characters. */
export const Title = textOfLength(MAX_TITLE_CHARS, false);

/** The longest name of a division (สำนัก/กอง/ศูนย์ …): a line, not a title. */
export const MAX_NAME_CHARS = 200;
export const Name = textOfLength(MAX_NAME_CHARS, false);

/** A whole number given as a JSON number or as digits (Thai or Arabic). */
export function wholeNumber(min: number, max: number, code = 'number.range') {
  return z.pipe(
    z.union([z.number(), z.string()]),
    z.transformWithIssues((value: number | string, ctx) => {
      const n = typeof value === 'number' ? value : parseWholeNumber(value);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          params: { code, min, max },
        });
        return z.NEVER;
      }
      return n;
    }),
  );
}

export interface OutlinePoint {
  text: string;
  /** Unnumbered continuation paragraphs that follow the point's own text. */
  paragraphs?: string[];
  points?: OutlinePoint[];
}

const paragraphList = z.array(Paragraph).check(z.maxLength(MAX_PARAGRAPHS_PER_BLOCK));

/**
 * A numbered point of the outline. Its number is never stored: it is the
 * point's position, and renderers derive "๑.๒.๓", "๓)", "๓.๑)" or "(๓)".
 */
export const Point: z.ZodMiniType<OutlinePoint, OutlinePointInput> = z.strictObject({
  text: Paragraph,
  paragraphs: z.optional(paragraphList),
  get points() {
    return z.optional(pointList);
  },
});

export interface OutlinePointInput {
  text: string;
  paragraphs?: string[];
  points?: OutlinePointInput[];
}

const pointList: z.ZodMiniType<OutlinePoint[], OutlinePointInput[]> = z
  .array(Point)
  .check(z.maxLength(MAX_POINTS_PER_LEVEL));

function depthOf(points: OutlinePoint[] | undefined): number {
  if (!points || points.length === 0) return 0;
  return 1 + Math.max(...points.map((p) => depthOf(p.points)));
}

/**
 * The body of one section of a plan item: unnumbered lead paragraphs, then
 * numbered points (which may nest four levels deep and carry continuation
 * paragraphs of their own).
 */
export const Body = z
  .strictObject({
    paragraphs: z.optional(paragraphList),
    points: z.optional(pointList),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (!body.paragraphs?.length && !body.points?.length) {
        ctx.addIssue({ code: 'custom', params: { code: 'body.empty' } });
      }
      const depth = depthOf(body.points);
      if (depth > MAX_OUTLINE_DEPTH) {
        ctx.addIssue({
          code: 'custom',
          path: ['points'],
          params: { code: 'body.tooDeep', max: MAX_OUTLINE_DEPTH, depth },
        });
      }
    }),
  );

export type SectionBody = z.output<typeof Body>;

/** "none" (or its Thai "ไม่มี"), stated explicitly, or a section body. */
export const NoneOrBody = z.pipe(
  // What classic's z.preprocess builds: a pipe out of a plain transform.
  z.transform((value: unknown) => (value === 'ไม่มี' ? 'none' : value)),
  z.union([z.literal('none'), Body]),
);

export type NoneOrSectionBody = z.output<typeof NoneOrBody>;

export const IsoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date.format', abort: true }),
  // The pattern lets 2023-02-30 through; a round trip through Date does not.
  z.refine(
    (value: string) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    },
    { error: 'date.format' },
  ),
);

/** Buddhist-era fiscal year; 2500–2700 BE covers 1957–2157 CE. */
export const FiscalYear = wholeNumber(2500, 2700, 'fiscalYear.range');
export const PeriodCode = z.enum(['H1', 'FY']);
export const ItemKind = z.enum(['project', 'activity', 'measure']);
export type ItemKindCode = z.output<typeof ItemKind>;
