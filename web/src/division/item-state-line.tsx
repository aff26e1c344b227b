/** One line that says where an item stands, with whom it waits and since when. */

import { formatDateTime, formatDigits, formatDuration } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';
import type { ItemState } from './item-state.js';

export function ItemStateLine(props: { state: ItemState }) {
  const { t, lang } = usePortal();
  const { state } = props;
  const role = (r: string) => t(`role-${r}` as Parameters<typeof t>[0]);
  switch (state.kind) {
    case 'missing':
      return <p class="state state-missing">{t('stateMissing')}</p>;
    case 'validating':
      return <p class="state state-validating">{t('stateValidating')}</p>;
    case 'rejected':
      return (
        <p class="state state-rejected">
          {t('stateRejected')} · {t('problemsFound', { n: formatDigits(state.problemCount, lang) })}
        </p>
      );
    case 'waiting':
      return (
        <p class="state state-waiting">
          {t('stateWaiting', { role: role(state.role) })} (
          {t('version', { n: formatDigits(state.version, lang) })}){' '}
          <span class="since">
            {t('since', {
              when: formatDateTime(state.since, lang),
              duration: formatDuration(Date.now() - Date.parse(state.since), lang),
            })}
          </span>
        </p>
      );
    case 'returned':
      return (
        <div class="state state-returned">
          <p>
            {t('stateReturned')} ({t('version', { n: formatDigits(state.version, lang) })}) ·{' '}
            {formatDateTime(state.at, lang)}
          </p>
          <blockquote>
            <p class="comment-by">{t('returnedBy', { role: role(state.role) })}</p>
            <p class="comment">{state.comment}</p>
          </blockquote>
        </div>
      );
    case 'expired':
      return <p class="state state-expired">{t('stateExpired')}</p>;
    case 'approved':
      return (
        <p class="state state-approved">
          {t('stateApproved')} ({t('version', { n: formatDigits(state.version, lang) })})
        </p>
      );
  }
}
