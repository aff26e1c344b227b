/**
 * The annual (FY) round continues the six-month one. Opening the FY round
 * of a year whose H1 report was published carries the plan items over, and
 * each division's draft starts from its approved H1 version, taken from the
 * published H1 report (which holds exactly the approved versions, with
 * their provenance) and marked as carried over. A draft is only a starting
 * point: nothing reaches the FY report unless it is uploaded and approved
 * in the FY round itself (roll-up reads the FY round's approved versions).
 */

import { publishedPrefix } from '../publish/published-entry.js';
import type { Report } from '../schemas/report-schema.js';
import type { Round } from '../schemas/round-schema.js';
import type { Submission } from '../schemas/submission-schema.js';
import { validateReport } from '../validation/validate-document.js';
import { validateRound } from '../validation/validate-round.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import { defaultFyDue } from './annual-due.js';
import { CARRIED_PREFIX } from './object-prefixes.js';
import type { ObjectStore, RoundStore } from './ports.js';
import { roundIdOf } from './round-id.js';
import type { RoundRecord } from './round-record.js';

/** A published H1 report that no longer validates: the site was changed outside publishing. */
export class PublishedReportInvalidError extends Error {
  override readonly name = 'PublishedReportInvalidError';
  constructor(readonly key: string) {
    super(`published ${key} does not validate`);
  }
}

/** A division's FY draft that began as its approved H1 version. */
export interface CarriedDraft {
  /** Says, wherever the draft is shown, that it is H1's text until the division changes it. */
  carriedFrom: { roundId: string; publishedVersion: number; itemVersion: number; sha256: string };
  submission: Submission;
}

export function carriedDraftKey(agencyId: string, roundId: string, itemNo: number): string {
  return `${CARRIED_PREFIX}${agencyId}/${roundId}/${itemNo}.json`;
}

/** The FY round with H1's plan items, divisions and approval chain. */
export function fyRoundFrom(h1: Round, due: string): Round {
  return { ...h1, period: 'FY', due };
}

export function carriedDrafts(h1Report: Report): CarriedDraft[] {
  const roundId = roundIdOf(h1Report.fiscalYear, 'H1');
  return h1Report.items.map((item) => ({
    carriedFrom: {
      roundId,
      publishedVersion: h1Report.publishedVersion ?? 1,
      itemVersion: item.provenance?.version ?? 0,
      sha256: item.provenance?.sha256 ?? '',
    },
    submission: {
      type: 'submission',
      schemaVersion: 1,
      agencyId: h1Report.agency.id,
      fiscalYear: h1Report.fiscalYear,
      period: 'FY',
      itemNo: item.no,
      division: item.division,
      objectives: item.objectives,
      progress: item.progress,
      budgetUsed: item.budgetUsed,
      problems: item.problems,
      recommendations: item.recommendations,
    },
  }));
}

export interface CarryOverPorts {
  rounds: Pick<RoundStore, 'getRound'> & { openRound(record: RoundRecord): Promise<boolean> };
  objects: Pick<ObjectStore, 'getJson' | 'putJson'>;
  privateBucket: string;
  publicBucket: string;
  now: () => Date;
}

export type CarryOverOutcome =
  | { kind: 'opened'; roundId: string; round: Round; drafts: CarriedDraft[] }
  | { kind: 'no-h1' | 'no-published-h1' | 'already-open' }
  /** The FY round as it would open does not validate (a due date that is no date). */
  | { kind: 'invalid'; problems: ValidationProblem[] };

export async function openFyFromH1(
  ports: CarryOverPorts,
  where: { agencyId: string; fiscalYear: number; due?: string; openedBy: string },
): Promise<CarryOverOutcome> {
  const h1Id = roundIdOf(where.fiscalYear, 'H1');
  const h1 = await ports.rounds.getRound(where.agencyId, h1Id);
  if (!h1) return { kind: 'no-h1' };
  if (!h1.publishedVersion) return { kind: 'no-published-h1' };
  const round = validateRound(fyRoundFrom(h1.round, where.due ?? defaultFyDue(where.fiscalYear)));
  if (!round.ok) return { kind: 'invalid', problems: round.problems };
  const prefix = publishedPrefix(where.agencyId, where.fiscalYear, 'H1', h1.publishedVersion);
  const key = `${prefix}/report.json`;
  const report = validateReport(await ports.objects.getJson(ports.publicBucket, key));
  if (!report.ok) throw new PublishedReportInvalidError(key);
  const roundId = roundIdOf(where.fiscalYear, 'FY');
  const opened = await ports.rounds.openRound({
    agencyId: where.agencyId,
    roundId,
    round: round.value,
    openedBy: where.openedBy,
    openedAt: ports.now().toISOString(),
  });
  if (!opened) return { kind: 'already-open' };
  const drafts = carriedDrafts(report.value);
  for (const draft of drafts) {
    await ports.objects.putJson(
      ports.privateBucket,
      carriedDraftKey(where.agencyId, roundId, draft.submission.itemNo),
      draft,
    );
  }
  return { kind: 'opened', roundId, round: round.value, drafts };
}
