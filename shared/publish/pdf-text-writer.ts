/**
 * Writes lines of Thai text into a pdfkit document: our own line layout
 * (pdfkit's breaker finds no break inside Thai), page breaks, tagged marked
 * content, and the outline glyphs of pdf-exact-text-font.ts.
 *
 * No ActualText: the glyphs already map to the exact text (see
 * pdf-exact-text-font.ts), and poppler, which honours ActualText, places
 * such a run as one point at its start, so a hanging label and the first
 * line of its text became two blocks and pdftotext put the label after the
 * line.
 */

import type PDFDocument from 'pdfkit';
import { breakThaiLines } from './break-thai-lines.js';
import { textRunOps } from './pdf-content-ops.js';
import {
  type EmbeddedFont,
  type ExactTextFont,
  installExactText,
  type ShapedGlyphs,
} from './pdf-exact-text-font.js';
import { OutlineForms } from './pdf-outline-forms.js';
import {
  allowShaping,
  prefetchShaping,
  shapeText,
  sliceShaped,
  widthBetween,
} from './shaped-text.js';
import { cacheSubsetGlyphs, type TrueTypeSubset } from './subset-glyph-cache.js';

type Doc = InstanceType<typeof PDFDocument>;
/** pdfkit's struct element; its typings lag behind the implementation. */
export type StructElement = ReturnType<Doc['struct']>;

export type FontName = 'regular' | 'bold';

export interface TextStyle {
  font: FontName;
  size: number;
  color?: string;
}

export interface PageBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Line breaks of paragraphs already laid out, across renders (same font, size, width). */
const lineBreaks = new Map<string, string[]>();
const LINE_BREAK_CACHE_LIMIT = 20_000;

/** Line height as a multiple of the font size: Thai stacks marks above and below. */
export const LINE_HEIGHT = 1.55;

/**
 * Each font file's parsed font (fontkit's), kept across documents: pdfkit
 * takes a parsed font wherever it takes a file, and a render then parses
 * Sarabun and decodes its glyphs once per process, not once per document.
 */
const parsedFonts = new WeakMap<Uint8Array, object>();

/** What to hand pdfkit for a font file: its parsed font once a document has parsed it. */
export function fontSource(file: Uint8Array): object {
  return parsedFonts.get(file) ?? Buffer.from(file);
}

/** pdfkit's PDFStructureContent (not exported): taken from the first one pdfkit makes. */
type StructureContentClass = new (pageRef: unknown, mcid: number) => object;
let StructureContent: StructureContentClass | undefined;

export class PdfTextWriter {
  y: number;
  private readonly exact = new Map<FontName, ExactTextFont>();
  private readonly fonts = new Map<FontName, EmbeddedFont>();
  private readonly outlineForms: OutlineForms;

  constructor(
    readonly doc: Doc,
    readonly box: PageBox,
    fonts: Record<FontName, Uint8Array>,
  ) {
    for (const name of ['regular', 'bold'] as const) {
      doc.registerFont(name, fontSource(fonts[name]) as never);
      doc.font(name);
      // biome-ignore lint/suspicious/noExplicitAny: pdfkit's font cache is not in its typings.
      const internals = doc as any;
      // pdfkit does not cache a registered font that matches the constructor's
      // font by name, and would parse the TTF again on every font() call.
      internals._fontFamilies[name] = internals._font;
      const font = internals._font as EmbeddedFont;
      parsedFonts.set(fonts[name], font.font);
      this.exact.set(name, installExactText(font));
      cacheSubsetGlyphs(font.subset as unknown as TrueTypeSubset);
      allowShaping(font);
      this.fonts.set(name, font);
    }
    this.outlineForms = new OutlineForms(doc);
    this.y = box.top;
  }

  get width(): number {
    return this.doc.page.width - this.box.left - this.box.right;
  }

  private current: { font?: FontName; size?: number; color?: string } = {};

