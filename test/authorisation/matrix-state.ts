/**
 * The state the matrix acts on, made through the API as people make it:
 * the coordinator opens rounds, divisions upload through presigned POSTs,
 * the owning director approves some items so later steps are reached.
 *
 * Decisions are one-shot, so each decide-approval row gets one approval that
 * only refused principals try (it must stay pending) and a spare for each
 * principal allowed to decide, so no cell depends on another having run.
 */

import type { LocalIdentity } from '../../local/local-identities.js';
import type { LocalStack } from '../../local/local-stack.js';
import {
  AcmApiClient,
  CONTENT_TYPES,
  postPresigned,
  waitForUpload,
} from '../../shared/adapters/acm-api-client.js';
import type { ApprovalRoleCode } from '../../shared/schemas/approval-role.js';
import { itemApprovalId, signOffApprovalId } from '../../shared/workflow/approval.js';
import { roundIdOf } from '../../shared/workflow/round-id.js';
import { seedRoundJson, seedSubmissionJson } from '../helpers/seed-round.js';
import { AGENCY, OTHER_DIVISION, OWNING_DIVISION } from './principals.js';
import type { TableTruth } from './table-truth.js';

export type Period = 'H1' | 'FY';

/** The approvals one decide-approval row acts on. */
export interface DecisionTargets {
  /** Tried by every refused principal; must still be pending afterwards. */
  refused: string;
  /** One fresh pending approval per allowed principal, taken in turn. */
  spares: string[];
}

export interface MatrixState {
  /** The round every read, upload and item decision is about. */
  roundId: string;
  /** An item of the owning division's in that round. */
  owningItemNo: number;
  /** The items' divisions in plan order. */
  divisions: string[];
  /** An upload made by the owning division's staff, accepted. */
  readableUploadId: string;
  /** A round whose rolled-up draft waits for the agency head. */
  draftRoundId: string;
  /** A six-month round signed off and published, whose annual round is not open. */
  publishedH1RoundId: string;
  decisions: Record<
    'division-director' | 'anti-corruption-centre' | 'agency-head',
    DecisionTargets
  >;
}

/** The due date a round of that fiscal year and period would have (a month after it ends). */
function dueOf(fiscalYear: number, period: Period): string {
  const year = fiscalYear - 543;
  return period === 'H1' ? `${year}-04-30` : `${year}-10-31`;
}

/** A round document of the agency: one plan item per division given, in that order. */
export function roundDocument(
  fiscalYear: number,
  period: Period,
  approvalChain: ApprovalRoleCode[],
  divisions: readonly string[],
) {
  const seed = seedRoundJson() as { agency: unknown };
  return {
    type: 'round',
    schemaVersion: 1,
    agency: seed.agency,
    fiscalYear,
    period,
    due: dueOf(fiscalYear, period),
    approvalChain,
    items: divisions.map((division, index) => ({
      no: index + 1,
      kind: 'activity',
      title: `กิจกรรมทดสอบสิทธิ์ลำดับที่ ${index + 1}`,
      division,
    })),
  };
}

/** Seed item 1's content, said to be about another round's item. */
function submissionFor(fiscalYear: number, period: Period, itemNo: number, division: string) {
  const seed = seedSubmissionJson(1) as Record<string, unknown>;
  return { ...seed, agencyId: AGENCY, fiscalYear, period, itemNo, division };
}

/** Who makes the state: the demo's people and the uploading director. */
export interface MatrixCast {
  coordinator: LocalIdentity;
  owningStaff: LocalIdentity;
  otherStaff: LocalIdentity;
  owningDirector: LocalIdentity;
  uploadingDirector: LocalIdentity;
  agencyHead: LocalIdentity;
}

