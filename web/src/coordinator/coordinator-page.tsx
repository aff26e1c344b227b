/**
 * The coordinator's main screen: the round's dashboard (who has not
 * reported, what waits where and for how long, sign-off and publication),
 * reminders, and opening a new round from a plan file or a form.
 */

import { useState } from 'preact/hooks';
import { usePortal } from '../portal-context.js';
import { RoundPicker } from '../ui/round-picker.js';
import { useAsync } from '../ui/use-async.js';
import { OpenFyFromH1 } from './open-fy-from-h1.js';
import { OpenRoundForm } from './open-round-form.js';
import { RoundDashboard } from './round-dashboard.js';

export function CoordinatorPage() {
  const { api, agencyId, t } = usePortal();
  const rounds = useAsync(() => api.listRounds(agencyId), [agencyId]);
  const [chosen, setChosen] = useState<string | undefined>();
  if (rounds.error) throw rounds.error;
  const list = rounds.value?.rounds ?? [];
  const roundId = chosen ?? list[0]?.roundId;
  return (
    <section aria-labelledby="coordinator-title">
      <h1 id="coordinator-title">{t('tabCoordinator')}</h1>
      {!rounds.value ? <p>{t('loading')}</p> : null}
      {rounds.value && !roundId ? <p>{t('noRound')}</p> : null}
      <RoundPicker
        id="coordinator-round"
        rounds={list}
        roundId={roundId ?? ''}
        onChange={setChosen}
      />
      <OpenFyFromH1
        rounds={list}
        onOpened={(opened) => {
          setChosen(opened);
          rounds.reload();
        }}
      />
      {roundId ? <RoundDashboard key={roundId} roundId={roundId} /> : null}
      <OpenRoundForm
        onOpened={(opened) => {
          setChosen(opened);
          rounds.reload();
        }}
      />
    </section>
  );
}
