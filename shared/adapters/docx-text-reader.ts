/**
 * Word (.docx) to plain text with mammoth, which reads the document's own
 * paragraphs (no layout guessing) and separates them with blank lines: the
 * shape the outline reader expects.
 */

import mammoth from 'mammoth';
import type { Validated } from '../validation/validation-problem.js';
import { workflowProblem } from '../workflow/workflow-messages.js';

export async function readDocxText(bytes: Uint8Array): Promise<Validated<string>> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { ok: true, value, problems: [] };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    return { ok: false, problems: [workflowProblem('upload.unreadableWord', '$', { detail })] };
  }
}
