/**
 * What a file sent as Word really is, told by its first bytes (and, for an
 * OLE2 compound file, by whether it holds an EncryptionInfo stream: Word
 * saves a password-protected .docx as OLE2 with the encrypted package
 * inside, so it looks like a .doc to anything that only checks the
 * signature).
 */

export type FileKind = 'empty' | 'zip' | 'legacy-doc' | 'encrypted' | 'pdf' | 'rtf' | 'unknown';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" as an OLE2 directory entry names it: UTF-16LE. */
const ENCRYPTION_INFO = new Uint8Array(
  [...'EncryptionInfo'].flatMap((char) => [char.charCodeAt(0), 0]),
);

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  for (let at = bytes.indexOf(first ?? 0); at >= 0; at = bytes.indexOf(first ?? 0, at + 1)) {
    if (at + needle.length > bytes.length) return false;
    let match = true;
    for (let i = 1; i < needle.length && match; i += 1) match = bytes[at + i] === needle[i];
    if (match) return true;
  }
  return false;
}

export function recogniseFileKind(bytes: Uint8Array): FileKind {
  if (bytes.byteLength === 0) return 'empty';
  if (startsWith(bytes, ascii('PK'))) return 'zip';
  if (startsWith(bytes, OLE2)) return contains(bytes, ENCRYPTION_INFO) ? 'encrypted' : 'legacy-doc';
  // A PDF may start with a few bytes of junk; the header is in the first 1 KB.
  if (contains(bytes.subarray(0, 1024), new Uint8Array(ascii('%PDF-')))) return 'pdf';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf';
  return 'unknown';
}
