/**
 * Reads a monitoring report written in the standard outline (the seed's
 * format) into a round configuration and one submission per plan item.
 *
 * Numbers in the text are read to find each paragraph's level, then thrown
 * away: a number out of sequence (the seed's "๓)" followed by "๑.๑)") is a
 * notice, not an error, because the renderers derive numbers from position.
 * A structure that cannot be read is an error naming the line and what was
 * expected there.
 */

import { parseBaht, toDecimalString } from '../money/baht.js';
import { pointLabel } from '../report/outline-labels.js';
import {
  isNoneWording,
  kindOfTitle,
  recogniseSectionHeading,
  SECTION_ORDER,
  type SectionKey,
  sectionHeadingTh,
} from '../report/section-headings.js';
import { type ApprovalRoleCode, DEFAULT_APPROVAL_CHAIN } from '../schemas/approval-role.js';
import type { RoundInput } from '../schemas/round-schema.js';
import type { SubmissionInput } from '../schemas/submission-schema.js';
import {
  type ItemKindCode,
  type OutlinePointInput,
  SCHEMA_VERSION,
} from '../schemas/text-fields.js';
import { addDays, type Period, periodBounds, periodFromMonths } from '../thai/fiscal-period.js';
import { parseWholeNumber, thaiNumber } from '../thai/thai-digits.js';
import { placeProblem, type SourcePlace, snippetOf } from '../validation/make-problem.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import {
  joinWrapped,
  placeOf,
  readOutlineParagraphs,
  type SourceParagraph,
} from './read-outline-paragraphs.js';
import type { WordOutline } from './word-outline-paragraphs.js';

export interface OutlineImportOptions {
  agency?: { id: string; nameTh: string; nameEn?: string };
  /** Division code per plan item, in plan order; placeholders where absent. */
  divisions?: readonly string[];
  /** ISO date; defaults to 30 days after the period ends. */
  due?: string;
  approvalChain?: ApprovalRoleCode[];
}

export interface OutlineImport {
  round: RoundInput;
  submissions: SubmissionInput[];
  /** Things read and repaired (numbering slips, joined page breaks). */
  notices: ValidationProblem[];
}

export type OutlineImportResult =
  | ({ ok: true } & OutlineImport)
  | { ok: false; problems: ValidationProblem[]; notices: ValidationProblem[] };

/** Used when the text names no agency: obviously a placeholder, never a real code. */
export const PLACEHOLDER_AGENCY = {
  id: 'agency-placeholder',
  nameTh: 'หน่วยงาน (โปรดระบุ)',
  nameEn: 'Agency (to be named)',
};

/** A placeholder division code for the plan item numbered `no`. */
export function placeholderDivision(no: number): string {
  return `division-placeholder-${String(no).padStart(2, '0')}`;
}

const DIGITS = '[0-9\\u0E50-\\u0E59]+';
const ITEM_HEADING = new RegExp(`^(${DIGITS})\\.\\s+(\\S.*)$`);
const SECTION_HEADING = new RegExp(`^(${DIGITS})\\.(${DIGITS})\\s+(\\S.*)$`);
const SEPARATOR = /^[.…·]{3,}$/;
const LEVEL_PATTERNS: ReadonlyArray<[number, RegExp]> = [
  [1, new RegExp(`^(${DIGITS})\\.(${DIGITS})\\.(${DIGITS})\\s+(\\S.*)$`)],
  [3, new RegExp(`^(${DIGITS})\\.(${DIGITS})\\)\\s*(\\S.*)$`)],
  [2, new RegExp(`^(${DIGITS})\\)\\s*(\\S.*)$`)],
  [4, new RegExp(`^\\((${DIGITS})\\)\\s*(\\S.*)$`)],
];
const MAX_DEPTH = 4;
/**
 * Lines a reporter signs off with: "ลงชื่อ …", "(นายสมชาย ใจดี)", "ตำแหน่ง …",
 * a phone number or an e-mail address. None belongs in a published report.
 */
const SIGNATURE_LINES = [
  /^(?:ลงชื่อ|ลงนาม)/,
  /^\(\s*(?:นาย|นางสาว|นาง|น\.ส\.|ว่าที่|ดร\.|ผศ\.|รศ\.|ศ\.)[^()]{1,80}\)$/,
  /^(?:ตำแหน่ง|ผู้รายงาน|ผู้จัดทำ|ผู้ประสานงาน)(?:\s|:|$)/,
  /(?:โทร(?:ศัพท์|สาร)?|มือถือ|tel|phone|fax)\.?\s*[:：]?\s*[0-9\u0E50-\u0E59]/i,
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/,
];