export async function buildMatrixState(
  stack: LocalStack,
  truth: TableTruth,
  cast: MatrixCast,
): Promise<MatrixState> {
  const clientOf = (identity: LocalIdentity) =>
    new AcmApiClient(stack.apiUrl, stack.tokenFor(identity.id));

  const main = { fiscalYear: 2566, period: 'H1' as const };
  // Items 1–4 are what the uploading director decides on; 5 is the owning
  // staff's (in the owning director's inbox), 6 another division's.
  const divisions = [...Array(5).fill(OWNING_DIVISION), OTHER_DIVISION] as string[];
  // Two one-item rounds that end in a sign-off: one stays waiting, one is signed.
  const signOffRounds = [
    { fiscalYear: 2567, period: 'H1' as const },
    { fiscalYear: 2567, period: 'FY' as const },
  ];
  // A one-item round signed off and published in setup: the annual round continues it.
  const publishedH1 = { fiscalYear: 2568, period: 'H1' as const };
  const oneItemRounds = [...signOffRounds, publishedH1];

  const coordinator = clientOf(cast.coordinator);
  const roundId = roundIdOf(main.fiscalYear, main.period);
  await coordinator.openRound(
    AGENCY,
    roundDocument(
      main.fiscalYear,
      main.period,
      ['division-director', 'anti-corruption-centre'],
      divisions,
    ),
  );
  for (const r of oneItemRounds) {
    await coordinator.openRound(
      AGENCY,
      roundDocument(r.fiscalYear, r.period, ['division-director'], [OWNING_DIVISION]),
    );
  }

  const upload = async (
    who: LocalIdentity,
    where: { fiscalYear: number; period: Period },
    itemNo: number,
    division: string,
  ) => {
    const client = clientOf(who);
    const id = roundIdOf(where.fiscalYear, where.period);
    const presigned = await client.requestUpload(AGENCY, id, itemNo, 'json');
    const bytes = new TextEncoder().encode(
      JSON.stringify(submissionFor(where.fiscalYear, where.period, itemNo, division)),
    );
    await postPresigned(presigned.post, bytes, `item-${itemNo}.json`, CONTENT_TYPES.json);
    // Nine uploads at once on a loaded machine: wait as long as intake needs.
    const view = await waitForUpload(client, AGENCY, presigned.uploadId, 120_000);
    if (view.status !== 'accepted') {
      throw new Error(`setup upload ${id}/${itemNo} was ${view.status}: ${JSON.stringify(view)}`);
    }
    return view.uploadId;
  };
  const [readableUploadId] = await Promise.all([
    upload(cast.owningStaff, main, 5, OWNING_DIVISION),
    ...[1, 2, 3, 4].map((no) => upload(cast.uploadingDirector, main, no, OWNING_DIVISION)),
    upload(cast.otherStaff, main, 6, OTHER_DIVISION),
    ...oneItemRounds.map((r) => upload(cast.owningStaff, r, 1, OWNING_DIVISION)),
  ]);
  await stack.settle(60_000);

  // The owning director moves items 3 and 4 on to the anti-corruption centre,
  // and approves the sign-off rounds' only item, which asks the agency head.
  const director = clientOf(cast.owningDirector);
  const directorStep = (id: string, itemNo: number) => itemApprovalId(AGENCY, id, itemNo, 1, 0);
  for (const no of [3, 4]) await director.decide(directorStep(roundId, no), 'approve');
  for (const r of oneItemRounds) {
    await director.decide(directorStep(roundIdOf(r.fiscalYear, r.period), 1), 'approve');
  }
  await stack.settle(60_000);
  const publishedH1RoundId = roundIdOf(publishedH1.fiscalYear, publishedH1.period);
  await clientOf(cast.agencyHead).decide(
    signOffApprovalId(AGENCY, publishedH1RoundId, 1),
    'approve',
  );
  await stack.settle(60_000);
  if (!(await truth.rounds.getRound(AGENCY, publishedH1RoundId))?.publishedVersion) {
    throw new Error(`setup: ${publishedH1RoundId} was signed off but not published`);
  }

  const centreStep = (no: number) => itemApprovalId(AGENCY, roundId, no, 1, 1);
  const [waitingSignOff, spareSignOff] = signOffRounds.map((r) =>
    signOffApprovalId(AGENCY, roundIdOf(r.fiscalYear, r.period), 1),
  ) as [string, string];
  const state: MatrixState = {
    roundId,
    owningItemNo: 1,
    divisions,
    readableUploadId: readableUploadId ?? '',
    draftRoundId: roundIdOf(signOffRounds[0]?.fiscalYear ?? 0, signOffRounds[0]?.period ?? 'H1'),
    publishedH1RoundId,
    decisions: {
      'division-director': {
        refused: directorStep(roundId, 1),
        spares: [directorStep(roundId, 2)],
      },
      'anti-corruption-centre': { refused: centreStep(3), spares: [centreStep(4)] },
      'agency-head': { refused: waitingSignOff, spares: [spareSignOff] },
    },
  };
  // Every approval the matrix relies on is really waiting before any cell runs.
  const pending = new Set((await truth.pendingApprovals()).map((a) => a.approvalId));
  for (const targets of Object.values(state.decisions)) {
    for (const id of [targets.refused, ...targets.spares]) {
      if (!pending.has(id)) throw new Error(`setup: approval ${id} is not pending`);
    }
  }
  return state;
}
