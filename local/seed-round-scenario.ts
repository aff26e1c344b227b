/**
 * The FY 2566 six-month round, played on the local stack by the people who
 * play it in an agency: the coordinator opens it; six divisions upload (one
 * a Word file, one a text file, one an invalid file first); the approvers
 * act on the notices they receive, through the API (one director returns
 * an item with a comment and the division resubmits); the agency head signs
 * off; the report is published.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import {
  AcmApiClient,
  CONTENT_TYPES,
  postPresigned,
  type UploadFormat,
  type UploadView,
  waitForUpload,
} from '../shared/adapters/acm-api-client.js';
import type { PublishedEntry } from '../shared/publish/published-entry.js';
import { renderReportText } from '../shared/report/render-report-text.js';
import type { Report } from '../shared/schemas/report-schema.js';
import type { Submission } from '../shared/schemas/submission-schema.js';
import type { LocalIdentity } from './local-identities.js';
import type { LocalStack } from './local-stack.js';

export const SEED_FOLDER = 'events/seed';
/** The director of this item returns it once, with a comment. */
const RETURNED_ITEM = 4;
const RETURN_COMMENT = 'กรุณาระบุจำนวนครั้งและผู้เข้าร่วมของการประชุมแต่ละครั้ง';

export interface ScenarioResult {
  agencyId: string;
  roundId: string;
  entry: PublishedEntry;
  urls: { index: string; json: string; pdf: string; html: string };
  uploads: UploadView[];
  decisions: Array<{ by: string; approvalId: string; decision: 'approve' | 'return' }>;
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** One plan item as a Word document, written the way divisions write it (the standard outline). */
async function itemAsWord(report: Report, itemNo: number): Promise<Uint8Array> {
  const item = report.items.filter((i) => i.no === itemNo);
  const text = renderReportText({ ...report, items: item }, { summary: false });
  const paragraphs = text.split('\n\n').map(
    (p) =>
      new Paragraph({
        children: [new TextRun({ text: p.replace(/\n/g, ' '), font: 'TH Sarabun New', size: 32 })],
      }),
  );
  return new Uint8Array(
    await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })),
  );
}

function itemAsText(report: Report, itemNo: number): Uint8Array {
  const item = report.items.filter((i) => i.no === itemNo);
  return new TextEncoder().encode(renderReportText({ ...report, items: item }, { summary: false }));
}

