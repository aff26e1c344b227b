/**
 * Walks the body of document.xml and gives every paragraph as the person
 * sees it in Word: runs and their text, tabs, Shift+Enter breaks (a space,
 * since Thai separates phrases with one), the displayed result of fields
 * (page-number fields dropped: they number the printout, not the report),
 * tracked insertions kept and deletions dropped, hidden text dropped,
 * content controls (their text; a placeholder still showing is "not filled
 * in"), text boxes once (mc:AlternateContent offers the same box twice:
 * DrawingML and VML), and tables cell by cell. Comments, headers and
 * footers live in other parts and are never read.
 */

import { toThaiDigits } from '../thai/thai-digits.js';
import type { ListCounter, ListLabel } from './word-numbering.js';
import type { WordLocation, WordParagraph } from './word-paragraph.js';
import {
  mergeFonts,
  type RunFonts,
  readFonts,
  styleChain,
  type WordStyles,
} from './word-styles.js';
import { child, childVal, elements, isOn, type XmlElement, type XmlNode } from './xml-tree.js';

/** Fonts that draw the Arabic digits 0–9 as Thai digits (TH SarabunIT๙, TH NiramitIT๙ …). */
const THAI_DIGIT_FONT = /IT\s*(?:๙|9)/i;
/** Word's private-use bullets of the Symbol and Wingdings fonts, shown as a bullet. */
const SYMBOL_BULLETS = /[\uF0B7\uF0A7\uF076\uF0D8\uF0FC\uF06C\uF06E\uF0A8]/g;
/** Fields that number the printed page rather than say anything. */
const PAGE_FIELDS = /^\s*(?:PAGE|NUMPAGES|SECTIONPAGES|PAGEREF)\b/i;
const PLACEHOLDER_STYLE = 'PlaceholderText';
/** What a typed outline label is made of: digits, dots, brackets, bullets and space. */
const LABEL_CHARACTERS = /[\s0-9\u0E50-\u0E59.()•\-–]/g;

interface Field {
  instruction: string;
  showingResult: boolean;
}

interface Context {
  cell?: { table: number; row: number; column: number };
  textBox?: boolean;
  /** Inside a content control that still shows its placeholder. */
  placeholder: boolean;
}

interface ParagraphDraft {
  parts: string[];
  /** Everything shown, placeholders included, in order: quoted when reported as not filled in. */
  withHints: string[];
  placeholderText: boolean;
  hiddenDropped: boolean;
  thaiDigitFont?: string;
  textBoxes: XmlElement[];
}

interface RunStyle {
  hidden: boolean;
  placeholder: boolean;
  font?: string;
}

export class WordBodyReader {
  readonly paragraphs: WordParagraph[] = [];
  private paragraphCount = 0;
  private tableCount = 0;
  private readonly fields: Field[] = [];

  constructor(
    private readonly styles: WordStyles,
    private readonly lists: ListCounter,
  ) {}

