/**
 * Duplicate keys in JSON text. JSON.parse keeps the last of them silently,
 * while an editor, a reviewer reading the raw file or another parser may
 * show the first: the same upload would say two things. Runs on text that
 * JSON.parse has already accepted, so it only has to tell strings, keys
 * and nesting apart; it walks without recursion, so depth costs nothing.
 */

interface Frame {
  /** The keys of an object seen so far; undefined for an array. */
  keys: Set<string> | undefined;
  /** The current key (object) or index (array). */
  at: string | number;
  /** An object's next string is a key (true) or a value (false). */
  expectKey: boolean;
}

/** Duplicates reported at most; one is enough to refuse a file. */
const MAX_REPORTED = 10;

/** The JSON path segments of every repeated key (a few at most), in text order. */
export function findDuplicateKeys(text: string): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const stack: Frame[] = [];
  const pathOf = () => stack.map((frame) => frame.at);
  let i = 0;
  while (i < text.length && found.length < MAX_REPORTED) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        top.at = key;
        if (top.keys.has(key)) found.push(pathOf());
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === '{') stack.push({ keys: new Set(), at: '', expectKey: true });
    else if (c === '[') stack.push({ keys: undefined, at: 0, expectKey: false });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top) {
      if (top.keys) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
    i += 1;
  }
  return found;
}
