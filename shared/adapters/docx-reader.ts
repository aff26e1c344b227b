/**
 * An uploaded Word file to the paragraphs the person saw in Word. What is
 * not a .docx is told by its bytes first (legacy .doc, a password-protected
 * file, PDF, RTF, ODT, an empty or cut-short file), so the answer says what
 * the file is and what to do; the zip is unpacked within the bomb guard's
 * limits; the structure is read by shared/word. No library's own error text
 * reaches the person: each failure has its own catalogue entry.
 */

import { makeProblem } from '../validation/make-problem.js';
import type { Validated } from '../validation/validation-problem.js';
import { isWordTextPart, readWordDocument } from '../word/read-word-document.js';
import { recogniseFileKind } from '../word/recognise-file-kind.js';
import type { WordParagraph } from '../word/word-paragraph.js';
import { workflowProblem } from '../workflow/workflow-messages.js';
import { readZipParts } from './zip-inflation-guard.js';

type UploadCode = 'upload.unreadableWord' | 'upload.wordUnpacksTooLarge';

const refuse = (code: string, values: Record<string, unknown> = {}) => ({
  ok: false as const,
  problems: [
    code.startsWith('upload.')
      ? workflowProblem(code as UploadCode, '$', values)
      : makeProblem(code, '$', values),
  ],
});

const KIND_CODES = {
  empty: 'word.empty',
  'legacy-doc': 'word.legacyDoc',
  encrypted: 'word.encrypted',
  pdf: 'word.pdf',
  rtf: 'word.rtf',
} as const;

export async function readDocx(bytes: Uint8Array): Promise<Validated<WordParagraph[]>> {
  const kind = recogniseFileKind(bytes);
  if (kind === 'unknown') return refuse('upload.unreadableWord', { detail: 'not a .docx file' });
  if (kind !== 'zip') return refuse(KIND_CODES[kind]);
  const zip = readZipParts(bytes, isWordTextPart);
  if (!zip.ok) {
    if (zip.reason === 'too-large')
      return refuse('upload.wordUnpacksTooLarge', { detail: zip.detail });
    // A zip's directory sits at its end: without it, the file was cut short.
    return refuse(zip.reason === 'not-zip' ? 'word.truncated' : 'word.damaged');
  }
  const read = readWordDocument(zip.parts);
  if (read.ok) return { ok: true, value: read.paragraphs, problems: [] };
  if (read.reason === 'odt') return refuse('word.odt');
  return refuse('upload.unreadableWord', { detail: read.detail });
}
