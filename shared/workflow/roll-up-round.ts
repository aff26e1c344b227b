/**
 * The round's roll-up once every plan item is approved: the report built
 * from each item's approved version, with provenance back to the uploaded
 * object, saved as a private draft for the agency head to sign off.
 */

import { buildReport } from '../report/build-report.js';
import type { Report } from '../schemas/report-schema.js';
import type { Submission } from '../schemas/submission-schema.js';
import { validateSubmission } from '../validation/validate-submission.js';
import { mapLimit } from './map-limit.js';
import { DRAFTS_PREFIX } from './object-prefixes.js';
import type { ObjectStore, RoundStore, SubmissionStore } from './ports.js';
import { submissionId } from './submission-version.js';
import type { SignOffRef } from './workflow-payloads.js';

export interface RollUpPorts {
  rounds: RoundStore;
  submissions: SubmissionStore;
  objects: ObjectStore;
  /** The private bucket holding uploads, converted documents and drafts. */
  bucket: string;
}

export function draftReportKey(ref: SignOffRef): string {
  return `${DRAFTS_PREFIX}${ref.agencyId}/${ref.roundId}/a${ref.attempt}/report.json`;
}

export interface RollUpSummary {
  draftKey: string;
  items: number;
  budgetUsed: string;
}

export async function rollUpRound(ports: RollUpPorts, ref: SignOffRef): Promise<RollUpSummary> {
  const found = await ports.rounds.getRoundWithItems(ref.agencyId, ref.roundId);
  if (!found) throw new Error(`round ${ref.agencyId}/${ref.roundId} not found`);
  const approved = found.items.flatMap((item) =>
    item.approvedVersion === undefined
      ? []
      : [
          {
            agencyId: ref.agencyId,
            roundId: ref.roundId,
            itemNo: item.itemNo,
            version: item.approvedVersion,
          },
        ],
  );
  const versions = await ports.submissions.getVersions(approved);
  const submissions = await mapLimit(versions, 16, async (version): Promise<Submission> => {
    const document = validateSubmission(
      await ports.objects.getJson(ports.bucket, version.documentKey),
    );
    if (!document.ok)
      throw new Error(`stored submission ${version.documentKey} no longer validates`);
    return document.value;
  });
  const provenance = new Map(
    versions.map((v) => [
      v.itemNo,
      { submissionId: submissionId(v), version: v.version, sha256: v.source.sha256 },
    ]),
  );
  const built = buildReport(found.record.round, submissions, { provenance });
  if (!built.ok) {
    const codes = built.problems.map((p) => `${p.code} ${p.path}`).join('; ');
    throw new Error(`round ${ref.agencyId}/${ref.roundId} cannot be rolled up: ${codes}`);
  }
  const report: Report = built.value;
  const draftKey = draftReportKey(ref);
  await ports.objects.putJson(ports.bucket, draftKey, report);
  return { draftKey, items: report.items.length, budgetUsed: report.rollup.budgetUsed };
}
