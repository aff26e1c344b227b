/**
 * Input quoted back in a message or a path (an unknown key, a wrong "type",
 * a JSON syntax error's token) is shown, never replayed: control, format and
 * bidi characters become visible escapes, so a message cannot reorder a
 * terminal line or an HTML page (the "Trojan source" trick) or carry
 * terminal escape sequences, and a huge value is cut short so one problem
 * cannot outgrow a DynamoDB item (400 KB) or a terminal.
 */

/** Code points quoted back at most; enough to recognise any real value. */
export const MAX_DISPLAYED_CHARS = 200;

// Cc (C0, DEL, C1), Cf (bidi controls, zero-width and tag characters), Cs
// (lone surrogates) and the line/paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;

function escapeCodePoint(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code > 0xffff
    ? `\\u{${code.toString(16).toUpperCase()}}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Invisible characters escaped as `\uXXXX`; at most `max` code points kept. */
export function displayValue(text: string, max = MAX_DISPLAYED_CHARS): string {
  const codePoints = Array.from(text.length > max * 2 ? text.slice(0, max * 2) : text);
  const cut = codePoints.length > max || text.length > max * 2;
  const kept = codePoints.slice(0, max).join('');
  return `${kept.replace(INVISIBLE, escapeCodePoint)}${cut ? '…' : ''}`;
}

/**
 * A JSON string literal of `text` that shows its invisible characters:
 * JSON.stringify escapes only C0 controls and lone surrogates, so bidi and
 * C1 controls are escaped here too (still valid JSON naming the same key).
 */
export function visibleJsonString(text: string): string {
  return escapeInvisibleInJson(JSON.stringify(text));
}

/**
 * JSON text with every invisible character inside its strings written as a
 * `\uXXXX` escape: the same value to a JSON reader, inert on a terminal.
 */
export function escapeInvisibleInJson(json: string): string {
  // JSON.stringify leaves no raw control character inside a string, so a
  // newline here is the indentation's, between tokens, and stays.
  return json.replace(INVISIBLE, (character) =>
    character === '\n'
      ? character
      : Array.from({ length: character.length }, (_, i) =>
          escapeCodePoint(String.fromCharCode(character.charCodeAt(i))),
        ).join(''),
  );
}
