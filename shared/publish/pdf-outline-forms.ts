/**
 * The outline glyphs of a document (pdf-exact-text-font.ts draws the
 * first half of ำ and raised marks as paths) as Form XObjects: each
 * glyph's path is written once per document and drawn with one `Do`
 * wherever it appears. Written in full at every use, the paths of five
 * glyphs, used some 350 times, made 60% of the seed report's content
 * streams, which pdfkit then compresses. A form carries no text, so text
 * extraction is unchanged, and it paints in the colour of the text it
 * sits in.
 */

import type PDFDocument from 'pdfkit';
import { glyphOutline, pdfNumber } from './pdf-content-ops.js';
import type { Glyph } from './pdf-exact-text-font.js';

type Doc = InstanceType<typeof PDFDocument>;
type Reference = ReturnType<Doc['ref']>;

export class OutlineForms {
  /** Parsed font → glyph id → the form's resource name and object. */
  private readonly forms = new Map<object, Map<number, { name: string; ref: Reference }>>();
  private count = 0;

  constructor(private readonly doc: Doc) {}

  /**
   * Operators drawing `glyph` of `font` (the fontkit font) filled at
   * (x, y), the baseline in pdfkit's top-down page space, `size` points to
   * the em; the form is listed among the current page's resources.
   */
  draw(font: { unitsPerEm: number }, glyph: Glyph, at: { x: number; y: number }, size: number) {
    let byGlyph = this.forms.get(font);
    if (!byGlyph) {
      byGlyph = new Map();
      this.forms.set(font, byGlyph);
    }
    let form = byGlyph.get(glyph.id);
    if (!form) {
      const outline = glyphOutline(font, glyph);
      const em = 1 / font.unitsPerEm;
      // Font units, y up, scaled to one point per em and flipped into pdfkit's page space.
      const ref = this.doc.ref({
        Type: 'XObject',
        Subtype: 'Form',
        BBox: outline.box,
        Matrix: [em, 0, 0, -em, 0, 0],
      });
      ref.end(`${outline.path}\nf`);
      form = { name: `Gl${++this.count}`, ref };
      byGlyph.set(glyph.id, form);
    }
    // biome-ignore lint/suspicious/noExplicitAny: a page's XObject resources are not in pdfkit's typings.
    const xobjects = (this.doc.page as any).xobjects as Record<string, unknown>;
    xobjects[form.name] ??= form.ref;
    const scale = pdfNumber(size);
    return `q\n${scale} 0 0 ${scale} ${pdfNumber(at.x)} ${pdfNumber(at.y)} cm\n/${form.name} Do\nQ`;
  }
}
