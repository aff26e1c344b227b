/**
 * A pdfkit document's bytes, for the renderers that hand back one Uint8Array
 * (the report and the ITA evidence). pdfkit streams the file as it is
 * written; listening from the start keeps every chunk, and ending through
 * here makes "end the document" and "wait for its last byte" one step.
 */

import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/** Starts collecting `doc`'s output; the function returned ends it and resolves to the file. */
export function collectPdfBytes(doc: Doc): () => Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  return async () => {
    doc.end();
    await ended;
    return new Uint8Array(Buffer.concat(chunks));
  };
}
