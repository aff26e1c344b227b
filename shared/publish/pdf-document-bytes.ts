/**
 * A pdfkit document's bytes, for the renderers that hand back one Uint8Array
 * (the report and the ITA evidence). pdfkit streams the file as it is
 * written; listening from the start keeps every chunk, and ending through
 * here makes "end the document" and "wait for its last byte" one step.
 */

import { deflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * zlib level of the pages' content streams. pdfkit deflates every stream
 * at zlib's default, 6; page operators (hex glyph ids, positions) are
 * most of what a report deflates, and at level 1 they take under half the
 * time for some 7% more bytes (about 8 KiB on the seed report's 110 KiB).
 * The same content still gives the same bytes.
 */
export const PAGE_CONTENT_LEVEL = 1;

/** pdfkit's page and stream internals this module uses (pdfkit 0.20). */
interface BufferedPage {
  markings: unknown[];
  content: { buffer: Uint8Array[]; compress: boolean };
}

/** Deflates the content of the pages not yet written, at PAGE_CONTENT_LEVEL, before pdfkit would. */
function compressPageContents(doc: Doc): void {
  // biome-ignore lint/suspicious/noExplicitAny: pdfkit's page buffer is not in its typings.
  const internals = doc as any;
  for (const page of internals._pageBuffer as BufferedPage[]) {
    // Marked content left open is closed first, as pdfkit does when it writes the page.
    internals.endPageMarkings(page);
    const { content } = page;
    if (!content.compress || content.buffer.length === 0) continue;
    content.buffer = [deflateSync(Buffer.concat(content.buffer), { level: PAGE_CONTENT_LEVEL })];
    // Marked as deflated (pdfkit set the filter on the first write); pdfkit writes it as it is.
    content.compress = false;
  }
}

/** Starts collecting `doc`'s output; the function returned ends it and resolves to the file. */
export function collectPdfBytes(doc: Doc): () => Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  return async () => {
    compressPageContents(doc);
    doc.end();
    await ended;
    return new Uint8Array(Buffer.concat(chunks));
  };
}
