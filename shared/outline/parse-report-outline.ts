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
import { lineProblem } from '../validation/make-problem.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import {
  joinWrapped,
  readOutlineParagraphs,
  type SourceParagraph,
} from './read-outline-paragraphs.js';

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
  line: number;
  paragraphs: SourceParagraph[];
  points: DraftPoint[];
  /** The open point at each depth: stack[0] is the latest level-1 point. */
  stack: DraftPoint[];
}

interface DraftItem {
  no: number;
  line: number;
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

  private fail(code: string, line: number, values: Record<string, unknown> = {}) {
    this.problems.push(lineProblem(code, line, values));
  }

  private notice(code: string, line: number, values: Record<string, unknown> = {}) {
    this.notices.push(lineProblem(code, line, values));
  }

  read(paragraph: SourceParagraph): void {
    const { text, line } = paragraph;
    if (SEPARATOR.test(text)) {
      this.closeItem(line);
      return;
    }
    const itemHeading = ITEM_HEADING.exec(text);
    if (itemHeading) {
      this.openItem(itemHeading, line);
      return;
    }
    const item = this.item;
    if (!item) {
      this.fail('outline.textOutsideItem', line, { next: thaiNumber(this.items.length + 1) });
      return;
    }
    const sectionHeading = SECTION_HEADING.exec(text);
    const sectionKey = sectionHeading && recogniseSectionHeading(sectionHeading[3] ?? '');
    if (sectionHeading && sectionKey) {
      this.openSection(item, sectionKey, sectionHeading, line);
      return;
    }
    const section = item.current;
    if (!section) {
      this.fail('outline.contentBeforeSection', line, {
        expected: this.expectedHeading(item, 'objectives'),
      });
      return;
    }
    if (paragraph.afterPageBreak && this.appendToLast && !readLabel(text)) {
      this.appendToLast(text);
      this.notice('outline.pageBreakJoined', line);
      return;
    }
    this.addContent(item, section, paragraph);
  }

  private expectedHeading(item: DraftItem, key: SectionKey): string {
    const sectionNo = SECTION_ORDER.indexOf(key) + 1;
    return `${thaiNumber(item.no)}.${thaiNumber(sectionNo)} ${sectionHeadingTh(key, item.kind)}`;
  }

  private openItem(match: RegExpExecArray, line: number): void {
    this.closeItem(line);
    const title = (match[2] ?? '').trim();
    const kind = kindOfTitle(title);
    const expectedNo = this.items.length + 1;
    const writtenNo = parseWholeNumber(match[1] ?? '');
    if (!kind) {
      this.fail('outline.itemKind', line);
      return;
    }
    if (writtenNo !== expectedNo) {
      this.notice('outline.numberingSlip', line, {
        found: `${match[1]}.`,
        expected: `${thaiNumber(expectedNo)}.`,
      });
    }
    this.item = { no: expectedNo, line, kind, title, sections: new Map() };
    this.appendToLast = undefined;
  }

  private openSection(
    item: DraftItem,
    key: SectionKey,
    match: RegExpExecArray,
    line: number,
  ): void {
    const order = SECTION_ORDER.indexOf(key);
    const previous = item.current ? SECTION_ORDER.indexOf(item.current.key) : -1;
    const wording = match[3] ?? '';
    if (order <= previous || item.sections.has(key)) {
      this.fail('outline.sectionOrder', line, { found: `${match[1]}.${match[2]} ${wording}` });
      return;
    }
    for (const missing of SECTION_ORDER.slice(previous + 1, order)) {
      this.fail('outline.missingSection', line, {
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
      this.notice('outline.numberingSlip', line, { found: written, expected: expectedNumber });
    }
    const canonical = sectionHeadingTh(key, item.kind);
    if (wording.trim() !== canonical) {
      this.notice('outline.headingWording', line, { found: wording.trim(), expected: canonical });
    }
    const section: DraftSection = { key, line, paragraphs: [], points: [], stack: [] };
    item.sections.set(key, section);
    item.current = section;
    this.appendToLast = undefined;
  }

  private addContent(item: DraftItem, section: DraftSection, paragraph: SourceParagraph): void {
    const label = section.key === 'budgetUsed' ? undefined : readLabel(paragraph.text);
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
      this.fail('outline.skippedLevel', paragraph.line, {
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
    this.checkNumber(item, section, label, siblings.length, paragraph.line);
  }

  /** Compares the number as written with the one its position gives. */
  private checkNumber(
    item: DraftItem,
    section: DraftSection,
    label: Label,
    position: number,
    line: number,
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
      this.notice('outline.numberingSlip', line, { found: label.written, expected });
    }
  }

  private closeSection(item: DraftItem): void {
    const section = item.current;
    if (section && section.paragraphs.length === 0 && section.points.length === 0) {
      this.fail('outline.emptySection', section.line, {
        expected: this.expectedHeading(item, section.key),
      });
    }
  }

  closeItem(line: number): void {
    const item = this.item;
    if (!item) return;
    this.closeSection(item);
    const last = item.current ? SECTION_ORDER.indexOf(item.current.key) : -1;
    for (const missing of SECTION_ORDER.slice(last + 1)) {
      this.fail('outline.missingSection', line, {
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
  fail: (code: string, line: number, values?: Record<string, unknown>) => void,
): string {
  const [first, second] = section?.paragraphs ?? [];
  if (!section || !first) return 'none';
  if (second) fail('outline.budgetParagraphs', second.line);
  if (/^ไม่(?:ใช้|มี)/.test(first.text) || isNoneWording(first.text)) return 'none';
  const parsed = parseBaht(first.text);
  if (!parsed.ok) {
    fail('outline.budget', first.line, { found: first.text.slice(0, 80) });
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

export function parseReportOutline(
  source: string,
  options: OutlineImportOptions = {},
): OutlineImportResult {
  const paragraphs = readOutlineParagraphs(source);
  if (paragraphs.length === 0) {
    return { ok: false, problems: [lineProblem('outline.empty', 1)], notices: [] };
  }
  const title = readTitle(paragraphs);
  if (!title) {
    const line = paragraphs[0]?.line ?? 1;
    return { ok: false, problems: [lineProblem('outline.noTitle', line)], notices: [] };
  }
  const reader = new OutlineReader();
  const firstItem = paragraphs.findIndex((p) => ITEM_HEADING.test(p.text));
  for (const paragraph of paragraphs.slice(firstItem === -1 ? paragraphs.length : firstItem)) {
    reader.read(paragraph);
  }
  const lastLine = (paragraphs.at(-1)?.line ?? 0) + 1;
  reader.closeItem(lastLine);
  if (reader.items.length === 0 && reader.problems.length === 0) {
    reader.problems.push(lineProblem('outline.noItems', lastLine));
  }

  const agency = options.agency ?? PLACEHOLDER_AGENCY;
  const fail = (code: string, line: number, values: Record<string, unknown> = {}) => {
    reader.problems.push(lineProblem(code, line, values));
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
