/** A division's main screen: the open round's items it is responsible for. */

import { useState } from 'preact/hooks';
import { divisionName } from '../../../shared/people/division-names.js';
import { formatDate } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';
import { RoundPicker, roundLabel } from '../ui/round-picker.js';
import { useAsync } from '../ui/use-async.js';
import { ItemPanel } from './item-panel.js';

export function DivisionPage() {
  const { api, agencyId, caller, t, lang } = usePortal();
  const rounds = useAsync(() => api.listRounds(agencyId), [agencyId]);
  const [chosen, setChosen] = useState<string | undefined>();
  const roundId = chosen ?? rounds.value?.rounds[0]?.roundId;
  const record = useAsync(
    () => (roundId ? api.getRound(agencyId, roundId) : Promise.resolve(undefined)),
    [roundId],
  );
  const mine = caller.divisions.get(agencyId) ?? new Set<string>();
  if (rounds.error) throw rounds.error;
  if (!rounds.value) return <p>{t('loading')}</p>;
  if (!roundId) return <p>{t('noRound')}</p>;
  const loaded = record.value;
  const items = loaded?.round.items.filter((item) => mine.has(item.division)) ?? [];
  return (
    <section aria-labelledby="division-title">
      <h1 id="division-title">{t('tabDivision')}</h1>
      <RoundPicker
        id="division-round"
        rounds={rounds.value.rounds}
        roundId={roundId}
        onChange={setChosen}
      />
      {loaded ? (
        <>
          <p class="round-line">
            {roundLabel(loaded.round, t, lang)} · {t('due')} {formatDate(loaded.round.due, lang)}
          </p>
          {mine.size > 0 ? (
            <p class="division-names">
              {[...mine].map((code) => divisionName(loaded.round, code)[lang]).join(' · ')}
            </p>
          ) : null}
          {items.length === 0 ? <p>{t('noItems')}</p> : null}
          {items.map((item) => (
            <ItemPanel key={`${roundId}-${item.no}`} record={loaded} itemNo={item.no} />
          ))}
        </>
      ) : (
        <p>{t('loading')}</p>
      )}
    </section>
  );
}
