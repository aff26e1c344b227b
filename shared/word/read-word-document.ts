/**
 * A .docx, given as its unpacked parts, read into the paragraphs a person
 * sees in Word. The package is followed as Word follows it: _rels/.rels
 * names the main document, its own relationships name numbering and styles
 * (Strict Open XML uses other relationship types and namespaces: both are
 * read). An ODT is a zip too; its mimetype part says so.
 */

import { WordBodyReader } from './read-word-body.js';
import { ListCounter, readNumbering } from './word-numbering.js';
import type { WordParagraph } from './word-paragraph.js';
import { readStyles } from './word-styles.js';
import { child, elements, parseXmlPart, type XmlElement, XmlPartError } from './xml-tree.js';

export type WordRead =
  | { ok: true; paragraphs: WordParagraph[] }
  | { ok: false; reason: 'odt' | 'not-word' | 'unreadable-xml'; detail: string };

const decoder = new TextDecoder('utf-8');

function text(parts: ReadonlyMap<string, Uint8Array>, name: string): string | undefined {
  const bytes = parts.get(name);
  return bytes ? decoder.decode(bytes) : undefined;
}

/** Relationship targets by type suffix ("officeDocument", "numbering", "styles"). */
function relationships(xml: string | undefined, base: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  for (const rel of elements(parseXmlPart(xml), 'rel:Relationship')) {
    const type = (rel.attrs.Type ?? '').split('/').at(-1) ?? '';
    const target = rel.attrs.Target ?? '';
    if (rel.attrs.TargetMode === 'External' || out.has(type)) continue;
    out.set(type, target.startsWith('/') ? target.slice(1) : `${base}${target}`);
  }
  return out;
}

/** Names of the parts worth unpacking for reading (the rest is only measured). */
export function isWordTextPart(name: string): boolean {
  return (
    name === 'mimetype' ||
    name.endsWith('.rels') ||
    /^[^/]*\/?[^/]*\.xml$/.test(name) ||
    /^word\/[^/]+\.xml$/.test(name)
  );
}

function optionalPart(
  parts: ReadonlyMap<string, Uint8Array>,
  name: string | undefined,
): XmlElement | undefined {
  const xml = name === undefined ? undefined : text(parts, name);
  return xml === undefined ? undefined : parseXmlPart(xml);
}

export function readWordDocument(parts: ReadonlyMap<string, Uint8Array>): WordRead {
  const mimetype = text(parts, 'mimetype')?.trim();
  if (mimetype?.startsWith('application/vnd.oasis.opendocument')) {
    return { ok: false, reason: 'odt', detail: mimetype };
  }
  try {
    const main =
      relationships(text(parts, '_rels/.rels'), '').get('officeDocument') ?? 'word/document.xml';
    const documentXml = text(parts, main);
    if (documentXml === undefined) {
      return { ok: false, reason: 'not-word', detail: 'no main document part' };
    }
    const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const file = main.slice(folder.length);
    const related = relationships(text(parts, `${folder}_rels/${file}.rels`), folder);
    const document = parseXmlPart(documentXml);
    if (document.name !== 'w:document') {
      return { ok: false, reason: 'not-word', detail: 'the main part is not a Word document' };
    }
    const numbering = readNumbering(optionalPart(parts, related.get('numbering')));
    const styles = readStyles(optionalPart(parts, related.get('styles')));
    const reader = new WordBodyReader(styles, new ListCounter(numbering));
    reader.readBlocks(child(document, 'w:body')?.children ?? [], { placeholder: false });
    return { ok: true, paragraphs: reader.paragraphs };
  } catch (error) {
    if (error instanceof XmlPartError) {
      // The parser's own words stay in the log, never in the message.
      return { ok: false, reason: 'unreadable-xml', detail: 'a part is not well-formed XML' };
    }
    throw error;
  }
}
