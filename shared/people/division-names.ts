/**
 * What people read for a division: its Thai (and English) name from the
 * round configuration, never a code like `division-placeholder-01`, unless
 * the round names none (then the code is all there is).
 */

import type { Round } from '../schemas/round-schema.js';

export interface DivisionName {
  th: string;
  en: string;
}

export function divisionName(round: Pick<Round, 'divisions'>, code: string): DivisionName {
  const found = round.divisions?.find((d) => d.code === code);
  return { th: found?.nameTh ?? code, en: found?.nameEn ?? found?.nameTh ?? code };
}
