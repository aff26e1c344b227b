/**
 * Numbers, dates and durations for the page's language: Thai digits and
 * Buddhist-era dates in Thai (from Intl, as the report does), Arabic digits
 * and Gregorian dates in English. Bangkok time throughout: a deadline is a
 * Bangkok deadline wherever the reader is.
 */

export type Lang = 'th' | 'en';

const LOCALE: Record<Lang, string> = {
  th: 'th-TH-u-ca-buddhist-nu-thai',
  en: 'en-GB',
};

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang): Intl.NumberFormat {
  const key = `n:${lang}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang]);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${lang}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[lang], { ...options, timeZone: 'Asia/Bangkok' });
    cache.set(key, format);
  }
  return format;
}

/** 1234 → "๑,๒๓๔" in Thai, "1,234" in English. */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(lang).format(value);
}

/** Plain digits without grouping (item numbers, years): "๑๒" / "12". */
export function formatDigits(value: number, lang: Lang): string {
  const text = String(value);
  return lang === 'th'
    ? text.replace(/[0-9]/g, (d) => String.fromCodePoint(0x0e50 + Number(d)))
    : text;
}

/** An ISO date ("2023-04-30") as a long date: "๓๐ เมษายน ๒๕๖๖" / "30 April 2023". */
export function formatDate(isoDate: string, lang: Lang): string {
  // Noon in Bangkok keeps the calendar day whatever the browser's zone.
  const value = /^\d{4}-\d{2}-\d{2}$/.test(isoDate)
    ? new Date(`${isoDate}T12:00:00+07:00`)
    : new Date(isoDate);
  return dateFormat(lang, { dateStyle: 'long' }).format(value);
}

/** A timestamp with its time: "๒๐ เม.ย. ๒๕๖๖ ๑๐:๓๐" / "20 Apr 2023, 10:30". */
export function formatDateTime(iso: string, lang: Lang): string {
  return dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

const UNITS: Record<Lang, { day: string; hour: string; minute: string; lessThan: string }> = {
  th: { day: 'วัน', hour: 'ชั่วโมง', minute: 'นาที', lessThan: 'ไม่ถึง ๑ นาที' },
  en: { day: 'd', hour: 'h', minute: 'min', lessThan: 'under a minute' },
};

/** How long something has waited: "๓ วัน ๔ ชั่วโมง" / "3 d 4 h"; the two largest units. */
export function formatDuration(ms: number, lang: Lang): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const units = UNITS[lang];
  if (minutes < 1) return units.lessThan;
  const parts: Array<[number, string]> = [
    [Math.floor(minutes / 1440), units.day],
    [Math.floor((minutes % 1440) / 60), units.hour],
    [minutes % 60, units.minute],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${formatDigits(n, lang)} ${unit}`)
    .join(' ');
}