function looksLikeSignature(text: string): boolean {
  return SIGNATURE_LINES.some((pattern) => pattern.test(text.trim()));
}

const FISCAL_YEAR = new RegExp(`ประจำปีงบประมาณ\\s*(?:พ\\.\\s*ศ\\.\\s*)?(${DIGITS})`);
const ROUND_MONTHS = new RegExp(`รอบ\\s*(${DIGITS})\\s*เดือน`);

interface Label {
  depth: number;
  /** The numbers as written, outermost first. */
  numbers: number[];
  written: string;
  text: string;
}

function readLabel(text: string): Label | undefined {
  for (const [depth, pattern] of LEVEL_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const groups = match.slice(1);
    const body = groups.pop() ?? '';
    return {
      depth,
      numbers: groups.map(parseWholeNumber),
      written: text.slice(0, text.length - body.length).trim(),
      text: body,
    };
  }
  return undefined;
}

interface DraftPoint {
  text: string;
  paragraphs: string[];
  points: DraftPoint[];
}

interface DraftSection {
  key: SectionKey;
  place: SourcePlace;
  /** A form's hint was found here and reported: the section is not also "empty". */
  hintReported?: boolean;
  /** Bullets continuing a run: the depth of the run's first bullet and its list level. */
  bullets?: { depth: number; level: number };
  paragraphs: SourceParagraph[];
  points: DraftPoint[];
  /** The open point at each depth: stack[0] is the latest level-1 point. */
  stack: DraftPoint[];
}

interface DraftItem {
  no: number;
  place: SourcePlace;
  kind: ItemKindCode;
  title: string;
  sections: Map<SectionKey, DraftSection>;
  current?: DraftSection;
}

function toPoint(draft: DraftPoint): OutlinePointInput {
  return {
    text: draft.text,
    ...(draft.paragraphs.length ? { paragraphs: draft.paragraphs } : {}),
    ...(draft.points.length ? { points: draft.points.map(toPoint) } : {}),
  };
}

class OutlineReader {
  readonly problems: ValidationProblem[] = [];
  readonly notices: ValidationProblem[] = [];
  readonly items: DraftItem[] = [];
  private item: DraftItem | undefined;
  /** Sets the text of the paragraph written last, for page-break joins. */
  private appendToLast: ((text: string) => void) | undefined;

  /** Inside a signature block already reported: its further lines are part of that one refusal. */
  private inSignature = false;

  private fail(code: string, place: SourcePlace, values: Record<string, unknown> = {}) {
    this.problems.push(placeProblem(code, place, values));
  }

  private notice(code: string, place: SourcePlace, values: Record<string, unknown> = {}) {
    this.notices.push(placeProblem(code, place, values));
  }

  read(paragraph: SourceParagraph): void {
    const { text } = paragraph;
    const place = placeOf(paragraph);
    if (SEPARATOR.test(text)) {
      this.closeItem(place);
      return;
    }
    const itemHeading = paragraph.placeholder ? null : ITEM_HEADING.exec(text);
    if (itemHeading) {
      this.openItem(itemHeading, place);
      return;
    }
    const item = this.item;
    if (!item) {
      this.fail('outline.textOutsideItem', place, { next: thaiNumber(this.items.length + 1) });
      return;
    }
    const sectionHeading = SECTION_HEADING.exec(text) ?? this.headingOfFormCell(item, paragraph);
    const sectionKey = sectionHeading && recogniseSectionHeading(sectionHeading[3] ?? '');
    if (sectionHeading && sectionKey) {
      this.openSection(item, sectionKey, sectionHeading, place);
      return;
    }
    const section = item.current;
    if (paragraph.placeholder) {
      this.notFilledIn(item, section, place);
      return;
    }
    if (!section) {
      this.fail('outline.contentBeforeSection', place, {
        expected: this.expectedHeading(item, 'objectives'),
      });
      return;
    }
    if (this.inSignature) return;
    if (looksLikeSignature(text)) {
      this.inSignature = true;
      this.fail('outline.signatureBlock', place, { found: snippetOf(text) });
      return;
    }
    if (paragraph.afterPageBreak && this.appendToLast && !readLabel(text)) {
      this.appendToLast(text);
      this.notice('outline.pageBreakJoined', place);
      return;
    }
    this.addContent(item, section, paragraph);
  }