export async function runSeedRoundScenario(
  stack: LocalStack,
  seedReport: Report,
  log: (line: string) => void,
): Promise<ScenarioResult> {
  const person = (id: string) => {
    const identity = stack.identities.find((i) => i.id === id);
    if (!identity) throw new Error(`no local identity ${id}`);
    return identity;
  };
  const clientOf = (identity: LocalIdentity) =>
    new AcmApiClient(stack.apiUrl, stack.tokenFor(identity.id));
  // The seed's plan, for the fiscal year and period of the report given (the
  // seed's own unless a caller replays it for another round).
  const round = {
    ...(await readJson<{
      agency: { id: string };
      items: Array<{ no: number; division: string }>;
    }>(join(SEED_FOLDER, 'round.json'))),
    fiscalYear: seedReport.fiscalYear,
    period: seedReport.period,
  };
  const readSubmission = async (itemNo: number) => ({
    ...(await readJson<Submission>(join(SEED_FOLDER, 'items', `${itemNo}.json`))),
    fiscalYear: seedReport.fiscalYear,
    period: seedReport.period,
  });
  const agencyId = round.agency.id;
  const uploads: UploadView[] = [];
  const decisions: ScenarioResult['decisions'] = [];

  log(
    `[1/5] The coordinator opens the FY ${round.fiscalYear} ${round.period} round (${round.items.length} plan items)`,
  );
  const { roundId } = await clientOf(person('coordinator')).openRound(agencyId, round);
  log(`      round ${roundId} is open`);

  const upload = async (
    staff: LocalIdentity,
    itemNo: number,
    format: UploadFormat,
    bytes: Uint8Array,
  ) => {
    const client = clientOf(staff);
    const presigned = await client.requestUpload(agencyId, roundId, itemNo, format);
    await postPresigned(presigned.post, bytes, `item-${itemNo}.${format}`, CONTENT_TYPES[format]);
    const result = await waitForUpload(client, agencyId, presigned.uploadId);
    uploads.push(result);
    return result;
  };
  const jsonOf = (submission: unknown) =>
    new TextEncoder().encode(JSON.stringify(submission, null, 2));

  log('[2/5] Each division requests a presigned POST and uploads its item');
  for (const item of round.items) {
    const staff = person(`staff-${item.no}`);
    const submission = await readSubmission(item.no);
    if (item.no === 3) {
      // A first attempt with a budget to the tenth of a satang: refused, nothing lost.
      const wrong = await upload(
        staff,
        item.no,
        'json',
        jsonOf({ ...submission, budgetUsed: '13,784,920.125' }),
      );
      log(
        `      item ${item.no}: JSON → ${wrong.status}: ${wrong.problems?.map((p) => `${p.path} ${p.message.en}`).join('; ')}`,
      );
    }
    const [format, bytes]: [UploadFormat, Uint8Array] =
      item.no === 2
        ? ['docx', await itemAsWord(seedReport, item.no)]
        : item.no === 5
          ? ['txt', itemAsText(seedReport, item.no)]
          : ['json', jsonOf(submission)];
    const result = await upload(staff, item.no, format, bytes);
    log(
      `      item ${item.no}: ${format.toUpperCase()} → ${result.status}${result.version ? `, version ${result.version}` : ''}`,
    );
    if (result.status !== 'accepted') {
      throw new Error(
        `item ${item.no} was rejected: ${JSON.stringify(result.problems?.slice(0, 3))}`,
      );
    }
  }

  log('[3/5] Approvers act on the notices they receive');
  const APPROVAL_NOTICES = [
    'approval-requested',
    'approval-reminder',
    'approval-escalated',
  ] as const;
  const approvers = stack.identities.filter(
    (i) => i.id.startsWith('director-') || i.id === 'acc-officer',
  );
  let returned = false;
  const deadline = Date.now() + 120_000;
  const act = async (identity: LocalIdentity, allowSignOff: boolean) => {
    // A director is in their division's group too: leave its "returned" notice to the staff.
    const notices = stack.inbox.take(identity, APPROVAL_NOTICES);
    if (notices.length === 0) return 0;
    const client = clientOf(identity);
    const { approvals } = await client.listApprovals(agencyId);
    let acted = 0;
    for (const approval of approvals) {
      if (approval.subject.kind === 'sign-off' && !allowSignOff) continue;
      const isItem = approval.subject.kind === 'item';
      const returnIt =
        !returned &&
        isItem &&
        approval.subject.kind === 'item' &&
        approval.subject.itemNo === RETURNED_ITEM &&
        identity.id.startsWith('director-');
      const decision = returnIt ? 'return' : 'approve';
      await client.decide(approval.approvalId, decision, returnIt ? RETURN_COMMENT : undefined);
      decisions.push({ by: identity.id, approvalId: approval.approvalId, decision });
      const what =
        approval.subject.kind === 'item'
          ? `item ${approval.subject.itemNo} v${approval.subject.version}`
          : 'the round';
      log(
        `      ${identity.id} (${approval.role}) ${decision === 'return' ? `returns ${what}: “${RETURN_COMMENT}”` : `approves ${what}`}`,
      );
      if (returnIt) returned = true;
      acted++;
    }
    return acted;
  };

  let published: PublishedEntry | undefined;
  while (!published) {
    if (Date.now() > deadline) throw new Error('the round did not reach publication in time');
    await stack.settle(60_000);
    let acted = 0;
    for (const approver of approvers) acted += await act(approver, false);
    // The division whose item came back resubmits it.
    const staff = person(`staff-${RETURNED_ITEM}`);
    for (const notice of stack.inbox.take(staff)) {
      if (notice.kind !== 'returned') continue;
      log(
        `      staff-${RETURNED_ITEM} is told item ${RETURNED_ITEM} was returned and resubmits it`,
      );
      const submission = await readSubmission(RETURNED_ITEM);
      const result = await upload(staff, RETURNED_ITEM, 'json', jsonOf(submission));
      log(`      item ${RETURNED_ITEM}: JSON → ${result.status}, version ${result.version}`);
      acted++;
    }
    const head = person('agency-head');
    const signed = await act(head, true);
    if (signed) log('[4/5] The agency head has signed off; the report is being published');
    acted += signed;
    published = await findPublished(stack, agencyId, seedReport);
    if (!published && acted === 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const urls = {
    index: `${stack.siteUrl}/index.html`,
    json: `${stack.siteUrl}/${published.paths.json}`,
    pdf: `${stack.siteUrl}/${published.paths.pdf}`,
    html: `${stack.siteUrl}/${published.paths.html}`,
  };
  log(`[5/5] Published version ${published.version}`);
  return { agencyId, roundId, entry: published, urls, uploads, decisions };
}

/** The published entry for this round in the public index, once there is one. */
async function findPublished(
  stack: LocalStack,
  agencyId: string,
  report: Report,
): Promise<PublishedEntry | undefined> {
  const response = await fetch(`${stack.siteUrl}/index.json`);
  if (!response.ok) {
    // fetch holds the connection until the body is read or cancelled.
    await response.body?.cancel();
    return undefined;
  }
  const index = (await response.json()) as { reports?: PublishedEntry[] };
  return (index.reports ?? [])
    .filter(
      (e) =>
        e.agencyId === agencyId && e.fiscalYear === report.fiscalYear && e.period === report.period,
    )
    .sort((a, b) => b.version - a.version)[0];
}
