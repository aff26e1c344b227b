/**
 * How the matrix asks each row's question: the request a principal sends,
 * the state a refusal must leave as it was, and the proof that an allowed
 * request really did its work (a round opened, an upload recorded, a
 * decision stored and the workflow moved on).
 */

import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import type { LocalStack } from '../../local/local-stack.js';
import { type Approval, itemApprovalId } from '../../shared/workflow/approval.js';
import { carriedDraftKey } from '../../shared/workflow/carry-over.js';
import { parseRoundId, roundIdOf } from '../../shared/workflow/round-id.js';
import { rowName } from './expected-matrix.js';
import { type MatrixState, roundDocument } from './matrix-state.js';
import { peopleProbes } from './people-probes.js';
import { AGENCY, OWNING_DIVISION, PRINCIPAL_KEYS, type Principal, subOf } from './principals.js';
import type { TableTruth } from './table-truth.js';

export interface ProbeRequest {
  params: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: an API answer is JSON of any shape; assertions check it.
  body: any;
}

export interface Probe {
  /** The request this principal sends; an allowed principal may claim a fresh target. */
  request(principal: Principal, allowed: boolean): Promise<ProbeRequest>;
  /** What a refusal must leave exactly as it was (read before and after the request). */
  unchanged(request: ProbeRequest): Promise<unknown>;
  /** That an allowed request did what it says. */
  happened(request: ProbeRequest, answer: ApiAnswer, principal: Principal): Promise<void>;
}

const identityOf = (principal: Principal) => {
  if (!principal.identity) throw new Error(`${principal.key} has no identity to act as`);
  return principal.identity;
};

/** The approver roles whose holders should find something in their inbox. */
const APPROVER_GROUPS = ['division-director', 'anti-corruption-centre', 'agency-head'].map(
  (role) => `${AGENCY}:${role}`,
);

/**
 * Whether someone with these groups may decide the approval, said again
 * here from the design (§4) rather than borrowed from the code under test:
 * they hold the step's role in the approval's agency, a director only for
 * their own division, and nobody decides what they uploaded.
 */
export function mayDecideByGroups(groups: readonly string[], sub: string, approval: Approval) {
  if (!groups.includes(`${approval.agencyId}:${approval.role}`)) return false;
  if (approval.subject.kind !== 'item') return true;
  const division = `${approval.agencyId}:division:${approval.subject.division}`;
  if (approval.role === 'division-director' && !groups.includes(division)) return false;
  return approval.subject.uploadedBy !== sub;
}

/** The annual round that continues a six-month round id ("2568-h1" → "2568-fy"). */
const fyOf = (h1RoundId: string) => roundIdOf(parseRoundId(h1RoundId)?.fiscalYear ?? 0, 'FY');

/** Nothing to compare after a read: the answer itself is checked for what it leaks. */
const nothingChanges = async () => null;

