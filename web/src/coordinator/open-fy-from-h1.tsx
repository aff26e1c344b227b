/**
 * Beside the round list: when a year's six-month round is published and its
 * annual round is not open, the coordinator may open the annual round from
 * it. The plan items carry over, and each division's draft starts from its
 * approved H1 version (shared/workflow/carry-over.ts); nothing is published
 * that is not approved again in the annual round.
 */

import { useState } from 'preact/hooks';
import type { ValidationProblem } from '../../../shared/validation/validation-problem.js';
import { defaultFyDue } from '../../../shared/workflow/annual-due.js';
import { PortalApiError, type RoundListing } from '../api/portal-api.js';
import { formatDigits, type Lang } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';
import { ProblemList } from '../ui/problem-list.js';
import { useAsync } from '../ui/use-async.js';
import { h1WithoutFy } from './fy-offer.js';

const WORDS = {
  action: {
    th: 'เปิดรอบ ๑๒ เดือนต่อจากรอบ ๖ เดือน',
    en: 'Open the annual round from H1',
  },
  lead: {
    th: 'รายงานรอบ ๖ เดือน ปีงบประมาณ {year} เผยแพร่แล้ว ยกแผนงาน {items} รายการ หน่วยงานผู้รับผิดชอบ และลำดับการพิจารณาไปยังรอบ ๑๒ เดือน โดยร่างของแต่ละหน่วยงานเริ่มจากฉบับที่อนุมัติในรอบ ๖ เดือน ทุกรายการต้องส่งและอนุมัติใหม่ในรอบ ๑๒ เดือนก่อนเผยแพร่',
    en: "The six-month report of fiscal year {year} is published. Its {items} plan items, divisions and approval chain carry over to the annual round, and each division's draft starts from its approved six-month version. Every item is sent and approved again in the annual round before anything is published.",
  },
  due: { th: 'กำหนดส่งรอบ ๑๒ เดือน', en: 'Annual round due' },
  opened: {
    th: 'เปิดรอบ ๑๒ เดือน {round} แล้ว ร่างยกมา {drafts} รายการ',
    en: 'Annual round {round} is open; {drafts} drafts carried over',
  },
} as const;

function say(lang: Lang, key: keyof typeof WORDS, values: Record<string, string> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

export function OpenFyFromH1(props: {
  rounds: readonly RoundListing[];
  onOpened: (roundId: string) => void;
}) {
  const { api, agencyId, lang } = usePortal();
  const h1 = h1WithoutFy(props.rounds);
  // The list does not say what is published: one read of that one round does.
  const published = useAsync(
    async () => (h1 ? (await api.getRound(agencyId, h1.roundId)).publishedVersion : undefined),
    [agencyId, h1?.roundId],
  );
  const [problems, setProblems] = useState<ValidationProblem[]>([]);
  const [opened, setOpened] = useState<{ roundId: string; drafts: number } | undefined>();
  const [busy, setBusy] = useState(false);

  async function open(due: string) {
    if (!h1) return;
    setProblems([]);
    setBusy(true);
    try {
      const answer = await api.openFyFromH1(agencyId, h1.roundId, due || undefined);
      setOpened(answer);
      props.onOpened(answer.roundId);
    } catch (error) {
      if (error instanceof PortalApiError) setProblems(error.problems);
      else throw error;
    } finally {
      setBusy(false);
    }
  }

  const notice = opened ? (
    <p class="notice success" role="status">
      {say(lang, 'opened', {
        round: opened.roundId,
        drafts: formatDigits(opened.drafts, lang),
      })}
    </p>
  ) : null;
  if (!h1 || !published.value) return notice;
  const year = formatDigits(h1.fiscalYear, lang);
  return (
    <>
      {notice}
      <section class="card open-fy" aria-labelledby="open-fy-title">
        <h2 id="open-fy-title">{say(lang, 'action')}</h2>
        <p>{say(lang, 'lead', { year, items: formatDigits(h1.items, lang) })}</p>
        {problems.length > 0 ? <ProblemList problems={problems} /> : null}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const due = new FormData(event.currentTarget).get('due');
            void open(String(due ?? ''));
          }}
        >
          <label class="field">
            <span>{say(lang, 'due')}</span>
            <input type="date" name="due" defaultValue={defaultFyDue(h1.fiscalYear)} required />
          </label>
          <button type="submit" class="primary" disabled={busy}>
            {say(lang, 'action')}
          </button>
        </form>
      </section>
    </>
  );
}
