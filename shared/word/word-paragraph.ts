/** What the Word reader hands the outline importer: paragraphs as the person saw them, with where they are. */

import type { ListLabel } from './word-numbering.js';

export interface WordLocation {
  /** 1-based, every paragraph of the document's main text in order, table cells included. */
  paragraph: number;
  /** The table cell the paragraph is in: 1-based table (in document order), row and column. */
  cell?: { table: number; row: number; column: number };
  /** In a text box anchored in `paragraph`. */
  textBox?: boolean;
}

export interface WordParagraph {
  /** The visible text, without its automatic list label. */
  text: string;
  /** Word's automatic number or bullet, as Word shows it. */
  label?: ListLabel;
  at: WordLocation;
  /** Nothing but a content control's placeholder or a template hint: not filled in. */
  placeholder: boolean;
  /** Hidden text (w:vanish) was left out. */
  hiddenDropped: boolean;
  /** Arabic digits in a font that draws them as Thai were stored as Thai digits. */
  thaiDigitsFromFont?: string;
}
