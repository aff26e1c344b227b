/**
 * One plan item for its division: where it stands, the upload, the errors
 * of a refused file beside their lines, the preview of the latest version
 * as it will print, the templates, and the history of versions and decisions.
 */

import { useState } from 'preact/hooks';
import type { ReportItemValue } from '../../../shared/schemas/report-schema.js';
import type { RoundRecord } from '../../../shared/workflow/round-record.js';
import { type ItemHistory, PortalApiError } from '../api/portal-api.js';
import { formatDateTime, formatDigits } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';
import { ReportPreview } from '../preview/report-preview.js';
import { ApiErrorNotice } from '../ui/api-error-notice.js';
import { ProblemList } from '../ui/problem-list.js';
import { useAsync } from '../ui/use-async.js';
import { itemStateOf } from './item-state.js';
import { ItemStateLine } from './item-state-line.js';
import { TemplateLinks } from './template-links.js';
import { type SettledUpload, UploadZone } from './upload-zone.js';

export function ItemPanel(props: { record: RoundRecord; itemNo: number }) {
  const { api, agencyId, t, lang } = usePortal();
  const { record, itemNo } = props;
  const plan = record.round.items[itemNo - 1];
  const [uploading, setUploading] = useState(false);
  const [settled, setSettled] = useState<SettledUpload | undefined>();
  const history = useAsync(
    () => api.getItem(agencyId, record.roundId, itemNo),
    [record.roundId, itemNo],
    15_000,
  );
  const latest = history.value?.versions[0];
  const preview = useAsync(
    () =>
      latest
        ? api.getVersion(agencyId, record.roundId, itemNo, latest.version)
        : Promise.resolve(undefined),
    [record.roundId, itemNo, latest?.version],
  );
  // Offered in an annual round until the division sends something; a round
  // with nothing carried over answers 404, and then there is simply no offer.
  const offersCarried =
    record.round.period === 'FY' && history.value?.versions.length === 0 && !settled;
  const carried = useAsync(
    () =>
      offersCarried
        ? api.getCarriedDraft(agencyId, record.roundId, itemNo).catch(noneWhenNotFound)
        : Promise.resolve(undefined),
    [record.roundId, itemNo, offersCarried],
  );
  if (!plan) return null;
  const state = history.value ? itemStateOf(history.value, uploading) : undefined;
  const headingId = `item-${itemNo}-title`;
  const justRefused =
    settled?.upload.status === 'rejected' && state?.kind === 'rejected' ? settled : undefined;

  return (
    <article class="card item" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span class="no">{t('item', { no: formatDigits(itemNo, lang) })}</span> {plan.title}
      </h2>
      {state ? <ItemStateLine state={state} /> : <p>{t('loading')}</p>}
      {settled?.upload.status === 'accepted' && state?.kind === 'waiting' ? (
        <p class="notice success" role="status">
          {t('uploadAccepted', { n: formatDigits(settled.upload.version ?? 0, lang) })}
        </p>
      ) : null}
      {state?.kind === 'rejected' ? (
        <ProblemList
          problems={justRefused?.upload.problems ?? state.problems}
          total={justRefused?.upload.problemCount ?? state.problemCount}
          itemNo={itemNo}
          {...(justRefused
            ? {
                source: {
                  format: justRefused.format,
                  ...(justRefused.text ? { text: justRefused.text } : {}),
                },
              }
            : {})}
        />
      ) : null}
      {carried.error ? <ApiErrorNotice error={carried.error} /> : null}
      {state?.kind !== 'approved' ? (
        <section class="send" aria-labelledby={`${headingId}-send`}>
          <h3 id={`${headingId}-send`}>{t('uploadHeading')}</h3>
          <UploadZone
            roundId={record.roundId}
            itemNo={itemNo}
            carried={offersCarried ? carried.value : undefined}
            onStart={() => {
              setSettled(undefined);
              setUploading(true);
            }}
            onSettled={(result) => {
              setSettled(result);
              setUploading(false);
              history.reload();
            }}
          />
          <TemplateLinks record={record} itemNo={itemNo} />
        </section>
      ) : null}
      {preview.value ? (
        <section class="preview" aria-labelledby={`${headingId}-preview`}>
          <h3 id={`${headingId}-preview`}>
            {t('preview')} ({t('version', { n: formatDigits(preview.value.version, lang) })})
          </h3>
          <ReportPreview
            title={t('previewOf', { what: t('item', { no: formatDigits(itemNo, lang) }) })}
            items={[reportItemOf(plan, preview.value.submission)]}
          />
        </section>
      ) : null}
      {history.value && history.value.versions.length > 0 ? (
        <HistoryList history={history.value} />
      ) : null}
    </article>
  );
}

/** An annual round opened from a plan file has nothing carried over: no offer, not an error. */
function noneWhenNotFound(error: unknown): undefined {
  if (error instanceof PortalApiError && error.status === 404) return undefined;
  throw error;
}

export function reportItemOf(
  plan: RoundRecord['round']['items'][number],
  submission: Pick<
    ReportItemValue,
    'objectives' | 'progress' | 'budgetUsed' | 'problems' | 'recommendations'
  >,
): ReportItemValue {
  return {
    ...plan,
    objectives: submission.objectives,
    progress: submission.progress,
    budgetUsed: submission.budgetUsed,
    problems: submission.problems,
    recommendations: submission.recommendations,
  };
}

function HistoryList(props: { history: ItemHistory }) {
  const { t, lang } = usePortal();
  const decision = (status: string) =>
    status === 'approved'
      ? t('decisionApproved')
      : status === 'returned'
        ? t('decisionReturned')
        : status === 'expired'
          ? t('decisionExpired')
          : t('decisionPending');
  return (
    <details class="history">
      <summary>{t('history')}</summary>
      <ol reversed>
        {props.history.versions.map((v) => (
          <li key={v.version}>
            <p>
              <strong>{t('version', { n: formatDigits(v.version, lang) })}</strong> ·{' '}
              {t('sentAt', { when: formatDateTime(v.uploadedAt, lang) })} · {v.format.toUpperCase()}
            </p>
            <ul>
              {v.decisions.map((d) => (
                <li key={d.approvalId}>
                  {t(`role-${d.role}` as Parameters<typeof t>[0])}: {decision(d.status)}
                  {d.decidedAt ? ` · ${formatDateTime(d.decidedAt, lang)}` : ''}
                  {d.decidedByName ? ` · ${d.decidedByName}` : ''}
                  {d.comment ? <q class="comment"> {d.comment}</q> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
