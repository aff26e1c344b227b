/**
 * Writes lines of Thai text into a pdfkit document: our own line layout
 * (pdfkit's breaker finds no break inside Thai), page breaks, marked content
 * with ActualText, and the outline glyphs of pdf-exact-text-font.ts.
 */

import type PDFDocument from 'pdfkit';
import { breakThaiLines } from './break-thai-lines.js';
import { type ExactTextFont, installExactText } from './pdf-exact-text-font.js';

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

/** Line height as a multiple of the font size: Thai stacks marks above and below. */
export const LINE_HEIGHT = 1.55;

export class PdfTextWriter {
  y: number;
  private readonly exact = new Map<FontName, ExactTextFont>();

  constructor(
    readonly doc: Doc,
    readonly box: PageBox,
    fonts: Record<FontName, Uint8Array>,
  ) {
    for (const name of ['regular', 'bold'] as const) {
      doc.registerFont(name, Buffer.from(fonts[name]));
      doc.font(name);
      // biome-ignore lint/suspicious/noExplicitAny: pdfkit's font cache is not in its typings.
      const internals = doc as any;
      // pdfkit does not cache a registered font that matches the constructor's
      // font by name, and would parse the TTF again on every font() call.
      internals._fontFamilies[name] = internals._font;
      this.exact.set(name, installExactText(internals._font));
    }
    this.y = box.top;
  }

  get width(): number {
    return this.doc.page.width - this.box.left - this.box.right;
  }

  private current: { font?: FontName; size?: number; color?: string } = {};
  private readonly widths = new Map<string, number>();

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

  /** Width of `text` in points; memoised, as reports repeat words a great deal. */
  measure(text: string, style: TextStyle): number {
    const key = `${style.font}/${style.size}/${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.use(style, false);
      width = this.doc.widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
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

  /** Draws one line at (x, y) without wrapping, then its outline glyphs. */
  drawRun(text: string, x: number, y: number, style: TextStyle): void {
    this.use(style);
    this.doc.text(text, x, y, { lineBreak: false });
    const exact = this.exact.get(style.font);
    const outlines = exact?.takeOutlines() ?? [];
    if (outlines.length === 0) return;
    // biome-ignore lint/suspicious/noExplicitAny: pdfkit's EmbeddedFont is not in its typings.
    const ascender: number = (this.doc as any)._font.ascender;
    const baseline = y + (ascender / 1000) * style.size;
    for (const glyph of outlines) {
      const scale = style.size / glyph.unitsPerEm;
      this.doc
        .save()
        .translate(x + (glyph.x / 1000) * style.size, baseline - (glyph.y / 1000) * style.size)
        .scale(scale, -scale)
        .path(glyph.svgPath)
        .fill(style.color ?? '#000000')
        .restore();
    }
  }

  /** One line as tagged content: a Span with the line's exact text, under `parent`. */
  taggedRun(
    parent: StructElement,
    text: string,
    x: number,
    style: TextStyle,
    align: 'left' | 'center' | 'right' = 'left',
    width = this.width,
  ): void {
    const height = this.lineHeight(style);
    this.ensureSpace(height);
    const textWidth = this.measure(text.trimEnd(), style);
    const left =
      align === 'left'
        ? x
        : align === 'center'
          ? x + (width - textWidth) / 2
          : x + width - textWidth;
    const content = this.doc.markStructureContent('Span', { actual: text } as never);
    this.drawRun(text, left, this.y, style);
    this.doc.endMarkedContent();
    parent.add(content);
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
    const lines = breakThaiLines(text, width, (t) => this.measure(t, options.style));
    const height = this.lineHeight(options.style);
    // Keep a label with at least the first two lines of its text.
    this.ensureSpace(height * Math.min(lines.length, 2));
    if (options.label) {
      const content = this.doc.markStructureContent('Span', { actual: options.label } as never);
      this.drawRun(options.label, options.x, this.y, options.style);
      this.doc.endMarkedContent();
      (options.labelParent ?? parent).add(content);
    }
    lines.forEach((line, index) => {
      // A trailing space ends the block, as a paragraph break does in text.
      const last = index === lines.length - 1;
      this.taggedRun(parent, last ? `${line.trimEnd()} ` : line, textX, options.style);
    });
  }

  /** Vertical space, dropped at the top of a page. */
  space(points: number): void {
    if (this.y > this.box.top) this.y += points;
  }
}
