/** The blanks for this item and round: Word (the standard outline) and JSON (the document). */

import { submissionTemplate } from '../../../shared/report/submission-template.js';
import type { RoundRecord } from '../../../shared/workflow/round-record.js';
import { usePortal } from '../portal-context.js';
import { wordTemplate } from '../templates/word-template.js';

function download(bytes: BlobPart, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function TemplateLinks(props: { record: RoundRecord; itemNo: number }) {
  const { t } = usePortal();
  const { round } = props.record;
  const item = round.items[props.itemNo - 1];
  if (!item) return null;
  const base = `${props.record.roundId}-item-${props.itemNo}`;
  return (
    <p class="templates">
      <span>{t('templates')}:</span>{' '}
      <button
        type="button"
        class="link"
        onClick={() =>
          download(
            new Uint8Array(wordTemplate(round, item)),
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            `${base}.docx`,
          )
        }
      >
        {t('templateWord')}
      </button>{' '}
      <button
        type="button"
        class="link"
        onClick={() =>
          download(
            `${JSON.stringify(
              submissionTemplate({
                agencyId: round.agency.id,
                fiscalYear: round.fiscalYear,
                period: round.period,
                item,
              }),
              null,
              2,
            )}\n`,
            'application/json',
            `${base}.json`,
          )
        }
      >
        {t('templateJson')}
      </button>
    </p>
  );
}
