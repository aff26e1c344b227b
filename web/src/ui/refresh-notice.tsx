/** A quiet line when a background refresh failed: the page stays as it was, and the next one retries. */

import { usePortal } from '../portal-context.js';
import type { Async } from './use-async.js';

export function RefreshNotice(props: { of: Pick<Async<unknown>, 'refreshError'> }) {
  const { t } = usePortal();
  if (!props.of.refreshError) return null;
  return (
    <p class="notice quiet" role="status">
      {t('refreshFailed')}
    </p>
  );
}
