/**
 * Who may call the portal's routes, as their use cases decide it: one row
 * per kind of caller, one column per route, with in-memory ports holding
 * the seed round (item 4 belongs to division-placeholder-04 and was
 * uploaded by staff-4). The handlers answer 401 before any of this when no
 * one is signed in (test/functions/portal-handlers.test.ts).
 */

import { describe, expect, it } from 'vitest';
import type { Approval } from '../../shared/workflow/approval.js';
import type { Caller } from '../../shared/workflow/caller.js';
import { callerFromClaims } from '../../shared/workflow/caller.js';
import { decisionHistory } from '../../shared/workflow/decision-history.js';
import { itemHistory } from '../../shared/workflow/item-history.js';
import { listRounds } from '../../shared/workflow/list-rounds.js';
import { readDraft } from '../../shared/workflow/read-draft.js';
import { readVersion } from '../../shared/workflow/read-version.js';
import { headerOf } from '../../shared/workflow/round-header.js';
import type { RoundRecord } from '../../shared/workflow/round-record.js';
import { sendReminders } from '../../shared/workflow/send-reminders.js';
import type { SubmissionVersion } from '../../shared/workflow/submission-version.js';
import { seedRound } from '../helpers/seed-round.js';

const OWN = 'division-placeholder-04';
const OTHER = 'division-placeholder-01';

const record: RoundRecord = {
  agencyId: 'opdc',
  roundId: '2566-h1',
  round: seedRound(),
  openedBy: 'coordinator',
  openedAt: '2023-04-01T02:00:00.000Z',
  signOff: { state: 'requested', attempt: 1, at: '2023-04-20T02:00:00.000Z' },
};
const version: SubmissionVersion = {
  agencyId: 'opdc',
  roundId: '2566-h1',
  itemNo: 4,
  division: OWN,
  version: 1,
  source: { uploadId: 'u', key: 'k', etag: 'e', sha256: 'a'.repeat(64), format: 'json', size: 1 },
  documentKey: 'submissions/opdc/2566-h1/4/division-placeholder-04/u.json',
  uploadedBy: 'staff-4',
  uploadedAt: '2023-04-10T02:00:00.000Z',
  status: 'awaiting-approval',
  waitingOn: 'division-director',
};

const ports = {
  rounds: {
    getRound: async () => record,
    getRoundHeader: async () => headerOf(record),
    getRoundItem: async (_a: string, _r: string, itemNo: number) => ({
      header: headerOf(record),
      item: record.round.items[itemNo - 1],
    }),
    listRounds: async () => [],
    getRoundWithItems: async () => ({ record, items: [] }),
  },
  submissions: {
    getVersion: async () => version,
    listVersions: async () => [version],
    getUpload: async () => undefined,
  },
  approvals: {
    getMany: async () => [] as Approval[],
    listDecided: async () => [] as Approval[],
  },
  objects: {
    getJson: async () => ({}),
    head: async () => ({ size: 2, contentType: 'application/json', etag: '"e"' }),
  },
  links: { readUrl: async () => 'https://incoming.example.invalid/drafts/x?X-Amz-Signature=s' },
  notices: { sendBatch: async () => [] },
  reminders: {
    begin: async () => new Set<string>(),
    record: async () => undefined,
    end: async () => undefined,
  },
  bucket: 'incoming',
  now: () => new Date('2023-04-20T03:00:00Z'),
};

const who = (sub: string, ...groups: string[]): Caller =>
  callerFromClaims({ sub, 'cognito:groups': groups }) as Caller;

const CALLERS: Record<string, Caller> = {
  'another division': who('staff-1', `opdc:division:${OTHER}`),
  'owning division': who('staff-4b', `opdc:division:${OWN}`),
  'its division director': who('director-4', 'opdc:division-director', `opdc:division:${OWN}`),
  'another division director': who(
    'director-1',
    'opdc:division-director',
    `opdc:division:${OTHER}`,
  ),
  'anti-corruption centre': who('acc', 'opdc:anti-corruption-centre'),
  'internal audit': who('audit', 'opdc:internal-audit'),
  'agency head': who('head', 'opdc:agency-head'),
  'uploader as approver': who('staff-4', 'opdc:division-director', `opdc:division:${OWN}`),
  coordinator: who('coordinator', 'opdc:coordinator'),
  'other agency': who('dga-coordinator', 'dga:coordinator', 'dga:agency-head'),
};

