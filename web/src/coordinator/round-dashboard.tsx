/** Where a round stands, item by item, and what the coordinator can do about it. */

import { useState } from 'preact/hooks';
import type { RoundStatus } from '../api/portal-api.js';
import { formatDate, formatDigits, formatDuration } from '../i18n/format.js';
import type { StringKey } from '../i18n/strings.js';
import { usePortal } from '../portal-context.js';
import { ApiErrorNotice } from '../ui/api-error-notice.js';
import { RefreshNotice } from '../ui/refresh-notice.js';
import { roundLabel } from '../ui/round-picker.js';
import { useAsync } from '../ui/use-async.js';

const PROGRESS_LABEL: Record<RoundStatus['items'][number]['progress'], StringKey> = {
  missing: 'stateMissing',
  rejected: 'stateRejected',
  'awaiting-approval': 'decisionPending',
  returned: 'stateReturned',
  expired: 'stateExpired',
  approved: 'stateApproved',
};

const PROGRESS_CLASS: Record<RoundStatus['items'][number]['progress'], string> = {
  missing: 'state-missing',
  rejected: 'state-rejected',
  'awaiting-approval': 'state-waiting',
  returned: 'state-returned-inline',
  expired: 'state-expired',
  approved: 'state-approved',
};

export function RoundDashboard(props: { roundId: string }) {
  const { api, agencyId, config, t, lang } = usePortal();
  const status = useAsync(() => api.roundStatus(agencyId, props.roundId), [props.roundId], 5_000);
  const record = useAsync(() => api.getRound(agencyId, props.roundId), [props.roundId]);
  const [reminded, setReminded] = useState<string | undefined>();
  const [remindError, setRemindError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (status.error) throw status.error;
  const s = status.value;
  const round = record.value?.round;
  if (!s || !round) return <p>{t('loading')}</p>;
  // Names, not codes; a status from a server before names carries codes only.
  const missing = s.missingDivisionNames?.map((n) => n[lang]) ?? s.missingDivisions;
  const role = (r: string) => t(`role-${r}` as StringKey);
  const published = s.publishedVersion
    ? `${config.publicSiteUrl}/reports/${s.agencyId}/${round.fiscalYear}/${round.period}/v${s.publishedVersion}/report.html`
    : undefined;

  async function remind() {
    setBusy(true);
    setRemindError(undefined);
    setReminded(undefined);
    try {
      const sent = await api.remind(agencyId, props.roundId);
      setReminded(
        t('reminded', {
          items: formatDigits(sent.items.length, lang),
          approvals: formatDigits(sent.approvals.length, lang),
        }),
      );
    } catch (error) {
      setRemindError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">
        {t('dashboard')}: {roundLabel(round, t, lang)}
      </h2>
      <RefreshNotice of={status} />
      <p>
        {t('due')} {formatDate(s.due, lang)}
        {s.overdue ? <strong class="state state-expired"> {t('overdue')}</strong> : null}
      </p>
      <ul class="chips" aria-label={t('counts')}>
        {(Object.keys(PROGRESS_LABEL) as Array<keyof typeof PROGRESS_LABEL>).map((key) => (
          <li key={key}>
            {t(PROGRESS_LABEL[key])} {formatDigits(s.counts[key], lang)}
          </li>
        ))}
      </ul>
      <p>
        <strong>{t('missingDivisions')}:</strong> {missing.length ? missing.join(', ') : t('none')}
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('dashboard')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('title')}</th>
              <th scope="col">{t('division')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col" class="nowrap">
                {t('howLong')}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.items.map((item) => (
              <tr key={item.no} data-item={item.no}>
                <td>{formatDigits(item.no, lang)}</td>
                <th scope="row">{item.title}</th>
                <td>{item.divisionName?.[lang] ?? item.division}</td>
                <td class="state-cell">
                  <span class={`state ${PROGRESS_CLASS[item.progress]}`}>
                    {item.progress === 'awaiting-approval' && item.waitingOn
                      ? t('stateWaiting', { role: role(item.waitingOn) })
                      : t(PROGRESS_LABEL[item.progress])}
                  </span>
                </td>
                <td class="nowrap">
                  {item.updatedAt
                    ? formatDuration(Date.now() - Date.parse(item.updatedAt), lang)
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void remind()}>
          {t('remind')}
        </button>
      </div>
      {remindError ? <ApiErrorNotice error={remindError} heading={t('remindFailed')} /> : null}
      {reminded ? (
        <p class="notice success" role="status">
          {reminded}
        </p>
      ) : null}
      <p class="signoff">
        <strong>{t('signOffState')}:</strong>{' '}
        {t(`signoff-${s.signOff?.state ?? 'none'}` as StringKey)}
      </p>
      <p class="publication">
        {published ? (
          <>
            <strong class="state state-approved">
              {t('published', { n: formatDigits(s.publishedVersion ?? 0, lang) })}
            </strong>{' '}
            <a href={published}>{t('viewPublished')}</a>
          </>
        ) : (
          t('notPublished')
        )}
      </p>
    </section>
  );
}
