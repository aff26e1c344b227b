/** One waiting approval opened: the preview as it will print, then approve or return with a comment. */

import { useState } from 'preact/hooks';
import { type Approval, PortalApiError } from '../api/portal-api.js';
import { reportItemOf } from '../division/item-panel.js';
import { formatDigits } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';
import { ReportPreview } from '../preview/report-preview.js';
import { useAsync } from '../ui/use-async.js';
import { ChangedSinceH1 } from './changed-since-h1.js';

export function ApprovalDetail(props: { approval: Approval; onDecided: () => void }) {
  const { api, agencyId, t, lang } = usePortal();
  const { approval } = props;
  const { subject } = approval;
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const preview = useAsync(async () => {
    if (subject.kind === 'item') {
      const document = await api.getVersion(
        agencyId,
        approval.roundId,
        subject.itemNo,
        subject.version,
      );
      return {
        title: t('previewOf', { what: t('item', { no: formatDigits(subject.itemNo, lang) }) }),
        items: [reportItemOf(document.item, document.submission)],
      };
    }
    const { report } = await api.getDraft(agencyId, approval.roundId);
    return {
      title: t('previewOf', { what: t('signOffSubject') }),
      items: report.items,
      heading: {
        fiscalYear: report.fiscalYear,
        period: report.period,
        agencyNameTh: report.agency.nameTh,
      },
    };
  }, [approval.approvalId, lang]);
  const commentId = `comment-${approval.approvalId.replace(/[^a-z0-9-]/gi, '-')}`;

  async function decide(decision: 'approve' | 'return') {
    if (decision === 'return' && !comment.trim()) {
      setError(t('commentNeeded'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.decide(approval.approvalId, decision, comment.trim() || undefined);
      props.onDecided();
    } catch (e) {
      setError(
        e instanceof PortalApiError && e.problems[0] ? e.problems[0].message[lang] : String(e),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="card decision">
      {preview.error ? <p class="error">{String(preview.error)}</p> : null}
      {preview.value ? (
        <section aria-label={t('preview')}>
          <h3>{t('preview')}</h3>
          <ReportPreview {...preview.value} />
        </section>
      ) : (
        <p>{t('loading')}</p>
      )}
      {subject.kind === 'item' ? (
        <ChangedSinceH1
          roundId={approval.roundId}
          itemNo={subject.itemNo}
          version={subject.version}
        />
      ) : null}
      <label class="field" for={commentId}>
        <span>{t('comment')}</span>
      </label>
      <textarea id={commentId} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => void decide('approve')}
        >
          {subject.kind === 'sign-off' ? t('signOff') : t('approve')}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => void decide('return')}>
          {t('returnIt')}
        </button>
      </div>
    </div>
  );
}