  /**
   * A form laid out as a table names its sections in the first column,
   * often without their numbers ("วัตถุประสงค์กิจกรรม" | content): read as
   * the heading it stands for, numbered where it stands.
   */
  private headingOfFormCell(item: DraftItem, paragraph: SourceParagraph): RegExpExecArray | null {
    if (!paragraph.headingCell) return null;
    const wording = paragraph.text.trim();
    const key = recogniseSectionHeading(wording);
    if (!key) return null;
    const match = [
      wording,
      thaiNumber(item.no),
      thaiNumber(SECTION_ORDER.indexOf(key) + 1),
      wording,
    ];
    return Object.assign(match, { index: 0, input: wording }) as RegExpExecArray;
  }

  /** One refusal per section still showing a form's hint. */
  private notFilledIn(
    item: DraftItem,
    section: DraftSection | undefined,
    place: SourcePlace,
  ): void {
    if (section?.hintReported) return;
    if (section) section.hintReported = true;
    const key = section?.key ?? 'objectives';
    this.fail('word.notFilledIn', place, { section: this.expectedHeading(item, key) });
  }

  private expectedHeading(item: DraftItem, key: SectionKey): string {
    const sectionNo = SECTION_ORDER.indexOf(key) + 1;
    return `${thaiNumber(item.no)}.${thaiNumber(sectionNo)} ${sectionHeadingTh(key, item.kind)}`;
  }

  private openItem(match: RegExpExecArray, place: SourcePlace): void {
    this.closeItem(place);
    this.inSignature = false;
    const title = (match[2] ?? '').trim();
    const kind = kindOfTitle(title);
    const expectedNo = this.items.length + 1;
    const writtenNo = parseWholeNumber(match[1] ?? '');
    if (!kind) {
      this.fail('outline.itemKind', place);
      return;
    }
    if (writtenNo !== expectedNo) {
      this.notice('outline.numberingSlip', place, {
        found: `${match[1]}.`,
        expected: `${thaiNumber(expectedNo)}.`,
      });
    }
    this.item = { no: expectedNo, place, kind, title, sections: new Map() };
    this.appendToLast = undefined;
  }

  private openSection(
    item: DraftItem,
    key: SectionKey,
    match: RegExpExecArray,
    place: SourcePlace,
  ): void {
    this.inSignature = false;
    const order = SECTION_ORDER.indexOf(key);
    const previous = item.current ? SECTION_ORDER.indexOf(item.current.key) : -1;
    const wording = match[3] ?? '';
    if (order <= previous || item.sections.has(key)) {
      this.fail('outline.sectionOrder', place, { found: `${match[1]}.${match[2]} ${wording}` });
      return;
    }
    for (const missing of SECTION_ORDER.slice(previous + 1, order)) {
      this.fail('outline.missingSection', place, {
        itemNo: thaiNumber(item.no),
        expected: this.expectedHeading(item, missing),
      });
    }
    this.closeSection(item);
    const expected = this.expectedHeading(item, key);
    const written = `${match[1]}.${match[2]}`;
    const expectedNumber = expected.split(' ')[0];
    if (
      parseWholeNumber(match[1] ?? '') !== item.no ||
      parseWholeNumber(match[2] ?? '') !== order + 1
    ) {
      this.notice('outline.numberingSlip', place, { found: written, expected: expectedNumber });
    }
    const canonical = sectionHeadingTh(key, item.kind);
    if (wording.trim() !== canonical) {
      this.notice('outline.headingWording', place, { found: wording.trim(), expected: canonical });
    }
    const section: DraftSection = { key, place, paragraphs: [], points: [], stack: [] };
    item.sections.set(key, section);
    item.current = section;
    this.appendToLast = undefined;
  }

