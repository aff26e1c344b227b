/**
 * A guard against decompression bombs, and the zip reader of Word files in
 * one: a 10 MB upload could unpack to gigabytes and take intake down. The
 * central directory's declared sizes are checked first (cheap), then every
 * part is inflated with a hard output cap, because declared sizes can lie;
 * the parts the caller asks for are handed back from that same pass, so no
 * byte is inflated without the cap. Anything that is not a well-formed zip
 * is left for the caller to name.
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

export type ZipRead =
  | { ok: true; parts: Map<string, Uint8Array> }
  | { ok: false; reason: 'too-large' | 'damaged' | 'not-zip'; detail: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** End-of-central-directory record: 22 bytes and a comment of up to 64 KiB. */
const EOCD_MIN = 22;
const EOCD_SEARCH = EOCD_MIN + 0xffff;

interface Entry {
  name: string;
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

/** The central directory's entries, or undefined when it is not a zip a reader could open. */
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
    const nameLength = view.getUint16(at + 28, true);
    const nameBytes = new Uint8Array(
      view.buffer,
      view.byteOffset + at + 46,
      Math.min(nameLength, Math.max(0, view.byteLength - at - 46)),
    );
    entries.push({
      name: new TextDecoder().decode(nameBytes),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
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

function inflate(data: Uint8Array, cap: number): Uint8Array | 'over' | 'corrupt' {
  try {
    // maxOutputLength makes zlib stop (and throw) at the cap instead of
    // allocating whatever the stream expands to.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (error) {
    if (error instanceof RangeError) return 'over';
    return 'corrupt';
  }
}

/**
 * The parts of a zip that `wanted` names, unpacked within `limits`; every
 * part is measured, wanted or not.
 */
export function readZipParts(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits = DOCX_ZIP_LIMITS,
): ZipRead {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < EOCD_MIN) return { ok: false, reason: 'not-zip', detail: 'too short' };
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) {
    return { ok: false, reason: 'not-zip', detail: 'no end of central directory' };
  }
  const entries = readEntries(view, eocd);
  if (entries === 'zip64') return { ok: false, reason: 'too-large', detail: 'ZIP64 archive' };
  if (!entries) return { ok: false, reason: 'damaged', detail: 'central directory unreadable' };
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
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    const data = entryData(bytes, view, entry);
    // Fail closed: a part the guard cannot find is one it cannot measure.
    if (!data) return { ok: false, reason: 'damaged', detail: 'a part is not where the zip says' };
    const remaining = limits.maxTotalBytes - total;
    let unpacked: Uint8Array | 'over' | 'corrupt';
    if (entry.method === 8) unpacked = inflate(data, remaining + 1);
    else if (entry.method === 0) unpacked = data;
    else return { ok: false, reason: 'damaged', detail: `compression method ${entry.method}` };
    if (unpacked === 'corrupt') {
      return { ok: false, reason: 'damaged', detail: 'a part does not unpack' };
    }
    if (unpacked === 'over' || total + unpacked.byteLength > limits.maxTotalBytes) {
      return {
        ok: false,
        reason: 'too-large',
        detail: `unpacks to over ${limits.maxTotalBytes} bytes`,
      };
    }
    total += unpacked.byteLength;
    if (wanted(entry.name)) parts.set(entry.name, unpacked);
  }
  return { ok: true, parts };
}

/** Whether a zip can be unpacked within `limits`; what is not a zip is not this guard's to say. */
export function checkZipInflation(bytes: Uint8Array, limits = DOCX_ZIP_LIMITS): ZipCheck {
  const read = readZipParts(bytes, () => false, limits);
  if (read.ok || read.reason === 'not-zip') return { ok: true };
  if (read.reason === 'damaged' && read.detail === 'central directory unreadable') {
    return { ok: true };
  }
  return { ok: false, reason: read.reason, detail: read.detail };
}
