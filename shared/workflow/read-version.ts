/**
 * One stored version of a plan item's submission, as validated at intake,
 * beside its plan item: what the portal renders with the report's own
 * section renderer so a division and its approvers preview exactly what
 * will print.
 */

import type { PlanItemValue } from '../schemas/round-schema.js';
import type { Submission } from '../schemas/submission-schema.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import { mayReadItem, mayReadRound } from './authorisation.js';
import type { Caller } from './caller.js';
import { findRoundItem } from './find-round-item.js';
import type { RoundStore } from './ports.js';
import type { SubmissionVersion } from './submission-version.js';
import { workflowProblem } from './workflow-messages.js';

export interface ReadVersionPorts {
  rounds: Pick<RoundStore, 'getRoundItem'>;
  submissions: {
    getVersion(ref: {
      agencyId: string;
      roundId: string;
      itemNo: number;
      version: number;
    }): Promise<SubmissionVersion | undefined>;
  };
  objects: { getJson(bucket: string, key: string): Promise<unknown> };
  bucket: string;
}

export interface VersionDocument {
  agencyId: string;
  roundId: string;
  item: PlanItemValue;
  version: number;
  status: SubmissionVersion['status'];
  uploadedAt: string;
  submission: Submission;
}

export type ReadVersionOutcome =
  | { kind: 'found'; document: VersionDocument }
  | { kind: 'not-found' | 'forbidden'; problems: ValidationProblem[] };

export async function readVersion(
  ports: ReadVersionPorts,
  caller: Caller,
  where: { agencyId: string; roundId: string; itemNo: number; version: number },
): Promise<ReadVersionOutcome> {
  const { agencyId, roundId, itemNo, version } = where;
  // Nothing of another agency is read, not even whether the round exists.
  const outsider = mayReadRound(caller, agencyId);
  if (outsider) return { kind: 'forbidden', problems: [outsider] };
  const found = await findRoundItem(ports.rounds, where);
  if (found.kind === 'not-found') return found;
  const { item } = found;
  const denied = mayReadItem(caller, agencyId, item.division);
  if (denied) return { kind: 'forbidden', problems: [denied] };
  const stored =
    Number.isInteger(version) && version > 0
      ? await ports.submissions.getVersion({ agencyId, roundId, itemNo, version })
      : undefined;
  if (!stored) {
    return {
      kind: 'not-found',
      problems: [workflowProblem('version.notFound', '$', { itemNo, version })],
    };
  }
  // Stored only after it validated at intake: read back as it was written.
  const submission = (await ports.objects.getJson(ports.bucket, stored.documentKey)) as Submission;
  return {
    kind: 'found',
    document: {
      agencyId,
      roundId,
      item,
      version: stored.version,
      status: stored.status,
      uploadedAt: stored.uploadedAt,
      submission,
    },
  };
}
