/**
 * How a round is kept: a small header (the round's settings, who opened it,
 * its sign-off) and its plan items as rows of their own. An upload reads the
 * header and its one item, so what it costs does not grow with the plan, and
 * no plan is too large for one stored item. The full `RoundRecord` is only
 * assembled where the whole round is wanted (status, roll-up, the portal).
 */

import type { PlanItemValue, Round } from '../schemas/round-schema.js';
import type { RoundListing, RoundRecord } from './round-record.js';

/** The round document without its plan items. */
export type RoundSettings = Omit<Round, 'items'>;

export interface RoundHeader extends Omit<RoundRecord, 'round'> {
  round: RoundSettings;
  /** How many plan item rows the round has (items are numbered 1..itemCount). */
  itemCount: number;
}

/** One plan item and the round it belongs to: all an upload needs to know. */
export interface RoundItem {
  header: RoundHeader;
  item: PlanItemValue;
}

export function headerOf(record: RoundRecord): RoundHeader {
  const { round, ...rest } = record;
  const { items, ...settings } = round;
  return { ...rest, round: settings, itemCount: items.length };
}

/** The round again from its header and its plan items (in any order). */
export function recordOf(header: RoundHeader, items: readonly PlanItemValue[]): RoundRecord {
  const { itemCount: _count, round, ...rest } = header;
  const ordered = [...items].sort((a, b) => a.no - b.no);
  return { ...rest, round: { ...round, items: ordered } };
}

/** Whether every plan item row of the round was found (a round's opening may have been cut short). */
export function isComplete(header: RoundHeader, items: readonly PlanItemValue[]): boolean {
  return items.length === header.itemCount;
}

/** The round's line in its agency's list of rounds, which can always be rebuilt from the header. */
export function listingOf(header: RoundHeader): RoundListing {
  return {
    agencyId: header.agencyId,
    roundId: header.roundId,
    fiscalYear: header.round.fiscalYear,
    period: header.round.period,
    due: header.round.due,
    items: header.itemCount,
    openedAt: header.openedAt,
  };
}
