// unicode-trie, inflated when first read rather than when built. fontkit
// builds a trie for each of its Arabic, Indic and Universal shapers as it
// loads; Sarabun's Thai and Latin never reach them. Every user of the trie
// (fontkit, unicode-properties) only calls get().
import UnicodeTrie from '@acm-report/eager-unicode-trie';

export default class LazyUnicodeTrie {
  constructor(data) {
    this.data = data;
    this.trie = undefined;
  }

  get(codePoint) {
    this.trie ??= new UnicodeTrie(this.data);
    return this.trie.get(codePoint);
  }
}
