/**
 * Buddhist-era dates in Thai, straight from Intl: "๒ ธันวาคม ๒๕๖๕".
 * The time zone is fixed to Bangkok so a date never slips a day on a server
 * that runs in UTC.
 */

// Made on first use: creating it loads ICU's Thai calendar data, which only
// the renderers need, not every module that imports this one.
let longThaiDate: Intl.DateTimeFormat | undefined;

/** "2022-12-02" → "๒ ธันวาคม ๒๕๖๕". Accepts an ISO date or a Date. */
export function formatThaiDate(date: string | Date): string {
  const value =
    typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? // Noon Bangkok time keeps the calendar day whatever the host's zone.
        new Date(`${date}T12:00:00+07:00`)
      : new Date(date);
  longThaiDate ??= new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-thai', {
    dateStyle: 'long',
    timeZone: 'Asia/Bangkok',
  });
  return longThaiDate.format(value);
}

let longThaiDateTime: Intl.DateTimeFormat | undefined;

/** An instant → "๒๐ เมษายน ๒๕๖๖ เวลา ๑๐:๓๐ น." (Bangkok time), as a sign-off line prints it. */
export function formatThaiDateTime(instant: string | Date): string {
  longThaiDateTime ??= new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-thai', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Bangkok',
  });
  return `${longThaiDateTime.format(new Date(instant))} น.`;
}
