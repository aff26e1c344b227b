/**
 * An approver's main screen: what waits for their role (oldest first), the
 * section (or, for the agency head, the whole report) as it will print,
 * approve or return with a comment, and what they decided before.
 */

import { useState } from 'preact/hooks';
import type { Approval } from '../api/portal-api.js';
import { formatDateTime, formatDigits, formatDuration } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';
import { RefreshNotice } from '../ui/refresh-notice.js';
import { useAsync } from '../ui/use-async.js';
import { ApprovalDetail } from './approval-detail.js';
import { useRoundTitles } from './round-titles.js';

export function ApproverPage() {
  const { api, agencyId, t } = usePortal();
  const inbox = useAsync(() => api.listApprovals(agencyId), [agencyId], 10_000);
  const history = useAsync(() => api.listDecisions(agencyId), [agencyId]);
  const [open, setOpen] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  if (inbox.error) throw inbox.error;
  const approvals = inbox.value?.approvals ?? [];
  const selected = approvals.find((a) => a.approvalId === open);
  return (
    <section aria-labelledby="approver-title">
      <h1 id="approver-title">{t('inboxHeading')}</h1>
      {done ? (
        <p class="notice success" role="status">
          {t('decided')}
        </p>
      ) : null}
      <RefreshNotice of={inbox} />
      {!inbox.value ? <p>{t('loading')}</p> : null}
      {inbox.value && approvals.length === 0 ? <p>{t('inboxEmpty')}</p> : null}
      <ul class="inbox">
        {approvals.map((approval) => (
          <li key={approval.approvalId}>
            <InboxEntry
              approval={approval}
              open={approval.approvalId === open}
              onToggle={() => {
                setDone(undefined);
                setOpen(approval.approvalId === open ? undefined : approval.approvalId);
              }}
            />
            {selected && selected.approvalId === approval.approvalId ? (
              <ApprovalDetail
                approval={selected}
                onDecided={() => {
                  setOpen(undefined);
                  setDone(selected.approvalId);
                  inbox.reload();
                  history.reload();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <DecisionHistory decisions={history.value?.decisions ?? []} />
    </section>
  );
}

function InboxEntry(props: { approval: Approval; open: boolean; onToggle: () => void }) {
  const { t, lang } = usePortal();
  const titles = useRoundTitles();
  const { approval } = props;
  const { subject } = approval;
  const title =
    subject.kind === 'item'
      ? `${t('item', { no: formatDigits(subject.itemNo, lang) })} ${titles.itemTitle(approval.roundId, subject.itemNo) ?? ''} (${t('version', { n: formatDigits(subject.version, lang) })})`
      : t('signOffSubject');
  const headingId = `approval-${approval.approvalId.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <article class="card approval" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p>
        {titles.roundTitle(approval.roundId)} ·{' '}
        {t(`role-${approval.role}` as Parameters<typeof t>[0])}
        {approval.phase !== 'request' ? (
          <strong>
            {' '}
            · {t(approval.phase === 'reminder' ? 'reminderPhase' : 'escalationPhase')}
          </strong>
        ) : null}
      </p>
      <p class="since">
        {t('waitingSince', { when: formatDateTime(approval.requestedAt, lang) })} (
        {formatDuration(Date.now() - Date.parse(approval.requestedAt), lang)})
      </p>
      <div class="actions">
        <button type="button" class="primary" aria-expanded={props.open} onClick={props.onToggle}>
          {props.open ? t('close') : t('open')}
        </button>
      </div>
    </article>
  );
}

function DecisionHistory(props: { decisions: readonly Approval[] }) {
  const { t, lang } = usePortal();
  const titles = useRoundTitles();
  return (
    <section class="card" aria-labelledby="my-history">
      <h2 id="my-history">{t('myHistory')}</h2>
      {props.decisions.length === 0 ? <p>{t('noHistory')}</p> : null}
      <ul>
        {props.decisions.map((d) => (
          <li key={d.approvalId}>
            {d.subject.kind === 'item'
              ? `${t('item', { no: formatDigits(d.subject.itemNo, lang) })} (${t('version', { n: formatDigits(d.subject.version, lang) })})`
              : t('signOffSubject')}{' '}
            · {titles.roundTitle(d.roundId)} ·{' '}
            <strong>
              {d.status === 'approved' ? t('decisionApproved') : t('decisionReturned')}
            </strong>
            {d.decidedAt ? ` · ${formatDateTime(d.decidedAt, lang)}` : ''}
            {d.comment ? <q class="comment"> {d.comment}</q> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
