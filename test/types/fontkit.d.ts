/** The one fontkit call the tests make (fontkit ships no types; pdfkit uses it underneath). */
declare module 'fontkit' {
  export function create(buffer: Uint8Array): unknown;
}