  /** Switches font, size and colour, emitting operators only for what changed. */
  private use(style: TextStyle, withColour = true): void {
    if (this.current.font !== style.font) this.doc.font(style.font);
    if (this.current.size !== style.size) this.doc.fontSize(style.size);
    this.current.font = style.font;
    this.current.size = style.size;
    const colour = style.color ?? '#000000';
    if (withColour && this.current.color !== colour) {
      this.doc.fillColor(colour);
      this.current.color = colour;
    }
  }

  private fontFor(style: TextStyle): EmbeddedFont {
    const font = this.fonts.get(style.font);
    if (!font) throw new Error(`font ${style.font} is not registered`);
    return font;
  }

  /** Shapes these texts in one go ahead of drawing them (see prefetchShaping). */
  prefetch(font: FontName, texts: readonly string[]): void {
    prefetchShaping(this.fontFor({ font, size: 0 }), texts);
  }

  /** Width of `text` in points, from its (cached) shaping. */
  measure(text: string, style: TextStyle): number {
    const shaped = shapeText(this.fontFor(style), text);
    return ((shaped.sums.at(-1) ?? 0) / 1000) * style.size;
  }

  /**
   * `text` broken into lines of at most `width` points at Thai word
   * boundaries, each piece measured on its own (titles, table cells);
   * remembered across renders like a paragraph's breaks.
   */
  breakLines(text: string, width: number, style: TextStyle): string[] {
    const key = `pieces/${style.font}/${style.size}/${width}/${text}`;
    let lines = lineBreaks.get(key);
    if (!lines) {
      lines = breakThaiLines(text, width, (piece) => this.measure(piece, style));
      if (lineBreaks.size >= LINE_BREAK_CACHE_LIMIT) lineBreaks.clear();
      lineBreaks.set(key, lines);
    }
    return lines;
  }

  /** Forgets the graphics state we assumed (after save/restore or a page switch). */
  resetStyle(): void {
    this.current = {};
  }

  lineHeight(style: TextStyle): number {
    return style.size * LINE_HEIGHT;
  }

  /** Starts a new page when `height` does not fit below the current position. */
  ensureSpace(height: number): void {
    if (this.y + height > this.doc.page.height - this.box.bottom) {
      this.doc.addPage();
      // A new page starts a new content stream with the default colour.
      this.resetStyle();
      this.y = this.box.top;
    }
  }

  /**
   * Draws one line at (x, y) without wrapping, then its outline glyphs.
   * `glyphs` is the line's shaping when the caller cut it from a paragraph;
   * `before` and `after` are operators written around it in the same buffer.
   */
  drawRun(
    text: string,
    x: number,
    y: number,
    style: TextStyle,
    glyphs?: ShapedGlyphs,
    before = '',
    after = '',
  ): void {
    this.use(style);
    const font = this.fontFor(style);
    const exact = this.exact.get(style.font);
    if (!exact) throw new Error(`font ${style.font} is not registered`);
    const run = exact.encodeGlyphs(glyphs ?? shapeText(font, text));
    const { page } = this.doc;
    // The page lists the font among its resources, and pdfkit embeds it at the end.
    // biome-ignore lint/suspicious/noExplicitAny: a page's font resources are not in pdfkit's typings.
    const resources = (page as any).fonts as Record<string, unknown>;
    resources[font.id] ??= font.ref();
    const ops = [
      textRunOps(
        run,
        { x, y, pageHeight: page.height },
        { id: font.id, size: style.size, ascender: font.ascender },
      ),
    ];
    const baseline = y + (font.ascender / 1000) * style.size;
    for (const outline of run.outlines) {
      const at = {
        x: x + (outline.x / 1000) * style.size,
        y: baseline - (outline.y / 1000) * style.size,
      };
      ops.push(this.outlineForms.draw(font.font, outline.glyph, at, style.size));
    }
    // One buffer for the whole line: pdfkit would copy every operator into a buffer of its own.
    page.write(Buffer.from(`${before}${ops.join('\n')}\n${after}`, 'latin1') as never);
  }

