/**
 * The sign-off block both renderers print under the report, as a Thai
 * report closes: the head's name in parentheses, their position, and when
 * they signed off. Only name and position: no contact detail is published.
 */

import type { Report } from '../schemas/report-schema.js';
import { formatThaiDateTime } from '../thai/thai-dates.js';

export const SIGN_OFF_HEADING_TH = 'ผู้ลงนามรับรองรายงาน';

export function signOffLines(signOff: NonNullable<Report['signOff']>): [string, string, string] {
  return [`(${signOff.name})`, signOff.position, `ลงนามรับรองเมื่อ ${formatThaiDateTime(signOff.at)}`];
}
