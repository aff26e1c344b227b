/**
 * A second agency's H1 report, made from the seed's submissions with its
 * own name and one progress point of its own: a phrase written with Thai
 * digits and tone marks that no other report holds, for the search.
 */

import type { Round } from '../../shared/schemas/round-schema.js';
import type { Submission } from '../../shared/schemas/submission-schema.js';
import { seedRound, seedSubmissions } from '../helpers/seed-round.js';

export const SECOND_AGENCY = {
  id: 'dga',
  nameTh: 'สำนักงานพัฒนารัฐบาลดิจิทัล',
  nameEn: 'Digital Government Development Agency',
};
/** As written in the report: Thai digits, tone marks. */
export const UNIQUE_POINT = 'จัดอบรมหลักสูตรธรรมาภิบาลข้อมูล รุ่นที่ ๓ ผู้เข้าร่วม ๔๕ คน';
/** As a citizen might type it: Arabic digits, no tone marks. */
export const UNIQUE_QUERY = 'ธรรมาภิบาลขอมูล รุนที 3';

export function secondAgencyRound(): { round: Round; submissions: Submission[] } {
  const seed = seedRound();
  const round: Round = { ...seed, agency: SECOND_AGENCY };
  const submissions = seedSubmissions().map((s) =>
    s.itemNo === 2
      ? {
          ...s,
          agencyId: SECOND_AGENCY.id,
          progress: {
            ...s.progress,
            points: [...(s.progress.points ?? []), { text: UNIQUE_POINT }],
          },
        }
      : { ...s, agencyId: SECOND_AGENCY.id },
  );
  return { round, submissions };
}
