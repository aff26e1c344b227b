/**
 * Notice fan-out: the notices of a round's three steps — each item's
 * division director, the anti-corruption centre (ศปท.) for each item, the
 * agency head's sign-off — delivered by the real use case (deliverNotice)
 * through the real adapters, to the embedded emulators: cognito-local for
 * the people (ListUsersInGroup, paged), aws-ses-v2-local for the mail,
 * dynalite for the ledger and the digest. Batches of 10 notices as the
 * approvals queue hands them to notify-approvers, one directory per batch.
 * Then every step redelivered (a queue's at-least-once): no mail twice. Then
 * a reminder for every waiting step and the daily digest: one mail per
 * person. A round of 50 items is measured beside the 200 in the same run.
 */

import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/embedded-services.js';
import { startLocalCognito } from '../local/local-cognito.js';
import { startLocalSes } from '../local/local-ses.js';
import { CognitoPeopleAdmin } from '../shared/adapters/cognito-people-admin.js';
import { CognitoPeopleDirectory } from '../shared/adapters/cognito-people-directory.js';
import { DynamoDbDeliveryLedger } from '../shared/adapters/dynamodb-delivery-ledger.js';
import { DynamoDbDigestStore } from '../shared/adapters/dynamodb-digest-store.js';
import { SesMailer } from '../shared/adapters/ses-mailer.js';
import { type DeliverPorts, deliverNotice } from '../shared/people/deliver-notice.js';
import { bangkokDay } from '../shared/people/digest-entry.js';
import { sendDailyDigest } from '../shared/people/send-daily-digest.js';
import type { Round } from '../shared/schemas/round-schema.js';
import type { Notice } from '../shared/workflow/approval-notice.js';
import { divisionGroupName, roleGroupName } from '../shared/workflow/roles.js';
import { startDynaliteTable } from '../test/repositories/dynalite-table.js';

const AGENCY = 'opdc';
const DIVISIONS = 10;
const CENTRE_STAFF = 3;
/** notify-approvers' batch size (functions/notify-approvers/manifest.ts). */
const BATCH = 10;
const FROM = 'acm-report@example.invalid';

export interface FanoutCase {
  items: number;
  notices: number;
  mails: number;
  sesCalls: number;
  cognitoCalls: number;
  wallMs: number;
  redelivered: { mails: number; sesCalls: number };
  digest: { people: number; mails: number; reminders: number; wallMs: number };
}

export interface FanoutFigures {
  people: number;
  cases: FanoutCase[];
  /** 200 items over 50, in the same run. */
  ratios: { items: number; wall: number; mails: number; cognitoCalls: number };
}

function roundOf(items: number): Round {
  return {
    type: 'round',
    schemaVersion: 1,
    agency: { id: AGENCY, nameTh: 'สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)' },
    fiscalYear: 2566,
    period: 'H1',
    due: '2023-04-30',
    approvalChain: ['division-director', 'anti-corruption-centre'],
    items: Array.from({ length: items }, (_, i) => ({
      no: i + 1,
      kind: 'activity' as const,
      title: `กิจกรรมที่ ${i + 1} ของแผนปฏิบัติการป้องกันการทุจริต`,
      division: `division-${(i % DIVISIONS) + 1}`,
    })),
    divisions: Array.from({ length: DIVISIONS }, (_, i) => ({
      code: `division-${i + 1}`,
      nameTh: `กองที่ ${i + 1}`,
    })),
  };
}

/** The notices of one step of the chain, as approvalNotice addresses them. */
function stepNotices(round: Round, roundId: string, step: 0 | 1 | 2, at: string): Notice[] {
  const base = { agencyId: AGENCY, roundId, waitingSince: at, sentAt: at } as const;
  if (step === 2) {
    return [
      {
        ...base,
        kind: 'approval-requested',
        role: 'agency-head',
        groups: [roleGroupName(AGENCY, 'agency-head')],
        approvalId: `${roundId}#signoff`,
      },
    ];
  }
  return round.items.map((item) => ({
    ...base,
    kind: 'approval-requested',
    itemNo: item.no,
    version: 1,
    role: step === 0 ? 'division-director' : 'anti-corruption-centre',
    groups:
      step === 0
        ? [roleGroupName(AGENCY, 'division-director'), divisionGroupName(AGENCY, item.division)]
        : [roleGroupName(AGENCY, 'anti-corruption-centre')],
    approvalId: `${roundId}#${item.no}#1#${step}`,
  }));
}

