/**
 * Word paragraphs as the outline reader reads them: an automatic number is
 * put in front of the text exactly as Word shows it ("๑.๒.๑ …"), so
 * numbered and typed reports read alike; a bullet (Word's, or typed, or a
 * Symbol-font one pasted in) becomes a point. What the reader left out or
 * changed becomes a notice naming the paragraph.
 */

import { placeProblem, type SourcePlace, snippetOf } from '../validation/make-problem.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import type { WordParagraph } from '../word/word-paragraph.js';
import type { SourceParagraph } from './read-outline-paragraphs.js';

/** A bullet typed (or pasted) at the start of a paragraph, with the space after it. */
const TYPED_BULLET = /^[•●○◦▪■□◆◇►▸‣∙·✓✔➢➤\-–]\s+(?=\S)/u;

export interface WordOutline {
  paragraphs: SourceParagraph[];
  notices: ValidationProblem[];
}

export function wordOutlineParagraphs(word: readonly WordParagraph[]): WordOutline {
  const paragraphs: SourceParagraph[] = [];
  const notices: ValidationProblem[] = [];
  const fontsNoticed = new Set<string>();
  let lastTextBoxAnchor = -1;
  word.forEach((source, index) => {
    const label = source.label;
    let text = source.text.trim();
    let bullet = label?.kind === 'bullet' ? label.level : undefined;
    const typed = TYPED_BULLET.exec(text);
    if (typed && bullet === undefined && label === undefined) {
      bullet = 0;
      text = text.slice(typed[0].length);
    } else if (typed && bullet !== undefined) {
      // Word's bullet and a typed one: the typed one is a leftover of pasting.
      text = text.slice(typed[0].length);
    }
    if (label?.kind === 'number') text = `${label.text.trim()} ${text}`.trim();
    const cell = source.at.cell;
    const place: SourcePlace = {
      line: index + 1,
      word: {
        paragraph: source.at.paragraph,
        snippet: snippetOf(text),
        ...(cell ? { cell } : {}),
      },
    };
    if (source.hiddenDropped) notices.push(placeProblem('word.hiddenText', place));
    const font = source.thaiDigitsFromFont;
    if (font && !fontsNoticed.has(font)) {
      fontsNoticed.add(font);
      notices.push(placeProblem('word.thaiDigitFont', place, { font }));
    }
    if (source.at.textBox && lastTextBoxAnchor !== source.at.paragraph) {
      lastTextBoxAnchor = source.at.paragraph;
      notices.push(placeProblem('word.textBox', place));
    }
    if (text === '') return;
    paragraphs.push({
      text,
      line: place.line,
      afterPageBreak: false,
      ...(place.word ? { word: place.word } : {}),
      ...(source.placeholder ? { placeholder: true } : {}),
      ...(bullet !== undefined ? { bullet } : {}),
      ...(cell?.column === 1 ? { headingCell: true } : {}),
    });
  });
  return { paragraphs, notices };
}
