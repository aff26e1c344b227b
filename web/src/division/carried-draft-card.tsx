/**
 * The division's FY draft carried over from its approved H1 version, marked
 * as such: download it to edit, or submit it as it is. Submitting sends it
 * through the same presigned upload and intake as any file, so it reaches
 * the annual report only once approved in the FY round itself.
 */

import type { CarriedDraftDocument } from '../api/portal-api.js';
import { formatDateTime, formatDigits } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';
import { downloadFile } from '../ui/download-file.js';

/** The draft as the file a division would upload: the submission document alone. */
const carriedDraftText = (draft: CarriedDraftDocument) =>
  `${JSON.stringify(draft.submission, null, 2)}\n`;

export function carriedDraftFile(draft: CarriedDraftDocument): File {
  return new File([carriedDraftText(draft)], carriedDraftName(draft), {
    type: 'application/json',
  });
}

const carriedDraftName = (draft: CarriedDraftDocument) =>
  `${draft.roundId}-item-${draft.itemNo}-carried.json`;

export function CarriedDraftCard(props: {
  draft: CarriedDraftDocument;
  busy: boolean;
  onSubmit: (file: File) => void;
}) {
  const { t, lang } = usePortal();
  const { draft } = props;
  const n = formatDigits(draft.carriedFrom.itemVersion, lang);
  const headingId = `carried-${draft.itemNo}-title`;
  return (
    <section class="carried-draft" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('carriedHeading', { n })}</h4>
      <p>
        {t('carriedNote', {
          n,
          roundId: draft.carriedFrom.roundId,
          when: draft.approvedAt
            ? t('carriedApprovedAt', { when: formatDateTime(draft.approvedAt, lang) })
            : '',
        })}
      </p>
      <p class="carried-actions">
        <button
          type="button"
          class="link"
          onClick={() =>
            downloadFile(carriedDraftText(draft), 'application/json', carriedDraftName(draft))
          }
        >
          {t('carriedDownload')}
        </button>{' '}
        <button
          type="button"
          disabled={props.busy}
          onClick={() => props.onSubmit(carriedDraftFile(draft))}
        >
          {t('carriedSubmit')}
        </button>
      </p>
    </section>
  );
}
