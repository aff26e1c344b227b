/**
 * The commands for the people of a round, against any deployment:
 * `submit` (division), `status` (anyone of the agency), `approvals list |
 * approve | return` (approvers).
 */

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  ApiError,
  CONTENT_TYPES,
  postPresigned,
  type UploadFormat,
  waitForUpload,
} from '../../shared/adapters/acm-api-client.js';
import { formatProblems } from '../../shared/validation/format-problems.js';
import { type ConnectionOptions, connect } from '../api-connection.js';
import { readInputFile } from '../read-input-file.js';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../usage-error.js';

const FORMATS: Record<string, UploadFormat> = { '.json': 'json', '.txt': 'txt', '.docx': 'docx' };

async function itemOf(path: string, format: UploadFormat, given?: string): Promise<number> {
  if (given !== undefined) {
    const no = Number(given);
    if (!Number.isInteger(no) || no < 1)
      throw new UsageError(`--item ${given} is not a plan item number`);
    return no;
  }
  if (format === 'json') {
    const { text } = await readInputFile(path);
    try {
      const itemNo = (JSON.parse(text) as { itemNo?: unknown }).itemNo;
      if (typeof itemNo === 'number') return itemNo;
    } catch {
      // Unreadable JSON: the API will say exactly what is wrong with it.
    }
  }
  throw new UsageError('which plan item? give --item <no> (a JSON submission may carry "itemNo")');
}

/** Turns an API refusal into printed problems and exit 1; anything else propagates. */
async function reportingApiErrors(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    console.error(error.problems.length ? formatProblems(error.problems) : error.message);
    if (error.status === 401)
      console.error('The API did not accept your token: sign in again, or check --api.');
    return EXIT_INVALID;
  }
}

export async function runSubmit(
  file: string,
  options: ConnectionOptions & { round: string; item?: string; json?: boolean },
): Promise<number> {
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) throw new UsageError(`${file}: submit a .json, .txt or .docx file`);
  const { client, agencyId } = connect(options);
  const itemNo = await itemOf(file, format, options.item);
  const bytes = new Uint8Array(await readFile(file));
  return reportingApiErrors(async () => {
    const upload = await client.requestUpload(agencyId, options.round, itemNo, format);
    if (bytes.byteLength > upload.maxBytes) {
      throw new UsageError(`${file} is ${bytes.byteLength} bytes; the limit is ${upload.maxBytes}`);
    }
    console.error(`Uploading ${file} for item ${itemNo} (${format}, ${bytes.byteLength} bytes) …`);
    await postPresigned(upload.post, bytes, file.split('/').pop() ?? file, CONTENT_TYPES[format]);
    console.error('Uploaded; waiting for validation …');
    const result = await waitForUpload(client, agencyId, upload.uploadId, 120_000);
    if (options.json) console.log(JSON.stringify(result, null, 2));
    if (result.status === 'accepted') {
      if (!options.json)
        console.log(
          `✓ accepted as version ${result.version} of item ${itemNo} (upload ${result.uploadId})`,
        );
      return EXIT_OK;
    }
    if (!options.json) {
      console.log(formatProblems(result.problems ?? []));
      console.log(
        `✗ rejected (upload ${result.uploadId} is kept): fix the problems above and submit again`,
      );
    }
    return EXIT_INVALID;
  });
}

export async function runStatus(
  options: ConnectionOptions & { round: string; json?: boolean },
): Promise<number> {
  const { client, agencyId } = connect(options);
  return reportingApiErrors(async () => {
    const status = (await client.roundStatus(agencyId, options.round)) as {
      due: string;
      overdue: boolean;
      counts: Record<string, number>;
      missingDivisions: string[];
      missingDivisionNames?: Array<{ th: string }>;
      items: Array<{
        no: number;
        division: string;
        divisionName?: { th: string };
        progress: string;
        version?: number;
        waitingOn?: string;
      }>;
      publishedVersion?: number;
    };
    if (options.json) {
      console.log(JSON.stringify(status, null, 2));
      return EXIT_OK;
    }
    console.log(
      `Round ${options.round} of ${agencyId}: due ${status.due}${status.overdue ? ' (OVERDUE)' : ''}`,
    );
    console.log(
      `  ${Object.entries(status.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    // Names, not codes (a server from before names sends codes only).
    const missing = status.missingDivisionNames?.map((n) => n.th) ?? status.missingDivisions;
    if (missing.length) console.log(`  missing: ${missing.join(', ')}`);
    for (const item of status.items) {
      const detail = item.waitingOn ? ` — waiting on ${item.waitingOn}` : '';
      console.log(
        `  ${String(item.no).padStart(3)}  ${item.progress}${item.version ? ` v${item.version}` : ''}${detail}  (${item.divisionName?.th ?? item.division})`,
      );
    }
    if (status.publishedVersion) console.log(`  published: version ${status.publishedVersion}`);
    return EXIT_OK;
  });
}

export async function runApprovalsList(
  options: ConnectionOptions & { json?: boolean },
): Promise<number> {
  const { client, agencyId } = connect(options);
  return reportingApiErrors(async () => {
    const { approvals } = await client.listApprovals(agencyId);
    if (options.json) {
      console.log(JSON.stringify(approvals, null, 2));
      return EXIT_OK;
    }
    if (approvals.length === 0) console.log('Nothing waits for you.');
    for (const a of approvals) {
      const what =
        a.subject.kind === 'item'
          ? `item ${a.subject.itemNo} v${a.subject.version} (${a.subject.division})`
          : 'round sign-off';
      console.log(
        `${a.approvalId}  ${a.role}  ${what}${a.requestedAt ? `  since ${a.requestedAt}` : ''}`,
      );
    }
    return EXIT_OK;
  });
}

export async function runDecision(
  approvalId: string,
  decision: 'approve' | 'return',
  options: ConnectionOptions & { comment?: string },
): Promise<number> {
  if (decision === 'return' && !options.comment?.trim()) {
    throw new UsageError('say why: return <id> --comment "…" (the division reads it)');
  }
  const { client } = connect(options);
  return reportingApiErrors(async () => {
    const { approval } = await client.decide(approvalId, decision, options.comment);
    console.log(`✓ ${decision === 'approve' ? 'approved' : 'returned'} ${approval.approvalId}`);
    return EXIT_OK;
  });
}