  private addContent(item: DraftItem, section: DraftSection, paragraph: SourceParagraph): void {
    const label = section.key === 'budgetUsed' ? undefined : this.labelOf(section, paragraph);
    if (paragraph.bullet === undefined) delete section.bullets;
    if (!label) {
      const owner = section.stack.at(-1);
      if (owner) {
        owner.paragraphs.push(paragraph.text);
        const index = owner.paragraphs.length - 1;
        this.appendToLast = (more) => {
          owner.paragraphs[index] = joinWrapped(owner.paragraphs[index] ?? '', more);
        };
      } else {
        const stored = { ...paragraph };
        section.paragraphs.push(stored);
        this.appendToLast = (more) => {
          stored.text = joinWrapped(stored.text, more);
        };
      }
      return;
    }
    const { depth } = label;
    if (depth > section.stack.length + 1) {
      this.fail('outline.skippedLevel', placeOf(paragraph), {
        found: label.written,
        expected: ['๑.๑.๑', '๑)', '๑.๑)', '(๑)'][depth - 2],
      });
      return;
    }
    section.stack.length = depth - 1;
    const siblings = depth === 1 ? section.points : (section.stack[depth - 2]?.points ?? []);
    const point: DraftPoint = { text: label.text, paragraphs: [], points: [] };
    siblings.push(point);
    section.stack.push(point);
    this.appendToLast = (more) => {
      point.text = joinWrapped(point.text, more);
    };
    if (paragraph.bullet === undefined) {
      this.checkNumber(item, section, label, siblings.length, placeOf(paragraph));
    }
  }

  /**
   * The label a paragraph is read with. A bullet has no number: it is one
   * level below the point it follows, and the bullets after it are its
   * siblings, or deeper by as many list levels as Word indents them.
   */
  private labelOf(section: DraftSection, paragraph: SourceParagraph): Label | undefined {
    const level = paragraph.bullet;
    if (level === undefined) return readLabel(paragraph.text);
    const run = section.bullets ?? {
      depth: Math.min(section.stack.length + 1, MAX_DEPTH),
      level,
    };
    section.bullets = run;
    const depth = Math.max(
      1,
      Math.min(run.depth + level - run.level, section.stack.length + 1, MAX_DEPTH),
    );
    return { depth, numbers: [], written: '', text: paragraph.text };
  }

  /** Compares the number as written with the one its position gives. */
  private checkNumber(
    item: DraftItem,
    section: DraftSection,
    label: Label,
    position: number,
    place: SourcePlace,
  ): void {
    const sectionNo = SECTION_ORDER.indexOf(section.key) + 1;
    // The open points, outermost first, include the one just added.
    const positions = section.stack.map((open, depth) => {
      const parentList = depth === 0 ? section.points : (section.stack[depth - 1]?.points ?? []);
      return parentList.indexOf(open) + 1;
    });
    const expected = pointLabel(item.no, sectionNo, positions);
    const expectedNumbers =
      label.depth === 1
        ? [item.no, sectionNo, position]
        : label.depth === 3
          ? [positions[1] ?? 0, position]
          : [position];
    if (expectedNumbers.some((n, i) => label.numbers[i] !== n)) {
      this.notice('outline.numberingSlip', place, { found: label.written, expected });
    }
  }

  private closeSection(item: DraftItem): void {
    const section = item.current;
    if (
      section &&
      !section.hintReported &&
      section.paragraphs.length === 0 &&
      section.points.length === 0
    ) {
      this.fail('outline.emptySection', section.place, {
        expected: this.expectedHeading(item, section.key),
      });
    }
  }

  closeItem(place: SourcePlace): void {
    const item = this.item;
    if (!item) return;
    this.closeSection(item);
    const last = item.current ? SECTION_ORDER.indexOf(item.current.key) : -1;
    for (const missing of SECTION_ORDER.slice(last + 1)) {
      this.fail('outline.missingSection', place, {
        itemNo: thaiNumber(item.no),
        expected: this.expectedHeading(item, missing),
      });
    }
    this.items.push(item);
    this.item = undefined;
    this.appendToLast = undefined;
  }
}

function bodyOf(section: DraftSection | undefined) {
  const paragraphs = section?.paragraphs.map((p) => p.text) ?? [];
  const points = section?.points.map(toPoint) ?? [];
  return {
    ...(paragraphs.length ? { paragraphs } : {}),
    ...(points.length ? { points } : {}),
  };
}

function noneOrBody(section: DraftSection | undefined) {
  const only = section?.paragraphs[0];
  if (
    section?.points.length === 0 &&
    section.paragraphs.length === 1 &&
    only &&
    isNoneWording(only.text)
  ) {
    return 'none' as const;
  }
  return bodyOf(section);
}

function budgetOf(
  section: DraftSection | undefined,
  fail: (code: string, place: SourcePlace, values?: Record<string, unknown>) => void,
): string {
  const [first, second] = section?.paragraphs ?? [];
  if (!section || !first) return 'none';
  if (second) fail('outline.budgetParagraphs', placeOf(second));
  if (/^ไม่(?:ใช้|มี)/.test(first.text) || isNoneWording(first.text)) return 'none';
  const parsed = parseBaht(first.text);
  if (!parsed.ok) {
    fail('outline.budget', placeOf(first), { found: first.text.slice(0, 80) });
    return 'none';
  }
  return toDecimalString(parsed.satang);
}

