/**
 * Word (.docx) to plain text with mammoth, which reads the document's own
 * paragraphs (no layout guessing) and separates them with blank lines: the
 * shape the outline reader expects.
 */

import type { Validated } from '../validation/validation-problem.js';
import { workflowProblem } from '../workflow/workflow-messages.js';
import { checkZipInflation } from './zip-inflation-guard.js';

export async function readDocxText(bytes: Uint8Array): Promise<Validated<string>> {
  // Before mammoth: it inflates whole parts into memory (zip-inflation-guard.ts).
  const zip = checkZipInflation(bytes);
  if (!zip.ok) {
    return {
      ok: false,
      problems: [
        workflowProblem(
          zip.reason === 'too-large' ? 'upload.wordUnpacksTooLarge' : 'upload.unreadableWord',
          '$',
          { detail: zip.detail },
        ),
      ],
    };
  }
  // Loaded on the first Word upload rather than at import: mammoth and the
  // zip and XML readers under it add ~37 ms to every cold start of intake
  // when loaded eagerly, and most uploads are JSON or text. Outside the try:
  // a failure to load is a broken deployment, not an unreadable file.
  const { default: mammoth } = await import('mammoth');
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { ok: true, value, problems: [] };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    return { ok: false, problems: [workflowProblem('upload.unreadableWord', '$', { detail })] };
  }
}
