/** Round and item titles for approvals that name only ids, each round read once per page. */

import { useEffect, useState } from 'preact/hooks';
import type { RoundRecord } from '../../../shared/workflow/round-record.js';
import { usePortal } from '../portal-context.js';
import { roundLabel } from '../ui/round-picker.js';

const loaded = new Map<string, Promise<RoundRecord>>();

export function useRoundTitles() {
  const { api, agencyId, t, lang } = usePortal();
  const [records, setRecords] = useState<Record<string, RoundRecord>>({});
  const want = (roundId: string) => {
    if (records[roundId] || loaded.has(`${agencyId}/${roundId}`)) return;
    const promise = api.getRound(agencyId, roundId);
    loaded.set(`${agencyId}/${roundId}`, promise);
  };
  useEffect(() => {
    let live = true;
    for (const [key, promise] of loaded) {
      const roundId = key.slice(key.indexOf('/') + 1);
      if (!records[roundId]) {
        promise.then((record) => live && setRecords((r) => ({ ...r, [roundId]: record })));
      }
    }
    return () => {
      live = false;
    };
  });
  return {
    roundTitle(roundId: string): string {
      want(roundId);
      const record = records[roundId];
      return record ? roundLabel(record.round, t, lang) : roundId;
    },
    itemTitle(roundId: string, itemNo: number): string | undefined {
      want(roundId);
      return records[roundId]?.round.items[itemNo - 1]?.title;
    },
    record(roundId: string): RoundRecord | undefined {
      want(roundId);
      return records[roundId];
    },
  };
}
