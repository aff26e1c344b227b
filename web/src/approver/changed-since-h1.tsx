/**
 * "Changed since H1": beside an FY item waiting for approval, the outline
 * lines that differ from the version approved in the same year's six-month
 * round, so an approver sees what is new before approving. Lines are
 * compared as printed (shared/workflow/changes-since-h1.ts).
 */

import { changesSinceH1, type LineChange } from '../../../shared/workflow/changes-since-h1.js';
import { PortalApiError } from '../api/portal-api.js';
import type { Lang } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';
import { useAsync } from '../ui/use-async.js';

const WORDS = {
  heading: { th: 'สิ่งที่เปลี่ยนจากรอบ ๖ เดือน', en: 'Changed since the six-month round' },
  none: {
    th: 'เหมือนฉบับที่อนุมัติในรอบ ๖ เดือนทุกบรรทัด',
    en: 'Every line is as approved in the six-month round',
  },
  noH1: {
    th: 'ไม่มีฉบับที่อนุมัติในรอบ ๖ เดือนของปีนี้ให้เปรียบเทียบ',
    en: 'No six-month version of this year was approved to compare with',
  },
  added: { th: 'เพิ่ม', en: 'Added' },
  removed: { th: 'ตัดออก', en: 'Removed' },
  changed: { th: 'แก้ไข', en: 'Changed' },
  was: { th: 'เดิม', en: 'Was' },
  now: { th: 'ใหม่', en: 'Now' },
} as const;

const say = (lang: Lang, key: keyof typeof WORDS) => WORDS[key][lang];

/** The H1 round of the same fiscal year as an FY round id ("2566-fy" → "2566-h1"). */
export function h1RoundOf(roundId: string): string | undefined {
  return roundId.endsWith('-fy') ? `${roundId.slice(0, -3)}-h1` : undefined;
}

function ChangeLine(props: { change: LineChange; lang: Lang }) {
  const { change, lang } = props;
  if (change.kind === 'changed') {
    return (
      <li class="change changed">
        <strong>{say(lang, 'changed')}</strong>
        <del>
          <span class="visually-hidden">{say(lang, 'was')}: </span>
          {change.before}
        </del>
        <ins>
          <span class="visually-hidden">{say(lang, 'now')}: </span>
          {change.after}
        </ins>
      </li>
    );
  }
  return change.kind === 'added' ? (
    <li class="change added">
      <strong>{say(lang, 'added')}</strong> <ins>{change.after}</ins>
    </li>
  ) : (
    <li class="change removed">
      <strong>{say(lang, 'removed')}</strong> <del>{change.before}</del>
    </li>
  );
}

export function ChangedSinceH1(props: { roundId: string; itemNo: number; version: number }) {
  const { api, agencyId, lang, t } = usePortal();
  const h1RoundId = h1RoundOf(props.roundId);
  const changes = useAsync(async () => {
    if (!h1RoundId) return undefined;
    const fy = await api.getVersion(agencyId, props.roundId, props.itemNo, props.version);
    let history: Awaited<ReturnType<typeof api.getItem>>;
    try {
      history = await api.getItem(agencyId, h1RoundId, props.itemNo);
    } catch (error) {
      if (error instanceof PortalApiError && error.status === 404) return 'no-h1' as const;
      throw error;
    }
    const approved = history.versions.find((v) => v.status === 'approved');
    if (!approved) return 'no-h1' as const;
    const h1 = await api.getVersion(agencyId, h1RoundId, props.itemNo, approved.version);
    return changesSinceH1(fy.item, h1.submission, fy.submission);
  }, [props.roundId, props.itemNo, props.version]);
  if (!h1RoundId) return null;
  const value = changes.value;
  return (
    <section class="changed-since-h1" aria-labelledby={`since-h1-${props.itemNo}`}>
      <h3 id={`since-h1-${props.itemNo}`}>{say(lang, 'heading')}</h3>
      {changes.error ? <p class="error">{t('error')}</p> : null}
      {value === undefined ? null : value === 'no-h1' ? (
        <p>{say(lang, 'noH1')}</p>
      ) : value.length === 0 ? (
        <p>{say(lang, 'none')}</p>
      ) : (
        <ul>
          {value.map((change, index) => (
            <ChangeLine key={String(index)} change={change} lang={lang} />
          ))}
        </ul>
      )}
    </section>
  );
}
