/** Reading files named on the command line, with answers a person can act on. */

import { readFile, stat } from 'node:fs/promises';
import { UsageError } from './usage-error.js';

/**
 * Word and the files people send in its place (.doc, .odt, .rtf, .pdf): all
 * take the Word path, which tells each one by its bytes.
 */
export const WORD_LIKE_NAME = /\.(?:docx|docm|doc|dot|dotx|odt|rtf|pdf)$/i;

export async function readInputFile(
  path: string,
): Promise<{ text: string; bytes: number; data: Buffer }> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`ไม่พบไฟล์ / file not found: ${path}`);
  }
  if (info.isDirectory()) throw new UsageError(`${path} is a folder; give a file`);
  const buffer = await readFile(path);
  // `text` decodes invalid UTF-8 to U+FFFD; `data` is for callers that must refuse it.
  return { text: buffer.toString('utf8'), bytes: buffer.byteLength, data: buffer };
}
