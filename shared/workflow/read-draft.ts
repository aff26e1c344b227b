/**
 * The rolled-up report waiting for the agency head's sign-off (the latest
 * attempt's draft), for the sign-off preview in the portal. The report is
 * not carried through Lambda (a large round's passes its 6 MB response
 * limit): the answer is a presigned GET of the draft object, valid for
 * DRAFT_LINK_SECONDS, that the portal follows.
 */

import type { ValidationProblem } from '../validation/validation-problem.js';
import { mayReadDraft } from './authorisation.js';
import type { Caller } from './caller.js';
import { draftReportKey } from './draft-report-key.js';
import type { ObjectLinks, ObjectStore, RoundStore } from './ports.js';
import type { SignOff } from './round-record.js';
import { workflowProblem } from './workflow-messages.js';

export interface ReadDraftPorts {
  rounds: Pick<RoundStore, 'getRoundHeader'>;
  objects: Pick<ObjectStore, 'head'>;
  links: ObjectLinks;
  bucket: string;
  now: () => Date;
}

/** Long enough to open the preview on a slow line, short enough that a copied link soon dies. */
export const DRAFT_LINK_SECONDS = 300;

export interface DraftLink {
  agencyId: string;
  roundId: string;
  signOff: SignOff;
  /** A presigned GET of the draft report (JSON, as shared/schemas/report-schema.ts). */
  reportUrl: string;
  expiresAt: string;
  bytes: number;
}

export type ReadDraftOutcome =
  | {
      kind: 'found';
      draft: DraftLink;
    }
  | { kind: 'not-found' | 'forbidden'; problems: ValidationProblem[] };

export async function readDraft(
  ports: ReadDraftPorts,
  caller: Caller,
  where: { agencyId: string; roundId: string },
): Promise<ReadDraftOutcome> {
  const { agencyId, roundId } = where;
  const denied = mayReadDraft(caller, agencyId);
  if (denied) return { kind: 'forbidden', problems: [denied] };
  const record = await ports.rounds.getRoundHeader(agencyId, roundId);
  if (!record) {
    return {
      kind: 'not-found',
      problems: [workflowProblem('round.notFound', '$', { agencyId, roundId })],
    };
  }
  const { signOff } = record;
  if (!signOff) {
    return { kind: 'not-found', problems: [workflowProblem('draft.notYet', '$', { roundId })] };
  }
  const key = draftReportKey({ agencyId, roundId, attempt: signOff.attempt });
  // The roll-up writes the draft before it asks for the sign-off; until then there is none to link.
  const head = await ports.objects.head(ports.bucket, key).catch((error: unknown) => {
    if (isMissingObject(error)) return undefined;
    throw error;
  });
  if (!head) {
    return { kind: 'not-found', problems: [workflowProblem('draft.notYet', '$', { roundId })] };
  }
  const reportUrl = await ports.links.readUrl(ports.bucket, key, {
    expiresInSeconds: DRAFT_LINK_SECONDS,
    contentType: 'application/json; charset=utf-8',
  });
  const expiresAt = new Date(ports.now().getTime() + DRAFT_LINK_SECONDS * 1000).toISOString();
  return {
    kind: 'found',
    draft: { agencyId, roundId, signOff, reportUrl, expiresAt, bytes: head.size },
  };
}

/** S3 answers HEAD of a missing key with 404 "NotFound" (no body, so no NoSuchKey). */
function isMissingObject(error: unknown): boolean {
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}
