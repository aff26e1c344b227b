/**
 * Word (.docx) to plain text with mammoth, which reads the document's own
 * paragraphs (no layout guessing) and separates them with blank lines: the
 * shape the outline reader expects.
 */

import type { Validated } from '../validation/validation-problem.js';
import { workflowProblem } from '../workflow/workflow-messages.js';

export async function readDocxText(bytes: Uint8Array): Promise<Validated<string>> {
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