  readBlocks(nodes: readonly XmlNode[], context: Context): void {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:p':
          this.readParagraph(node, context);
          break;
        case 'w:tbl':
          this.readTable(node, context);
          break;
        case 'w:sdt':
          this.readBlocks(elements(child(node, 'w:sdtContent') ?? node, undefined), {
            ...context,
            placeholder: context.placeholder || showsPlaceholder(node),
          });
          break;
        case 'w:del':
        case 'w:moveFrom':
          break;
        case 'mc:AlternateContent':
          this.readBlocks(chosenAlternative(node), context);
          break;
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
        case 'w:smartTag':
          this.readBlocks(node.children, context);
          break;
        default:
          break;
      }
    }
  }

  private readTable(table: XmlElement, context: Context): void {
    this.tableCount += 1;
    const tableNo = this.tableCount;
    elements(table, 'w:tr').forEach((row, rowIndex) => {
      elements(row, 'w:tc').forEach((cell, cellIndex) => {
        // A cell merged into the one above holds nothing of its own.
        if (
          child(child(cell, 'w:tcPr'), 'w:vMerge') &&
          childVal(child(cell, 'w:tcPr'), 'w:vMerge') !== 'restart'
        ) {
          return;
        }
        this.readBlocks(cell.children, {
          ...context,
          cell: { table: tableNo, row: rowIndex + 1, column: cellIndex + 1 },
        });
      });
    });
  }

  private paragraphStyleChain(pPr: XmlElement | undefined) {
    const id = childVal(pPr, 'w:pStyle') ?? this.styles.defaultParagraphStyle;
    return styleChain(this.styles.paragraph, id);
  }

  private labelOf(pPr: XmlElement | undefined): ListLabel | undefined {
    const numPr = child(pPr, 'w:numPr');
    const styleId = childVal(pPr, 'w:pStyle');
    const chain = this.paragraphStyleChain(pPr);
    const numId = childVal(numPr, 'w:numId') ?? chain.find((s) => s.numId !== undefined)?.numId;
    if (numId === undefined) return undefined;
    const direct = childVal(numPr, 'w:ilvl');
    const ilvl =
      direct !== undefined
        ? Number(direct)
        : (chain.find((s) => s.ilvl !== undefined)?.ilvl ??
          (styleId ? this.lists.levelOfStyle(numId, styleId) : undefined) ??
          0);
    return this.lists.next(numId, Math.max(0, Math.min(8, ilvl)));
  }

  private readParagraph(paragraph: XmlElement, context: Context): void {
    if (!context.textBox) this.paragraphCount += 1;
    const pPr = child(paragraph, 'w:pPr');
    const label = this.labelOf(pPr);
    const paragraphFonts = mergeFonts(
      this.styles.defaultFonts,
      ...this.paragraphStyleChain(pPr)
        .map((s) => s.fonts)
        .reverse(),
    );
    const draft: ParagraphDraft = {
      parts: [],
      withHints: [],
      placeholderText: false,
      hiddenDropped: false,
      textBoxes: [],
    };
    this.readInline(paragraph.children, draft, context, paragraphFonts);
    const text = draft.parts.join('').replace(SYMBOL_BULLETS, '•');
    // A typed label ("๑.๑.๑ ") before a hint does not fill the paragraph in.
    const filled = text.replace(LABEL_CHARACTERS, '') !== '';
    const placeholder = draft.placeholderText && !filled;
    const visible = text.trim() !== '';
    const at: WordLocation = {
      paragraph: this.paragraphCount,
      ...(context.cell ? { cell: context.cell } : {}),
      ...(context.textBox ? { textBox: true } : {}),
    };
    if (visible || placeholder) {
      this.paragraphs.push({
        text: placeholder ? draft.withHints.join('') : text,
        ...(label ? { label } : {}),
        at,
        placeholder,
        hiddenDropped: draft.hiddenDropped,
        ...(draft.thaiDigitFont ? { thaiDigitsFromFont: draft.thaiDigitFont } : {}),
      });
    } else if (draft.hiddenDropped) {
      this.paragraphs.push({ text: '', at, placeholder: false, hiddenDropped: true });
    }
    // Read after their anchor, as the person reads the page.
    for (const box of draft.textBoxes) {
      this.readBlocks(box.children, { ...context, textBox: true });
    }
  }

  private runStyle(rPr: XmlElement | undefined, paragraphFonts: RunFonts): RunStyle {
    const runStyleId = childVal(rPr, 'w:rStyle');
    const chain = styleChain(this.styles.character, runStyleId);
    const fonts = mergeFonts(
      paragraphFonts,
      ...chain.map((s) => s.fonts).reverse(),
      readFonts(rPr),
    );
    const complex = isOn(rPr, 'w:cs') || isOn(rPr, 'w:rtl');
    const font = complex ? (fonts.cs ?? fonts.ascii) : (fonts.ascii ?? fonts.hAnsi);
    const hidden =
      isOn(rPr, 'w:vanish') ??
      isOn(rPr, 'w:specVanish') ??
      chain.find((s) => s.hidden !== undefined)?.hidden ??
      false;
    return {
      hidden,
      placeholder: runStyleId === PLACEHOLDER_STYLE,
      ...(font ? { font } : {}),
    };
  }

  private inFieldInstruction(): boolean {
    return this.fields.some((f) => !f.showingResult);
  }

  private inPageField(): boolean {
    return this.fields.some((f) => PAGE_FIELDS.test(f.instruction));
  }

  private readInline(
    nodes: readonly XmlNode[],
    draft: ParagraphDraft,
    context: Context,
    paragraphFonts: RunFonts,
  ): void {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:r':
          this.readRun(node, draft, context, paragraphFonts);
          break;
        case 'w:del':
        case 'w:moveFrom':
          break;
        case 'w:sdt':
          this.readInline(
            elements(child(node, 'w:sdtContent') ?? node),
            draft,
            {
              ...context,
              placeholder: context.placeholder || showsPlaceholder(node),
            },
            paragraphFonts,
          );
          break;
        case 'w:fldSimple': {
          const field = { instruction: node.attrs['w:instr'] ?? '', showingResult: true };
          this.fields.push(field);
          this.readInline(node.children, draft, context, paragraphFonts);
          this.fields.pop();
          break;
        }
        case 'mc:AlternateContent':
          this.readInline(chosenAlternative(node), draft, context, paragraphFonts);
          break;
        case 'w:hyperlink':
        case 'w:ins':
        case 'w:moveTo':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:bdo':
        case 'w:dir':
          this.readInline(node.children, draft, context, paragraphFonts);
          break;
        default:
          break;
      }
    }
  }

  private readRun(
    run: XmlElement,
    draft: ParagraphDraft,
    context: Context,
    paragraphFonts: RunFonts,
  ): void {
    const style = this.runStyle(child(run, 'w:rPr'), paragraphFonts);
    const emit = (text: string) => {
      if (this.inFieldInstruction() || this.inPageField()) return;
      if (style.hidden) {
        if (text.trim() !== '') draft.hiddenDropped = true;
        return;
      }
      if (context.placeholder || style.placeholder) {
        if (text.trim() !== '') draft.placeholderText = true;
        draft.withHints.push(text);
        return;
      }
      const shown =
        style.font && THAI_DIGIT_FONT.test(style.font) && /[0-9]/.test(text)
          ? toThaiDigits(text)
          : text;
      if (shown !== text && style.font) draft.thaiDigitFont = style.font;
      draft.parts.push(shown);
      draft.withHints.push(shown);
    };
    for (const node of run.children) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:t':
          emit(node.children.filter((c): c is string => typeof c === 'string').join(''));
          break;
        case 'w:tab':
        case 'w:ptab':
          emit('\t');
          break;
        case 'w:br':
        case 'w:cr':
          emit(' ');
          break;
        case 'w:noBreakHyphen':
          emit('-');
          break;
        case 'w:sym':
          emit('•');
          break;
        case 'w:fldChar':
          this.fieldChar(node.attrs['w:fldCharType']);
          break;
        case 'w:instrText': {
          const open = this.fields.at(-1);
          if (open && !open.showingResult) {
            open.instruction += node.children.filter((c) => typeof c === 'string').join('');
          }
          break;
        }
        case 'mc:AlternateContent':
          for (const chosen of chosenAlternative(node)) {
            if (typeof chosen !== 'string') collectTextBoxes(chosen, draft.textBoxes);
          }
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          collectTextBoxes(node, draft.textBoxes);
          break;
        default:
          break;
      }
    }
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') this.fields.push({ instruction: '', showingResult: false });
    else if (type === 'separate') {
      const open = this.fields.at(-1);
      if (open) open.showingResult = true;
    } else if (type === 'end') this.fields.pop();
  }
}

function showsPlaceholder(sdt: XmlElement): boolean {
  return isOn(child(sdt, 'w:sdtPr'), 'w:showingPlcHdr') ?? false;
}

/**
 * The one rendering of mc:AlternateContent a reader should take: the first
 * Choice (what current Word shows), else the Fallback; never both.
 */
function chosenAlternative(node: XmlElement): XmlNode[] {
  const choice = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
  return choice?.children ?? [];
}

function collectTextBoxes(node: XmlElement, out: XmlElement[]): void {
  for (const inner of node.children) {
    if (typeof inner === 'string') continue;
    if (inner.name === 'w:txbxContent') out.push(inner);
    else if (inner.name === 'mc:AlternateContent') {
      for (const chosen of chosenAlternative(inner)) {
        if (typeof chosen !== 'string') collectTextBoxes(chosen, out);
      }
    } else collectTextBoxes(inner, out);
  }
}
