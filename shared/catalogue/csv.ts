/**
 * CSV as RFC 4180 has it: comma-separated, CRLF line ends, a field quoted
 * when it holds a comma, quote or line break. A UTF-8 byte order mark leads,
 * because Excel (what most readers open a CSV with) reads Thai as mojibake
 * without one.
 */

export type CsvValue = string | number | boolean;

function field(value: CsvValue): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