export async function runNoticeFanoutBench(log: (line: string) => void): Promise<FanoutFigures> {
  const ses = await startLocalSes();
  const cognito = await startLocalCognito({
    region: LOCAL_REGION,
    sesEndpoint: ses.endpoint,
    credentials: LOCAL_CREDENTIALS,
    mailFrom: FROM,
    invitation: { subject: '', body: '' },
  });
  const table = await startDynaliteTable('acm-report-bench');
  const counts = { ses: 0, cognito: 0 };
  const client = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const sesClient = new SESv2Client({ ...client, endpoint: ses.endpoint });
  sesClient.middlewareStack.add(
    (next) => async (args) => {
      counts.ses += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countSesCalls' },
  );
  const cognitoClient = new CognitoIdentityProviderClient({
    ...client,
    endpoint: cognito.endpoint,
  });
  try {
    const { UserPool } = await cognitoClient.send(
      new CreateUserPoolCommand({
        PoolName: 'bench',
        Schema: [{ Name: 'position', AttributeDataType: 'String', Mutable: true }],
      }),
    );
    const poolId = String(UserPool?.Id);
    const admin = new CognitoPeopleAdmin(cognitoClient, poolId);
    const people: Array<{ id: string; groups: string[] }> = [
      { id: 'agency-head', groups: [roleGroupName(AGENCY, 'agency-head')] },
      ...Array.from({ length: CENTRE_STAFF }, (_, i) => ({
        id: `centre-${i + 1}`,
        groups: [roleGroupName(AGENCY, 'anti-corruption-centre')],
      })),
    ];
    for (let d = 1; d <= DIVISIONS; d++) {
      const division = divisionGroupName(AGENCY, `division-${d}`);
      people.push(
        { id: `director-${d}`, groups: [roleGroupName(AGENCY, 'division-director'), division] },
        { id: `staff-${d}-a`, groups: [division] },
        { id: `staff-${d}-b`, groups: [division] },
      );
    }
    log(`Creating ${people.length} people in cognito-local …`);
    for (const p of people) {
      await admin.invite({
        username: p.id,
        email: `${p.id}@people.example`,
        name: p.id,
        position: 'เจ้าหน้าที่',
        groups: p.groups,
        silent: true,
      });
    }
    // Counted from here: the notifier's calls only.
    cognitoClient.middlewareStack.add(
      (next) => async (args) => {
        counts.cognito += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countCognitoCalls' },
    );

    const cases: FanoutCase[] = [];
    for (const [index, items] of [50, 200].entries()) {
      const round = roundOf(items);
      const roundId = `2566-h1-${items}`;
      // A day of its own per case: a day's digest lists every reminder of the agency that day.
      const at = new Date(Date.UTC(2023, 3, 20 + index, 2));
      const ports = (directory: CognitoPeopleDirectory): DeliverPorts => ({
        directory,
        mailer: new SesMailer(sesClient, { from: FROM, configurationSet: 'acm-report' }),
        ledger: new DynamoDbDeliveryLedger(table.documents, table.tableName),
        digests: new DynamoDbDigestStore(table.documents, table.tableName),
        round: async () => round,
        portalUrl: 'https://portal.example.invalid',
        now: () => at,
      });
      const deliverAll = async (notices: Notice[]) => {
        let mailed = 0;
        for (let i = 0; i < notices.length; i += BATCH) {
          const batch = new CognitoPeopleDirectory(cognitoClient, poolId);
          for (const notice of notices.slice(i, i + BATCH)) {
            mailed += (await deliverNotice(ports(batch), notice)).mailed;
          }
        }
        return mailed;
      };
      const steps = ([0, 1, 2] as const).map((s) =>
        stepNotices(round, roundId, s, at.toISOString()),
      );
      const notices = steps.flat();
      const before = { ...counts };
      log(`Fan-out of ${items} items: ${notices.length} notices through three steps …`);
      const started = performance.now();
      let mails = 0;
      for (const step of steps) mails += await deliverAll(step);
      const wallMs = performance.now() - started;
      const sesCalls = counts.ses - before.ses;
      const cognitoCalls = counts.cognito - before.cognito;

      const beforeAgain = counts.ses;
      let mailsAgain = 0;
      for (const step of steps) mailsAgain += await deliverAll(step);

      const reminders = steps
        .slice(0, 2)
        .flat()
        .map((n): Notice => ({ ...n, kind: 'approval-reminder' }));
      await deliverAll(reminders);
      const digestStarted = performance.now();
      const digest = await sendDailyDigest(
        { ...ports(new CognitoPeopleDirectory(cognitoClient, poolId)) },
        [AGENCY],
        bangkokDay(at),
      );
      cases.push({
        items,
        notices: notices.length,
        mails,
        sesCalls,
        cognitoCalls,
        wallMs,
        redelivered: { mails: mailsAgain, sesCalls: counts.ses - beforeAgain },
        digest: {
          people: digest.people,
          mails: digest.mailed,
          reminders: digest.reminders,
          wallMs: performance.now() - digestStarted,
        },
      });
    }
    return { people: people.length, cases, ratios: ratiosOf(cases) };
  } finally {
    sesClient.destroy();
    cognitoClient.destroy();
    await table.close();
    await cognito.close();
    await ses.close();
  }
}

function ratiosOf(cases: readonly FanoutCase[]): FanoutFigures['ratios'] {
  const [small, large] = cases;
  if (!small || !large) return { items: 0, wall: 0, mails: 0, cognitoCalls: 0 };
  return {
    items: large.items / small.items,
    wall: large.wallMs / small.wallMs,
    mails: large.mails / small.mails,
    cognitoCalls: large.cognitoCalls / small.cognitoCalls,
  };
}

export function printNoticeFanoutBench(figures: FanoutFigures): void {
  console.table(
    figures.cases.map((c) => ({
      items: c.items,
      notices: c.notices,
      'e-mails sent': c.mails,
      'SES calls': c.sesCalls,
      'Cognito calls': c.cognitoCalls,
      'wall s': (c.wallMs / 1000).toFixed(2),
      'redelivered: e-mails': c.redelivered.mails,
      'digest: people': c.digest.people,
      'digest: e-mails': c.digest.mails,
      'digest: reminders': c.digest.reminders,
    })),
  );
  const r = figures.ratios;
  console.log(
    `${figures.people} people. ${r.items}× the items: wall time ×${r.wall.toFixed(2)}, e-mails ×${r.mails.toFixed(2)}, Cognito calls ×${r.cognitoCalls.toFixed(2)}`,
  );
}
