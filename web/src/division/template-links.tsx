/** The blanks for this item and round: Word (the standard outline) and JSON (the document). */

import { submissionTemplate } from '../../../shared/report/submission-template.js';
import type { RoundRecord } from '../../../shared/workflow/round-record.js';
import { usePortal } from '../portal-context.js';
import { wordTemplate } from '../templates/word-template.js';
import { downloadFile } from '../ui/download-file.js';

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
          downloadFile(
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
          downloadFile(
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
