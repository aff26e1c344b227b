/**
 * Issue 15's "Must show", end to end on the embedded stack: the coordinator
 * invites director-1 through the people route; the invitation arrives in
 * the local SES; director-1 signs in for the first time with its temporary
 * password (NEW_PASSWORD_REQUIRED, then a new password) and gets a real
 * token; staff-1 uploads; director-1 is mailed the approval, follows its
 * link and approves; the agency head is mailed the sign-off, and signs off;
 * the published report names the head and their position, and no published
 * object holds an e-mail address. Mail is counted per person, and a notice
 * sent again to the approvals queue mails nobody twice.
 */

import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import { localEmail } from '../../local/local-identities.js';
import type { LocalMail } from '../../local/local-ses.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import {
  AcmApiClient,
  CONTENT_TYPES,
  postPresigned,
  waitForUpload,
} from '../../shared/adapters/acm-api-client.js';
import { itemApprovalId, signOffApprovalId } from '../../shared/workflow/approval.js';
import type { Notice } from '../../shared/workflow/approval-notice.js';
import { roundIdOf } from '../../shared/workflow/round-id.js';
import { extractBodyLines } from '../helpers/pdf-text.js';
import { findPersonalData } from '../helpers/personal-data.js';
import { seedRoundJson, seedSubmissionJson } from '../helpers/seed-round.js';
import { firstSignIn } from './first-sign-in.js';

const AGENCY = 'opdc';
const DIVISION = 'planning';
const FISCAL_YEAR = 2566;
const ROUND_ID = roundIdOf(FISCAL_YEAR, 'H1');
const DIRECTOR = {
  email: localEmail('director-1'),
  name: 'นางสาวสมใจ ใฝ่ดี',
  position: 'ผู้อำนวยการกองยุทธศาสตร์และแผนงาน',
};
const NEW_PASSWORD = 'Chosen-at-first-sign-in-1!';

let stack: LocalStack;
const notices: Notice[] = [];

const byRecipient = (mails: readonly LocalMail[], address: string) =>
  mails.filter((m) => m.destination.to.includes(address));

/** The one link into the portal a mail carries. */
function linkIn(mail: LocalMail): string {
  const text = mail.body.text ?? mail.body.html ?? '';
  const links = [...text.matchAll(/https?:\/\/[^\s"<]+#\/[^\s"<]+/g)].map((m) => m[0]);
  expect(new Set(links).size, text).toBe(1);
  return links[0] ?? '';
}

