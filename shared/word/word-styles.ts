/**
 * What styles.xml adds to a paragraph or run: list numbering attached to a
 * paragraph style (headings numbered by "Heading 1"), and the fonts runs
 * inherit (docDefaults → paragraph style → run style → the run itself),
 * followed through basedOn as Word does.
 */

import { child, childVal, elements, isOn, type XmlElement } from './xml-tree.js';

export interface RunFonts {
  ascii?: string;
  hAnsi?: string;
  cs?: string;
}

interface StyleEntry {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  fonts: RunFonts;
  hidden?: boolean;
}

export interface WordStyles {
  paragraph: Map<string, StyleEntry>;
  character: Map<string, StyleEntry>;
  defaultFonts: RunFonts;
  defaultParagraphStyle?: string;
}

export const NO_STYLES: WordStyles = {
  paragraph: new Map(),
  character: new Map(),
  defaultFonts: {},
};

export function readFonts(rPr: XmlElement | undefined): RunFonts {
  const fonts = child(rPr, 'w:rFonts');
  if (!fonts) return {};
  const out: RunFonts = {};
  const ascii = fonts.attrs['w:ascii'];
  const hAnsi = fonts.attrs['w:hAnsi'];
  const cs = fonts.attrs['w:cs'];
  if (ascii) out.ascii = ascii;
  if (hAnsi) out.hAnsi = hAnsi;
  if (cs) out.cs = cs;
  return out;
}

export function readStyles(root: XmlElement | undefined): WordStyles {
  if (!root) return NO_STYLES;
  const paragraph = new Map<string, StyleEntry>();
  const character = new Map<string, StyleEntry>();
  let defaultParagraphStyle: string | undefined;
  for (const style of elements(root, 'w:style')) {
    const id = style.attrs['w:styleId'] ?? '';
    const pPr = child(style, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const rPr = child(style, 'w:rPr');
    const entry: StyleEntry = { fonts: readFonts(rPr) };
    const basedOn = childVal(style, 'w:basedOn');
    if (basedOn) entry.basedOn = basedOn;
    const numId = childVal(numPr, 'w:numId');
    if (numId !== undefined) entry.numId = numId;
    const ilvl = childVal(numPr, 'w:ilvl');
    if (ilvl !== undefined) entry.ilvl = Number(ilvl);
    const hidden = isOn(rPr, 'w:vanish');
    if (hidden !== undefined) entry.hidden = hidden;
    const type = style.attrs['w:type'];
    if (type === 'character') character.set(id, entry);
    else if (type === 'paragraph' || type === undefined) {
      paragraph.set(id, entry);
      if (['1', 'true', 'on'].includes(style.attrs['w:default'] ?? '')) {
        defaultParagraphStyle = id;
      }
    }
  }
  const defaults = child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
  return {
    paragraph,
    character,
    defaultFonts: readFonts(defaults),
    ...(defaultParagraphStyle ? { defaultParagraphStyle } : {}),
  };
}

/** A style's entries from itself up its basedOn chain (cycles cut). */
export function styleChain(styles: Map<string, StyleEntry>, id: string | undefined): StyleEntry[] {
  const chain: StyleEntry[] = [];
  const seen = new Set<string>();
  let at = id;
  while (at !== undefined && !seen.has(at)) {
    seen.add(at);
    const entry = styles.get(at);
    if (!entry) break;
    chain.push(entry);
    at = entry.basedOn;
  }
  return chain;
}

/** Later sources win, attribute by attribute. */
export function mergeFonts(...layers: RunFonts[]): RunFonts {
  return Object.assign({}, ...layers);
}
