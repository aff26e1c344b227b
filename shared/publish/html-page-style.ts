/**
 * The stylesheet of the public pages: Sarabun, readable measure, Thai line
 * breaking left to the browser (Chromium breaks Thai with the same ICU
 * dictionary as Intl.Segmenter), no horizontal overflow down to 320 px, and
 * an A4 print layout.
 */

import { REPORT_PAGE_CSS, sarabunFaces } from './report-page-css.js';
import { loadSarabun } from './sarabun-fonts.js';

export type FontSource = { embed: true } | { base: string };

function fontFaces(source: FontSource): string {
  if ('base' in source) return sarabunFaces(source.base);
  const url = (weight: 'regular' | 'bold') => {
    const bytes = loadSarabun()[weight];
    return `url(data:font/ttf;base64,${Buffer.from(bytes).toString('base64')}) format("truetype")`;
  };
  return `@font-face{font-family:"Sarabun";font-weight:400;font-display:swap;src:${url('regular')}}
@font-face{font-family:"Sarabun";font-weight:700;font-display:swap;src:${url('bold')}}`;
}

export function pageStyle(fonts: FontSource): string {
  return `${fontFaces(fonts)}\n${REPORT_PAGE_CSS}`;
}
