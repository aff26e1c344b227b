/** Reading files named on the command line, with answers a person can act on. */

import { readFile, stat } from 'node:fs/promises';
import { UsageError } from './usage-error.js';

export async function readInputFile(path: string): Promise<{ text: string; bytes: number }> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`ไม่พบไฟล์ / file not found: ${path}`);
  }
  if (info.isDirectory()) throw new UsageError(`${path} is a folder; give a file`);
  const buffer = await readFile(path);
  // Invalid UTF-8 decodes to U+FFFD, which validation then reports in place.
  return { text: buffer.toString('utf8'), bytes: buffer.byteLength };
}