export function routeProbes(
  stack: LocalStack,
  truth: TableTruth,
  state: MatrixState,
): Map<string, Probe> {
  const round = { agencyId: AGENCY, roundId: state.roundId };
  const probes = new Map<string, Probe>();
  const add = (route: string, target: string, probe: Probe) =>
    probes.set(rowName({ route, target }), probe);

  add('open-round', 'a new round of the agency', {
    // A fiscal year per principal, so an allowed opening never collides with another cell's.
    request: async (principal) => ({
      params: { agencyId: AGENCY },
      body: roundDocument(
        2570 + PRINCIPAL_KEYS.indexOf(principal.key),
        'H1',
        ['division-director'],
        [OWNING_DIVISION],
      ),
    }),
    unchanged: (request) => {
      const { fiscalYear } = request.body as { fiscalYear: number };
      return truth.rounds.getRound(AGENCY, roundIdOf(fiscalYear, 'H1'));
    },
    happened: async (request, answer, principal) => {
      const { fiscalYear } = request.body as { fiscalYear: number };
      const roundId = roundIdOf(fiscalYear, 'H1');
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ agencyId: AGENCY, roundId });
      const stored = await truth.rounds.getRound(AGENCY, roundId);
      expect(stored?.openedBy).toBe(subOf(identityOf(principal)));
    },
  });

  add('open-fy-from-h1', 'the annual round of a published six-month round', {
    // Only the coordinator is allowed, so one published H1 round is enough.
    request: async () => ({
      params: { agencyId: AGENCY, roundId: state.publishedH1RoundId },
      body: {},
    }),
    unchanged: () => truth.rounds.getRound(AGENCY, fyOf(state.publishedH1RoundId)),
    happened: async (request, answer, principal) => {
      const roundId = fyOf(state.publishedH1RoundId);
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ agencyId: AGENCY, roundId, drafts: 1 });
      const [h1, fy] = await Promise.all([
        truth.rounds.getRound(AGENCY, String(request.params.roundId)),
        truth.rounds.getRound(AGENCY, roundId),
      ]);
      expect(fy?.openedBy).toBe(subOf(identityOf(principal)));
      expect(fy?.round).toEqual({ ...h1?.round, period: 'FY', due: expect.any(String) });
      const carried = await stack.s3.send(
        new GetObjectCommand({
          Bucket: stack.incomingBucket,
          Key: carriedDraftKey(AGENCY, roundId, 1),
        }),
      );
      const draft = JSON.parse((await carried.Body?.transformToString()) ?? '{}');
      expect(draft.carriedFrom).toMatchObject({
        roundId: state.publishedH1RoundId,
        itemVersion: 1,
      });
      expect(draft.submission).toMatchObject({
        period: 'FY',
        itemNo: 1,
        division: OWNING_DIVISION,
      });
    },
  });

  add('get-round', 'the open round', {
    request: async () => ({ params: round }),
    unchanged: nothingChanges,
    happened: async (_request, answer) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject(round);
      expect(answer.body.round.items.map((i: { division: string }) => i.division)).toEqual(
        state.divisions,
      );
    },
  });

  add('round-status', 'the open round', {
    request: async () => ({ params: round }),
    unchanged: nothingChanges,
    happened: async (_request, answer) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject(round);
      expect(answer.body.items.map((i: { division: string }) => i.division)).toEqual(
        state.divisions,
      );
      expect(answer.body.counts['awaiting-approval']).toBeGreaterThan(0);
    },
  });

  add('request-upload', "an item of the owning division's", {
    request: async () => ({
      params: { ...round, itemNo: String(state.owningItemNo) },
      body: { format: 'json' },
    }),
    unchanged: () => truth.uploadIds(),
    happened: async (_request, answer, principal) => {
      expect(answer.status).toBe(201);
      expect(answer.body.post.url).toEqual(expect.any(String));
      const record = await truth.uploads.getUpload(AGENCY, answer.body.uploadId);
      expect(record).toMatchObject({
        ...round,
        itemNo: state.owningItemNo,
        division: OWNING_DIVISION,
        status: 'requested',
        uploadedBy: subOf(identityOf(principal)),
      });
    },
  });

  add('get-upload', "an upload by the owning division's staff", {
    request: async () => ({ params: { agencyId: AGENCY, uploadId: state.readableUploadId } }),
    unchanged: nothingChanges,
    happened: async (_request, answer) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        uploadId: state.readableUploadId,
        status: 'accepted',
        version: 1,
      });
    },
  });

  add('list-approvals', "the agency's inbox (only what the caller may decide)", {
    request: async () => {
      // A decision made by an earlier cell may still be asking its next step.
      await stack.settle(60_000);
      return { params: {}, query: { agency: AGENCY } };
    },
    unchanged: nothingChanges,
    happened: async (_request, answer, principal) => {
      const identity = identityOf(principal);
      const expected = (await truth.pendingApprovals())
        .filter((a) => a.agencyId === AGENCY)
        .filter((a) => mayDecideByGroups(identity.groups, subOf(identity), a))
        .map((a) => a.approvalId)
        .sort();
      expect(answer.status).toBe(200);
      const listed = answer.body.approvals.map((a: Approval) => a.approvalId).sort();
      expect(listed).toEqual(expected);
      // An approver with an empty inbox would make the comparison above say nothing.
      if (identity.groups.some((g) => APPROVER_GROUPS.includes(g))) {
        expect(expected.length).toBeGreaterThan(0);
      }
      // The task token stays in the table.
      expect(JSON.stringify(answer.body)).not.toContain('taskToken');
    },
  });

  add('list-rounds', "the agency's rounds", {
    request: async () => ({ params: { agencyId: AGENCY } }),
    unchanged: nothingChanges,
    happened: async (_request, answer) => {
      expect(answer.status).toBe(200);
      const ids = answer.body.rounds.map((r: { roundId: string }) => r.roundId);
      expect(ids).toContain(state.roundId);
      expect(ids).toContain(state.draftRoundId);
    },
  });

  const item = { ...round, itemNo: String(state.owningItemNo) };
  add('get-item', "an item of the owning division's", {
    request: async () => ({ params: item }),
    unchanged: nothingChanges,
    happened: async (_request, answer) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        ...round,
        item: { no: state.owningItemNo, division: OWNING_DIVISION },
      });
      expect(answer.body.versions.map((v: { version: number }) => v.version)).toContain(1);
      expect(JSON.stringify(answer.body)).not.toContain('taskToken');
    },
  });

  add('get-version', "a version of the owning division's item", {
    request: async () => ({ params: { ...item, version: '1' } }),
    unchanged: nothingChanges,
    happened: async (_request, answer) => {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).toContain(OWNING_DIVISION);
      expect(JSON.stringify(answer.body)).toContain('"itemNo":1');
    },
  });

  // The item's carried draft as the carry-over writes it, from the published
  // H1 round's item 1 (approved in the set-up), written once before the first cell.
  let carriedWritten = false;
  const carriedFrom = () => ({
    roundId: state.publishedH1RoundId,
    publishedVersion: 1,
    itemVersion: 1,
    sha256: '0'.repeat(64),
  });
  add('get-carried-draft', "the carried draft of the owning division's item", {
    request: async () => {
      if (!carriedWritten) {
        await stack.s3.send(
          new PutObjectCommand({
            Bucket: stack.incomingBucket,
            Key: carriedDraftKey(AGENCY, state.roundId, state.owningItemNo),
            Body: JSON.stringify({
              carriedFrom: carriedFrom(),
              submission: { itemNo: state.owningItemNo, division: OWNING_DIVISION },
            }),
          }),
        );
        carriedWritten = true;
      }
      return { params: item };
    },
    unchanged: nothingChanges,
    happened: async (_request, answer) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        ...item,
        itemNo: state.owningItemNo,
        carriedFrom: carriedFrom(),
        submission: { division: OWNING_DIVISION },
      });
      // The H1 version's last step was decided in the set-up: when is said, not invented.
      expect(Date.parse(answer.body.approvedAt)).not.toBeNaN();
    },
  });

  add('get-draft', 'the rolled-up draft awaiting sign-off', {
    request: async () => ({ params: { agencyId: AGENCY, roundId: state.draftRoundId } }),
    unchanged: nothingChanges,
    happened: async (_request, answer) => {
      // The answer is a short-lived link to the draft, not the draft (Lambda's 6 MB limit).
      expect(answer.status).toBe(200);
      const draft = await fetch(answer.body.reportUrl);
      expect(draft.status).toBe(200);
      expect(((await draft.json()) as { type?: string }).type).toBe('report');
    },
  });

  add('list-decisions', "the caller's own decisions", {
    request: async () => ({ params: {}, query: { agency: AGENCY } }),
    unchanged: nothingChanges,
    happened: async (_request, answer, principal) => {
      expect(answer.status).toBe(200);
      const by = subOf(identityOf(principal));
      const deciders = answer.body.decisions.map((d: Approval) => d.decidedBy);
      // Only one's own: the owning director decided in the set-up, so has some to see.
      expect(deciders.every((d: string) => d === by)).toBe(true);
      if (principal.key === 'owning director') expect(deciders.length).toBeGreaterThan(0);
    },
  });

  /** Reminder notices delivered so far, once everything in flight has been delivered. */
  const remindersDelivered = async () => {
    await stack.settle(60_000);
    return stack.inbox.notices.filter(
      (n) => n.kind === 'submission-reminder' || n.kind === 'approval-reminder',
    ).length;
  };
  // Cells run one after another, so the count before this cell's request is this cell's.
  let remindersBefore = 0;
  add('send-reminders', 'the open round', {
    request: async () => {
      remindersBefore = await remindersDelivered();
      return { params: round };
    },
    unchanged: remindersDelivered,
    happened: async (_request, answer) => {
      expect(answer.status).toBe(202);
      const sent = answer.body.items.length + answer.body.approvals.length;
      // Every item of the round has been reported, so only approvers wait to be nudged.
      expect(answer.body.approvals.length).toBeGreaterThan(0);
      expect((await remindersDelivered()) - remindersBefore).toBe(sent);
    },
  });

  const decide = (target: string, role: keyof MatrixState['decisions']) => {
    const targets = state.decisions[role];
    add('decide-approval', target, {
      request: async (_principal, allowed) => {
        const approvalId = allowed ? targets.spares.shift() : targets.refused;
        if (!approvalId) throw new Error(`no spare ${role} approval left: add one to the state`);
        const stored = await truth.approvals.get(AGENCY, approvalId);
        expect(stored?.approval.status, `${approvalId} before the request`).toBe('pending');
        return { params: { approvalId }, body: { decision: 'approve' } };
      },
      unchanged: async (request) =>
        (await truth.approvals.get(AGENCY, request.params.approvalId ?? ''))?.approval,
      happened: async (request, answer, principal) => {
        const approvalId = request.params.approvalId ?? '';
        const by = subOf(identityOf(principal));
        expect(answer.status).toBe(200);
        expect(answer.body.approval).toMatchObject({
          approvalId,
          status: 'approved',
          decidedBy: by,
        });
        await stack.settle(60_000);
        const stored = await truth.approvals.get(AGENCY, approvalId);
        expect(stored?.approval).toMatchObject({ status: 'approved', decidedBy: by });
        await workflowMovedOn(stored?.approval);
      },
    });
  };
  /** The decision reached the waiting execution: the next step was asked, or the round moved. */
  const workflowMovedOn = async (approval: Approval | undefined) => {
    if (!approval) throw new Error('the decided approval vanished');
    const { subject, roundId } = approval;
    if (subject.kind === 'sign-off') {
      const record = await truth.rounds.getRound(AGENCY, roundId);
      expect(record?.signOff).toMatchObject({ state: 'approved' });
      expect(record?.publishedVersion).toBe(1);
      return;
    }
    const found = await truth.rounds.getRoundWithItems(AGENCY, roundId);
    const item = found?.items.find((i) => i.itemNo === subject.itemNo);
    if (approval.role === 'division-director') {
      const next = itemApprovalId(
        AGENCY,
        roundId,
        subject.itemNo,
        subject.version,
        approval.step + 1,
      );
      expect((await truth.approvals.get(AGENCY, next))?.approval.status).toBe('pending');
      expect(item?.waitingOn).toBe('anti-corruption-centre');
    } else {
      expect(item).toMatchObject({ status: 'approved', approvedVersion: subject.version });
    }
  };
  decide('division-director step', 'division-director');
  decide('anti-corruption-centre step', 'anti-corruption-centre');
  decide('agency-head sign-off', 'agency-head');
  for (const [name, probe] of peopleProbes(stack, truth)) probes.set(name, probe);
  return probes;
}
