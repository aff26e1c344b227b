/**
 * The acm-report HTTP API as a client sees it: used by the CLI against any
 * deployment (local or AWS) and by the local demo. An answer that is not a
 * success becomes an ApiError carrying the problems the API returned.
 */

import type { ValidationProblem } from '../validation/validation-problem.js';

export type UploadFormat = 'json' | 'txt' | 'docx';

export interface UploadView {
  uploadId: string;
  agencyId: string;
  roundId: string;
  itemNo: number;
  division: string;
  format: UploadFormat;
  status: 'requested' | 'accepted' | 'rejected';
  version?: number;
  problems?: ValidationProblem[];
}

export interface PresignedUploadView extends UploadView {
  expiresAt: string;
  maxBytes: number;
  post: { url: string; fields: Record<string, string> };
}

export interface ApprovalView {
  approvalId: string;
  role: string;
  status: string;
  phase?: string;
  subject:
    | { kind: 'item'; itemNo: number; division: string; version: number }
    | { kind: 'sign-off' };
  requestedAt?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problems: ValidationProblem[],
    message: string,
    /** From Retry-After, when the service asked to be tried again later (503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const CONTENT_TYPES: Record<UploadFormat, string> = {
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export class AcmApiClient {
  constructor(
    private readonly baseUrl: string,
    /** The bearer token (a Cognito ID token), or how to get one when first needed. */
    private readonly token: string | (() => Promise<string>),
  ) {}

  private bearer?: Promise<string>;

  private bearerToken(): Promise<string> {
    const token = this.token;
    this.bearer ??= typeof token === 'string' ? Promise.resolve(token) : token();
    return this.bearer;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.bearerToken()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { message: text };
    }
    if (!response.ok) {
      const problems = (parsed as { problems?: ValidationProblem[] }).problems ?? [];
      const message =
        problems[0]?.message.en ?? (parsed as { message?: string }).message ?? response.statusText;
      const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
      throw new ApiError(
        response.status,
        problems,
        `${method} ${path}: ${response.status} ${message}`,
        Number.isFinite(retryAfter) ? retryAfter : undefined,
      );
    }
    return parsed as T;
  }

  openRound(agencyId: string, round: unknown) {
    return this.call<{ agencyId: string; roundId: string }>(
      'POST',
      `/agencies/${agencyId}/rounds`,
      round,
    );
  }

  /** Opens the annual round from the published six-month round `h1RoundId` ("2566-h1"). */
  openFyFromH1(agencyId: string, h1RoundId: string, due?: string) {
    return this.call<{ agencyId: string; roundId: string; drafts: number }>(
      'POST',
      `/agencies/${agencyId}/rounds/${h1RoundId}/carry-over`,
      due === undefined ? {} : { due },
    );
  }

  roundStatus(agencyId: string, roundId: string) {
    return this.call<Record<string, unknown>>(
      'GET',
      `/agencies/${agencyId}/rounds/${roundId}/status`,
    );
  }

  requestUpload(agencyId: string, roundId: string, itemNo: number, format: UploadFormat) {
    return this.call<PresignedUploadView>(
      'POST',
      `/agencies/${agencyId}/rounds/${roundId}/items/${itemNo}/uploads`,
      {
        format,
      },
    );
  }

  getUpload(agencyId: string, uploadId: string) {
    return this.call<UploadView>('GET', `/agencies/${agencyId}/uploads/${uploadId}`);
  }

  listApprovals(agencyId: string) {
    return this.call<{ approvals: ApprovalView[] }>(
      'GET',
      `/approvals?agency=${encodeURIComponent(agencyId)}`,
    );
  }

  decide(approvalId: string, decision: 'approve' | 'return', comment?: string) {
    return this.call<{ approval: ApprovalView }>('POST', `/approvals/${approvalId}`, {
      decision,
      ...(comment ? { comment } : {}),
    });
  }
}

/** Sends a file through a presigned POST, as a browser form would. */
export async function postPresigned(
  post: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  fileName: string,
  contentType: string,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
  // The file must be the last field of the form: S3 ignores fields after it.
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), fileName);
  const response = await fetch(post.url, { method: 'POST', body: form });
  if (!response.ok && response.status !== 204) {
    throw new ApiError(
      response.status,
      [],
      `upload refused by storage: ${response.status} ${await response.text()}`,
    );
  }
  // fetch holds a connection until its body is read or cancelled.
  await response.body?.cancel();
}

/** The first status poll's delay, how much each later one grows, and its cap (ms). */
const UPLOAD_POLL = { firstMs: 200, growth: 1.5, maxMs: 2_000 } as const;

/**
 * Waits until an upload is accepted or rejected. The polls back off (200 ms,
 * 300, 450 … up to 2 s): most uploads are validated within a second or two
 * and answered after a few polls, while one that queues behind a busy
 * intake costs a poll every 2 s, not five a second. Polling at a fixed
 * 200 ms made a slow intake slower still: under load each upload carried
 * 50–75 status reads, and those reads took most of the stack's CPU.
 */
export async function waitForUpload(
  client: AcmApiClient,
  agencyId: string,
  uploadId: string,
  timeoutMs = 30_000,
): Promise<UploadView> {
  const deadline = Date.now() + timeoutMs;
  let delayMs: number = UPLOAD_POLL.firstMs;
  for (;;) {
    const view = await client.getUpload(agencyId, uploadId);
    if (view.status !== 'requested') return view;
    if (Date.now() > deadline)
      throw new Error(`upload ${uploadId} was not processed within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    delayMs = Math.min(delayMs * UPLOAD_POLL.growth, UPLOAD_POLL.maxMs);
  }
}