const where = { agencyId: 'opdc', roundId: '2566-h1', itemNo: 4, version: 1 };
const ROUTES: Record<string, (caller: Caller) => Promise<{ kind: string }>> = {
  'GET /agencies/{agencyId}/rounds': (c) => listRounds(ports, c, 'opdc'),
  'GET …/items/{itemNo}': (c) => itemHistory(ports, c, where),
  'GET …/items/{itemNo}/versions/{version}': (c) => readVersion(ports, c, where),
  'GET …/rounds/{roundId}/draft': (c) => readDraft(ports, c, where),
  'GET /approvals/decided': (c) => decisionHistory(ports, c, 'opdc'),
  'POST …/rounds/{roundId}/reminders': (c) => sendReminders(ports, c, where),
};

// ✓ allowed, ✗ forbidden (403). Columns in the order of ROUTES.
const MATRIX: Record<string, string> = {
  'another division': '✓ ✗ ✗ ✗ ✓ ✗',
  'owning division': '✓ ✓ ✓ ✗ ✓ ✗',
  'its division director': '✓ ✓ ✓ ✗ ✓ ✗',
  'another division director': '✓ ✗ ✗ ✗ ✓ ✗',
  'anti-corruption centre': '✓ ✓ ✓ ✓ ✓ ✗',
  'internal audit': '✓ ✓ ✓ ✓ ✓ ✗',
  'agency head': '✓ ✓ ✓ ✓ ✓ ✗',
  'uploader as approver': '✓ ✓ ✓ ✗ ✓ ✗',
  coordinator: '✓ ✓ ✓ ✓ ✓ ✓',
  'other agency': '✗ ✗ ✗ ✗ ✗ ✗',
};

describe('Portal routes: who may call them', () => {
  const cases = Object.entries(MATRIX).flatMap(([name, row]) =>
    Object.keys(ROUTES).map((route, i) => [name, route, row.split(' ')[i] === '✓'] as const),
  );
  it.each(cases)('%s → %s: allowed %s', async (name, route, allowed) => {
    const caller = CALLERS[name] as Caller;
    const outcome = await (ROUTES[route] as (c: Caller) => Promise<{ kind: string }>)(caller);
    if (allowed) expect(outcome.kind).not.toBe('forbidden');
    else expect(outcome.kind).toBe('forbidden');
  });

  it('shows a person only their own decisions, whatever the index returns', async () => {
    const decided = (by: string) =>
      ({ approvalId: `x-${by}`, decidedBy: by, status: 'approved' }) as Approval;
    const outcome = await decisionHistory(
      { approvals: { listDecided: async () => [decided('director-4'), decided('someone-else')] } },
      CALLERS['its division director'] as Caller,
      'opdc',
    );
    expect(outcome).toEqual({ kind: 'listed', decisions: [decided('director-4')] });
  });

  it('reads nothing of another agency, not even whether its round exists', async () => {
    let reads = 0;
    const counting = {
      ...ports,
      rounds: {
        ...ports.rounds,
        getRound: async () => {
          reads += 1;
          return record;
        },
        getRoundHeader: async () => {
          reads += 1;
          return headerOf(record);
        },
        getRoundItem: async () => {
          reads += 1;
          return { header: headerOf(record), item: record.round.items[0] };
        },
        getRoundWithItems: async () => {
          reads += 1;
          return { record, items: [] };
        },
      },
    };
    const outsider = CALLERS['other agency'] as Caller;
    await itemHistory(counting, outsider, where);
    await readVersion(counting, outsider, where);
    await readDraft(counting, outsider, where);
    await sendReminders(counting, outsider, where);
    expect(reads).toBe(0);
  });
});
