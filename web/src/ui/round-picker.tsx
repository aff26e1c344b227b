/** The agency's rounds, newest first; the newest is chosen unless the person picks another. */

import type { RoundListing } from '../api/portal-api.js';
import { formatDigits } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';

export function roundLabel(
  round: Pick<RoundListing, 'fiscalYear' | 'period'>,
  t: ReturnType<typeof usePortal>['t'],
  lang: ReturnType<typeof usePortal>['lang'],
): string {
  return t('roundTitle', {
    year: formatDigits(round.fiscalYear, lang),
    period: t(round.period === 'H1' ? 'periodH1' : 'periodFY'),
  });
}

export function RoundPicker(props: {
  rounds: readonly RoundListing[];
  roundId: string;
  onChange: (roundId: string) => void;
  id: string;
}) {
  const { t, lang } = usePortal();
  if (props.rounds.length < 2) return null;
  return (
    <p class="round-picker">
      <label for={props.id}>{t('round')}</label>{' '}
      <select
        id={props.id}
        value={props.roundId}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.rounds.map((r) => (
          <option key={r.roundId} value={r.roundId}>
            {roundLabel(r, t, lang)}
          </option>
        ))}
      </select>
    </p>
  );
}