  /**
   * One line as marked content (a Span) of `parent` at the current y: what
   * pdfkit's markStructureContent, endMarkedContent and add do, without
   * their generic dictionary writing and bookkeeping of open markings (none
   * is open here), and with BDC and EMC in the line's own buffer.
   */
  private spanRun(
    parent: StructElement,
    text: string,
    x: number,
    style: TextStyle,
    glyphs?: ShapedGlyphs,
  ): void {
    // biome-ignore lint/suspicious/noExplicitAny: pdfkit's structure internals are not in its typings.
    const doc = this.doc as any;
    const page = doc.page;
    // A change of colour is written first, outside the span: a span holds only its line
    // (either way, so the bytes do not depend on which way a line took).
    this.use(style);
    if (!StructureContent || page.markings.length > 0) {
      const content = this.doc.markStructureContent('Span');
      StructureContent ??= content.constructor as StructureContentClass;
      this.drawRun(text, x, this.y, style, glyphs);
      this.doc.endMarkedContent();
      parent.add(content);
      return;
    }
    const parents = doc.getStructParentTree().get(page.structParentTreeKey) as unknown[];
    const mcid = parents.length;
    parents.push(null);
    this.drawRun(text, x, this.y, style, glyphs, `/Span <<\n/MCID ${mcid}\n>> BDC\n`, 'EMC\n');
    parent.add(new StructureContent(page.dictionary, mcid) as never);
  }

  /** One line as tagged content: a Span under `parent`. */
  taggedRun(
    parent: StructElement,
    text: string,
    x: number,
    style: TextStyle,
    align: 'left' | 'center' | 'right' = 'left',
    width = this.width,
    glyphs?: ShapedGlyphs,
  ): void {
    const height = this.lineHeight(style);
    this.ensureSpace(height);
    const textWidth = align === 'left' ? 0 : this.measure(text.trimEnd(), style);
    const left =
      align === 'left'
        ? x
        : align === 'center'
          ? x + (width - textWidth) / 2
          : x + width - textWidth;
    this.spanRun(parent, text, left, style, glyphs);
    this.y += height;
  }

  /**
   * A paragraph with a hanging label: the label at `x`, the text from
   * `textX` on every line, broken at Thai word boundaries.
   */
  paragraph(
    parent: StructElement,
    text: string,
    options: {
      x: number;
      textX?: number;
      style: TextStyle;
      label?: string;
      labelParent?: StructElement;
    },
  ): void {
    const textX = options.textX ?? options.x;
    const width = this.box.left + this.width - textX;
    // One shaping for the paragraph, with the space that ends the block.
    const shaped = shapeText(this.fontFor(options.style), `${text} `);
    const scale = options.style.size / 1000;
    const breakKey = `${options.style.font}/${options.style.size}/${width}/${text}`;
    let lines = lineBreaks.get(breakKey);
    if (!lines) {
      lines = breakThaiLines(
        text,
        width,
        (piece, start) => widthBetween(shaped, start, start + piece.length) * scale,
      );
      if (lineBreaks.size >= LINE_BREAK_CACHE_LIMIT) lineBreaks.clear();
      lineBreaks.set(breakKey, lines);
    }
    const height = this.lineHeight(options.style);
    // Keep a label with at least the first two lines of its text.
    this.ensureSpace(height * Math.min(lines.length, 2));
    if (options.label) {
      // The label's trailing space stands for the one between number and text.
      const label = `${options.label} `;
      this.spanRun(options.labelParent ?? parent, label, options.x, options.style);
    }
    // Lines are consecutive slices of the (trimmed) text; the last one also
    // takes the space that ends the block, as a paragraph break does in text.
    let start = 0;
    lines.forEach((line, index) => {
      const last = index === lines.length - 1;
      const end = start + line.length + (last ? 1 : 0);
      const lineText = last ? `${line} ` : line;
      this.taggedRun(
        parent,
        lineText,
        textX,
        options.style,
        'left',
        this.width,
        sliceShaped(shaped, start, end),
      );
      start += line.length;
    });
  }

  /** Vertical space, dropped at the top of a page. */
  space(points: number): void {
    if (this.y > this.box.top) this.y += points;
  }
}
