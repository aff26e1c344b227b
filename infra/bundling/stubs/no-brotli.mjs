// fontkit decodes WOFF2 fonts with brotli, whose 120 KiB dictionary is
// unpacked when the module loads. The report ships TrueType (Sarabun's .ttf),
// so the PDF bundle takes this instead and a WOFF2 font fails by name.
export default function decompress() {
  throw new Error('WOFF2 fonts are not part of this bundle: use the TrueType files');
}