async function waitForMail(address: string, count: number): Promise<LocalMail[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const mails = byRecipient(await stack.mail.mails(), address);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`${address} got ${mails.length} of ${count} mails`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What the approvals queue's notice of this approval said (the webhook channel keeps a copy). */
function noticeOf(approvalId: string): Notice {
  const found = notices.find((n) => n.approvalId === approvalId && n.kind === 'approval-requested');
  if (!found) throw new Error(`no notice for ${approvalId}`);
  return found;
}

beforeAll(async () => {
  stack = await startLocalStack({
    agencyId: AGENCY,
    divisions: [DIVISION],
    // Invited by the coordinator below, through the people route.
    invitedLater: ['director-1'],
    portal: false,
    onNotice: (notice) => notices.push(notice),
  });
}, 120_000);

afterAll(async () => {
  await stack?.settle(60_000).catch(() => undefined);
  await stack?.close();
});

describe('An invited director, from the invitation to the published report', () => {
  let directorToken = '';
  let publishedKeys: string[] = [];

  it('the coordinator invites director-1, and the Thai invitation arrives in the local SES', async () => {
    // Act
    const response = await fetch(`${stack.apiUrl}/agencies/${AGENCY}/people`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stack.tokenFor('coordinator')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ...DIRECTOR, roles: ['division-director'], divisions: [DIVISION] }),
    });

    // Assess
    expect(response.status).toBe(201);
    const { person } = (await response.json()) as { person: Record<string, unknown> };
    expect(person).toMatchObject({
      name: DIRECTOR.name,
      position: DIRECTOR.position,
      roles: ['division-director'],
      divisions: [DIVISION],
      status: 'FORCE_CHANGE_PASSWORD',
    });
    const [invitation] = await waitForMail(DIRECTOR.email, 1);
    expect(invitation?.subject).toMatch(/^เชิญเข้าใช้ระบบ.*Invitation/);
    const body = invitation?.body.html ?? '';
    expect(body.indexOf('รหัสผ่านชั่วคราว')).toBeLessThan(body.indexOf('Temporary password'));
    const temporary = /Temporary password: ([^<\s]+)/.exec(body)?.[1] ?? '';
    expect(temporary.length).toBeGreaterThan(0);

    // director-1 signs in for the first time: the pool asks for a new password first.
    const signedIn = await firstSignIn(stack.cognito, DIRECTOR.email, temporary, NEW_PASSWORD);
    expect(signedIn.challenge).toBe('NEW_PASSWORD_REQUIRED');
    directorToken = signedIn.idToken;
    // A real token: the local JWT authorizer lets it through to the inbox.
    const director = new AcmApiClient(stack.apiUrl, directorToken);
    expect((await director.listApprovals(AGENCY)).approvals).toEqual([]);
  });

  it('records the invitation in the audit, with who did it and for whom', async () => {
    const response = await fetch(`${stack.apiUrl}/agencies/${AGENCY}/people/changes`, {
      headers: { authorization: `Bearer ${stack.tokenFor('coordinator')}` },
    });
    const { changes } = (await response.json()) as { changes: Record<string, unknown>[] };
    const coordinator = stack.identities.find((i) => i.id === 'coordinator');
    expect(changes).toEqual([
      expect.objectContaining({
        action: 'invite',
        by: { sub: coordinator?.sub, name: coordinator?.nameTh },
        target: expect.objectContaining({ name: DIRECTOR.name }),
        roles: ['division-director'],
        divisions: [DIVISION],
      }),
    ]);
  });

  it('staff-1 uploads; director-1 is mailed the approval, follows its link and approves', async () => {
    // Prepare: a one-item round decided by the division director, then signed off.
    const seed = seedRoundJson() as Record<string, unknown>;
    const coordinator = new AcmApiClient(stack.apiUrl, stack.tokenFor('coordinator'));
    await coordinator.openRound(AGENCY, {
      ...seed,
      approvalChain: ['division-director'],
      items: [{ no: 1, kind: 'activity', title: 'กิจกรรมเสริมสร้างวัฒนธรรมสุจริต', division: DIVISION }],
    });
    const staff = new AcmApiClient(stack.apiUrl, stack.tokenFor('staff-1'));
    const presigned = await staff.requestUpload(AGENCY, ROUND_ID, 1, 'json');
    const submission = { ...(seedSubmissionJson(1) as object), itemNo: 1, division: DIVISION };
    const bytes = new TextEncoder().encode(JSON.stringify(submission));
    await postPresigned(presigned.post, bytes, 'item-1.json', CONTENT_TYPES.json);
    expect((await waitForUpload(staff, AGENCY, presigned.uploadId)).status).toBe('accepted');

    // Act: the mail the director receives, and its link.
    const [, approvalMail] = await waitForMail(DIRECTOR.email, 2);
    const approvalId = itemApprovalId(AGENCY, ROUND_ID, 1, 1, 0);
    const link = linkIn(approvalMail as LocalMail);
    expect(link.endsWith(`#/approver/${encodeURIComponent(approvalId)}`)).toBe(true);
    const linked = decodeURIComponent(link.split('#/approver/')[1] ?? '');
    const director = new AcmApiClient(stack.apiUrl, directorToken);
    const decided = await director.decide(linked, 'approve');

    // Assess
    expect(decided.approval).toMatchObject({ approvalId, status: 'approved' });
  });

  it('the agency head is mailed the sign-off, signs off, and the report is published', async () => {
    const head = localEmail('agency-head');
    const [signOffMail] = await waitForMail(head, 1);
    const approvalId = signOffApprovalId(AGENCY, ROUND_ID, 1);
    expect(linkIn(signOffMail as LocalMail)).toContain(
      `#/approver/${encodeURIComponent(approvalId)}`,
    );
    const client = new AcmApiClient(stack.apiUrl, stack.tokenFor('agency-head'));
    await client.decide(approvalId, 'approve');
    await stack.settle(60_000);

    const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: stack.publishedBucket }));
    publishedKeys = (page.Contents ?? []).map((o) => o.Key ?? '');
    expect(publishedKeys.filter((k) => k.endsWith('/report.json'))).toHaveLength(1);
  });

  it('prints the head by name and position, and no e-mail address in any published object', async () => {
    const headIdentity = stack.identities.find((i) => i.id === 'agency-head');
    const texts = new Map<string, string>();
    for (const key of publishedKeys) {
      const object = await stack.s3.send(
        new GetObjectCommand({ Bucket: stack.publishedBucket, Key: key }),
      );
      const bytes = await object.Body?.transformToByteArray();
      if (!bytes) throw new Error(`${key} has no body`);
      // A PDF's text is in compressed streams: read it as a PDF reader would.
      texts.set(
        key,
        key.endsWith('.pdf')
          ? (await extractBodyLines(bytes)).join('\n')
          : new TextDecoder().decode(bytes),
      );
    }
    const reportKey = publishedKeys.find((k) => k.endsWith('/report.json')) ?? '';
    const report = JSON.parse(texts.get(reportKey) ?? '') as {
      signOff?: { name: string; position: string };
    };
    expect(report.signOff).toMatchObject({
      name: headIdentity?.nameTh,
      position: headIdentity?.position,
    });
    const html = texts.get(reportKey.replace(/json$/, 'html')) ?? '';
    expect(html).toContain(headIdentity?.nameTh);
    for (const [key, text] of texts) {
      expect(findPersonalData(text), key).toEqual([]);
      expect(text, key).not.toContain('people.example');
    }
  });

  it('mails each person what they wait for, once, and a redelivered notice mails nobody again', async () => {
    const before = await stack.mail.mails();
    const count = (address: string) => byRecipient(before, address).length;
    // The invitation and the approval; the sign-off request.
    expect(count(DIRECTOR.email)).toBe(2);
    expect(count(localEmail('agency-head'))).toBe(1);
    const sent = before.map((m) => `${m.destination.to.join(',')}|${m.subject}|${m.body.text}`);
    expect(new Set(sent).size).toBe(sent.length);

    // Act: the director's notice, sent to the approvals queue again as SQS would redeliver it.
    const queue = [...stack.resources.queues.values()].find((q) => q.name.endsWith('-approvals'));
    const sqs = new SQSClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.services.endpoints.sqs,
    });
    const notice = noticeOf(itemApprovalId(AGENCY, ROUND_ID, 1, 1, 0));
    await sqs.send(
      new SendMessageCommand({ QueueUrl: queue?.url, MessageBody: JSON.stringify(notice) }),
    );
    await stack.settle(60_000);
    sqs.destroy();

    // Assess: the notifier ran again (the webhook copy), and no mail was added.
    expect(notices.filter((n) => n.approvalId === notice.approvalId).length).toBeGreaterThan(1);
    expect((await stack.mail.mails()).length).toBe(before.length);
  });

  it('ran every call, Cognito and SES included, through the IAM front: none denied', () => {
    expect(stack.iam.ledger.checked).toBeGreaterThan(0);
    expect(stack.iam.ledger.denied).toEqual([]);
    expect(stack.iam.ledger.undecided).toEqual([]);
  });
});
