/**
 * A guard against decompression bombs, run on a Word file before mammoth
 * opens it. mammoth (through JSZip) inflates each part it reads whole into
 * memory, so a 10 MB upload could unpack to gigabytes and take intake down.
 * The central directory's declared sizes are checked first (cheap), then
 * every part is inflated with a hard output cap, because declared sizes can
 * lie. Anything that is not a well-formed zip is left for mammoth to refuse.
 */

import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Parts (entries) in the archive; a Word file has a few dozen. */
  maxEntries: number;
  /** All parts together, unpacked. */
  maxTotalBytes: number;
}

/** Generous for a report with pictures (stored nearly 1:1), far below Lambda's 1 GB. */
export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1_000,
  maxTotalBytes: 32 * 1024 * 1024,
};

export type ZipCheck =
  | { ok: true }
  | { ok: false; reason: 'too-large' | 'damaged'; detail: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** End-of-central-directory record: 22 bytes and a comment of up to 64 KiB. */
const EOCD_MIN = 22;
const EOCD_SEARCH = EOCD_MIN + 0xffff;

interface Entry {
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

function findEndOfCentralDirectory(view: DataView): number | undefined {
  const last = view.byteLength - EOCD_MIN;
  const first = Math.max(0, view.byteLength - EOCD_SEARCH);
  for (let at = last; at >= first; at -= 1) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return undefined;
}

/** The central directory's entries, or undefined when it is not a zip mammoth could read. */
function readEntries(view: DataView, eocd: number): Entry[] | 'zip64' | undefined {
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no Word file under 10 MB needs them; a bomb may.
  if (count === 0xffff || directoryOffset === 0xffffffff) return 'zip64';
  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      return undefined;
    }
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes, or undefined when its local header is not where it says. */
function entryData(bytes: Uint8Array, view: DataView, entry: Entry): Uint8Array | undefined {
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  return end <= bytes.byteLength ? bytes.subarray(start, end) : undefined;
}

function inflatedSize(data: Uint8Array, cap: number): number | 'over' {
  try {
    // maxOutputLength makes zlib stop (and throw) at the cap instead of
    // allocating whatever the stream expands to.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) }).byteLength;
  } catch (error) {
    if (error instanceof RangeError) return 'over';
    // A corrupt stream is mammoth's to report, in its own words.
    return 0;
  }
}

/** Whether a zip can be unpacked within `limits`. */
export function checkZipInflation(bytes: Uint8Array, limits = DOCX_ZIP_LIMITS): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < EOCD_MIN) return { ok: true };
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) return { ok: true };
  const entries = readEntries(view, eocd);
  if (entries === 'zip64') return { ok: false, reason: 'too-large', detail: 'ZIP64 archive' };
  if (!entries) return { ok: true };
  if (entries.length > limits.maxEntries) {
    return {
      ok: false,
      reason: 'too-large',
      detail: `${entries.length} parts, at most ${limits.maxEntries}`,
    };
  }
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > limits.maxTotalBytes) {
    return {
      ok: false,
      reason: 'too-large',
      detail: `declares ${declared} bytes, at most ${limits.maxTotalBytes}`,
    };
  }
  let total = 0;
  for (const entry of entries) {
    const data = entryData(bytes, view, entry);
    // Fail closed: a part the guard cannot find is one it cannot measure,
    // and JSZip is more forgiving about where parts start than this reader.
    if (!data) return { ok: false, reason: 'damaged', detail: 'a part is not where the zip says' };
    const remaining = limits.maxTotalBytes - total;
    const size = entry.method === 8 ? inflatedSize(data, remaining + 1) : data.byteLength;
    if (size === 'over' || total + size > limits.maxTotalBytes) {
      return {
        ok: false,
        reason: 'too-large',
        detail: `unpacks to over ${limits.maxTotalBytes} bytes`,
      };
    }
    total += size;
  }
  return { ok: true };
}
