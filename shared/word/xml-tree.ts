/**
 * A small element tree of one OOXML part, built from saxes events. saxes is
 * a strict, namespace-aware streaming parser (the one jsdom uses) that never
 * expands DTD entities: a "billion laughs" or an external entity is an
 * undefined-entity error, not a memory blow-up or a file read.
 *
 * Names are keyed by namespace, not by the prefix a file happens to use, so
 * Transitional and Strict Open XML (which moves every namespace to
 * purl.oclc.org) read alike: `w:p` is a paragraph whatever its prefix.
 */

import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Canonical "prefix:local" (see NAMESPACES); "?:local" for namespaces we do not read. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Thrown for anything that is not well-formed XML within our limits. */
export class XmlPartError extends Error {}

const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

/** Deeper than any document Word writes; a hostile file nests 60,000 deep. */
export const MAX_XML_DEPTH = 256;

function canonical(uri: string | undefined, local: string): string {
  const prefix = uri === undefined || uri === '' ? '' : (NAMESPACES[uri] ?? '?');
  return prefix ? `${prefix}:${local}` : local;
}

/** The root element of one XML part. */
export function parseXmlPart(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    // Thrown, not recorded: namespace lookups make each level cost more than the
    // last, so parsing on through 60,000 levels would take minutes.
    if (stack.length > MAX_XML_DEPTH) throw new XmlPartError(`nested deeper than ${MAX_XML_DEPTH}`);
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (typeof attr === 'string') continue;
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[canonical(attr.uri, attr.local)] = attr.value;
    }
    const element: XmlElement = { name: canonical(tag.uri, tag.local ?? ''), attrs, children: [] };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    if (stack.length > 1) stack.pop();
  });
  parser.on('text', (text) => {
    if (stack.length > 1) stack.at(-1)?.children.push(text);
  });
  parser.on('cdata', (text) => {
    if (stack.length > 1) stack.at(-1)?.children.push(text);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= error instanceof Error ? error : new XmlPartError(String(error));
  }
  if (failure) throw new XmlPartError(failure.message.slice(0, 200));
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!first) throw new XmlPartError('no root element');
  return first;
}

export function elements(node: XmlElement, name?: string): XmlElement[] {
  return node.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

export function child(node: XmlElement | undefined, name: string): XmlElement | undefined {
  return node?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** `w:val` of a child, the way most OOXML properties carry their value. */
export function childVal(node: XmlElement | undefined, name: string): string | undefined {
  return child(node, name)?.attrs['w:val'];
}

/**
 * Whether an on/off property (w:vanish, w:b …) is on: present without a
 * value, or with a value other than false/0/off.
 */
export function isOn(node: XmlElement | undefined, name: string): boolean | undefined {
  const property = child(node, name);
  if (!property) return undefined;
  const value = property.attrs['w:val'];
  return value === undefined || !['false', '0', 'off'].includes(value);
}
