// pdfkit wraps its own text() with linebreak, whose character-class trie is
// inflated when the module loads. The report's text goes through
// PdfTextWriter (its own Thai line breaking), never text(), so the PDF
// bundle takes this instead and a text() call fails by name.
export default class LineBreaker {
  constructor() {
    throw new Error("pdfkit's text() is not part of this bundle: draw text with PdfTextWriter");
  }
}