function readTitle(
  paragraphs: readonly SourceParagraph[],
): { fiscalYear: number; period: Period } | undefined {
  const firstItem = paragraphs.findIndex((p) => ITEM_HEADING.test(p.text));
  const titleText = paragraphs
    .slice(0, firstItem === -1 ? paragraphs.length : firstItem)
    .map((p) => p.text)
    .join(' ');
  const year = FISCAL_YEAR.exec(titleText)?.[1];
  const months = ROUND_MONTHS.exec(titleText)?.[1];
  const period = months === undefined ? undefined : periodFromMonths(parseWholeNumber(months));
  if (year === undefined || period === undefined) return undefined;
  return { fiscalYear: parseWholeNumber(year), period };
}

/** Outline text, or the paragraphs of a Word file with the notices of reading it. */
export type OutlineSource = string | WordOutline;

export function parseReportOutline(
  source: OutlineSource,
  options: OutlineImportOptions = {},
): OutlineImportResult {
  const paragraphs = typeof source === 'string' ? readOutlineParagraphs(source) : source.paragraphs;
  const readingNotices = typeof source === 'string' ? [] : source.notices;
  const endPlace: SourcePlace = {
    line: (paragraphs.at(-1)?.line ?? 0) + 1,
    ...(typeof source === 'string'
      ? {}
      : { word: { paragraph: (paragraphs.at(-1)?.word?.paragraph ?? 0) + 1, snippet: '' } }),
  };
  const first = paragraphs[0];
  if (!first) {
    const place = typeof source === 'string' ? { line: 1 } : endPlace;
    return {
      ok: false,
      problems: [placeProblem('outline.empty', place)],
      notices: readingNotices,
    };
  }
  const title = readTitle(paragraphs);
  if (!title) {
    return {
      ok: false,
      problems: [placeProblem('outline.noTitle', placeOf(first))],
      notices: readingNotices,
    };
  }
  const reader = new OutlineReader();
  reader.notices.push(...readingNotices);
  const firstItem = paragraphs.findIndex((p) => ITEM_HEADING.test(p.text));
  for (const paragraph of paragraphs.slice(firstItem === -1 ? paragraphs.length : firstItem)) {
    reader.read(paragraph);
  }
  reader.closeItem(endPlace);
  if (reader.items.length === 0 && reader.problems.length === 0) {
    reader.problems.push(placeProblem('outline.noItems', endPlace));
  }

  const agency = options.agency ?? PLACEHOLDER_AGENCY;
  const fail = (code: string, place: SourcePlace, values: Record<string, unknown> = {}) => {
    reader.problems.push(placeProblem(code, place, values));
  };
  const submissions: SubmissionInput[] = reader.items.map((item) => ({
    type: 'submission',
    schemaVersion: SCHEMA_VERSION,
    agencyId: agency.id,
    fiscalYear: title.fiscalYear,
    period: title.period,
    itemNo: item.no,
    division: options.divisions?.[item.no - 1] ?? placeholderDivision(item.no),
    objectives: bodyOf(item.sections.get('objectives')),
    progress: bodyOf(item.sections.get('progress')),
    budgetUsed: budgetOf(item.sections.get('budgetUsed'), fail),
    problems: noneOrBody(item.sections.get('problems')),
    recommendations: noneOrBody(item.sections.get('recommendations')),
  }));
  if (reader.problems.length > 0) {
    const byLine = [...reader.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { ok: false, problems: byLine, notices: reader.notices };
  }
  const round: RoundInput = {
    type: 'round',
    schemaVersion: SCHEMA_VERSION,
    agency,
    fiscalYear: title.fiscalYear,
    period: title.period,
    due: options.due ?? addDays(periodBounds(title.fiscalYear, title.period).end, 30),
    approvalChain: options.approvalChain ?? DEFAULT_APPROVAL_CHAIN,
    items: reader.items.map((item, index) => ({
      no: item.no,
      kind: item.kind,
      title: item.title,
      division: submissions[index]?.division ?? placeholderDivision(item.no),
    })),
  };
  return { ok: true, round, submissions, notices: reader.notices };
}
