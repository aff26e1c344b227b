/**
 * The round's roll-up once every plan item is approved: the report built
 * from each item's approved version, with provenance back to the uploaded
 * object, saved as a private draft for the agency head to sign off.
 */

import { buildReport } from '../report/build-report.js';
import type { Report } from '../schemas/report-schema.js';
import type { Submission } from '../schemas/submission-schema.js';
import { validateSubmission } from '../validation/validate-submission.js';
import { draftReportKey } from './draft-report-key.js';
import { mapLimit } from './map-limit.js';
import type { ObjectStore, RoundStore, SubmissionStore } from './ports.js';
import { documentRefOf, type SubmissionVersion, submissionId } from './submission-version.js';
import type { SignOffRef } from './workflow-payloads.js';

export interface RollUpPorts {
  rounds: RoundStore;
  submissions: SubmissionStore;
  objects: ObjectStore;
  /** The private bucket holding uploads, converted documents and drafts. */
  bucket: string;
}

export { draftReportKey };

/**
 * S3 reads at once for documents not kept in the table (large ones, and
 * versions stored before documents were kept): enough to hide S3's latency,
 * few enough for one Lambda's sockets and memory.
 */
const S3_READS_IN_FLIGHT = 32;

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
  const submissions = await readSubmissions(ports, versions);
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

/**
 * Each approved version's document: from the table when it was kept there
 * (100 to a BatchGetItem), else its S3 copy. Either is checked again, as
 * the schema may have moved on since it was accepted.
 */
async function readSubmissions(
  ports: RollUpPorts,
  versions: readonly SubmissionVersion[],
): Promise<Submission[]> {
  const kept = await ports.submissions.getDocuments(versions.map(documentRefOf));
  return mapLimit(versions, S3_READS_IN_FLIGHT, async (version) => {
    const stored = kept.has(version.source.uploadId)
      ? kept.get(version.source.uploadId)
      : await ports.objects.getJson(ports.bucket, version.documentKey);
    const document = validateSubmission(stored);
    if (!document.ok) {
      throw new Error(`stored submission ${version.documentKey} no longer validates`);
    }
    return document.value;
  });
}
