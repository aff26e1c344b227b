/**
 * Sarabun (SIL Open Font License 1.1; the licence ships beside the files in
 * fonts/OFL.txt). Its own GSUB/GPOS tables place Thai marks as browsers do,
 * which is why it is the report's font: fontkit has no Thai shaper of its own.
 */

import { readFileSync } from 'node:fs';

export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const SARABUN_FILES = {
  regular: new URL('./fonts/Sarabun-Regular.ttf', import.meta.url),
  bold: new URL('./fonts/Sarabun-Bold.ttf', import.meta.url),
  licence: new URL('./fonts/OFL.txt', import.meta.url),
} as const;

let cached: FontFiles | undefined;

/** The font files, read once per process. */
export function loadSarabun(): FontFiles {
  cached ??= {
    regular: readFileSync(SARABUN_FILES.regular),
    bold: readFileSync(SARABUN_FILES.bold),
  };
  return cached;
}
