/**
 * The acm-report API as the portal calls it, with the signed-in person's
 * token. An answer that is not a success becomes a PortalApiError carrying
 * the bilingual problems the API returned. Uploads go straight to S3
 * through the presigned POST, with XMLHttpRequest for its upload progress
 * (fetch has no upload progress events).
 */

import type { AgencyPerson } from '../../../shared/people/agency-person.js';
import type { PeopleChange } from '../../../shared/people/people-change.js';
import type { InviteRequest } from '../../../shared/people/people-requests.js';
import type { Report } from '../../../shared/schemas/report-schema.js';
import type { Round } from '../../../shared/schemas/round-schema.js';
import type { ValidationProblem } from '../../../shared/validation/validation-problem.js';
import type { Approval } from '../../../shared/workflow/approval.js';
import type { ItemHistory } from '../../../shared/workflow/item-history.js';
import type { CarriedDraftDocument } from '../../../shared/workflow/read-carried-draft.js';
import type { VersionDocument } from '../../../shared/workflow/read-version.js';
import { newestRoundFirst } from '../../../shared/workflow/round-order.js';
import type { RoundListing, RoundRecord, SignOff } from '../../../shared/workflow/round-record.js';
import type { RoundStatus } from '../../../shared/workflow/round-status.js';
import type { RemindersSent } from '../../../shared/workflow/send-reminders.js';
import type { UploadFormat } from '../../../shared/workflow/upload-key.js';

export type {
  AgencyPerson,
  Approval,
  CarriedDraftDocument,
  ItemHistory,
  PeopleChange,
  Report,
  Round,
  RoundListing,
  RoundStatus,
  VersionDocument,
};

export interface UploadView {
  uploadId: string;
  itemNo: number;
  status: 'requested' | 'accepted' | 'rejected';
  requestedAt: string;
  settledAt?: string;
  version?: number;
  problems?: ValidationProblem[];
  problemCount?: number;
}

export interface PresignedUpload extends UploadView {
  post: { url: string; fields: Record<string, string> };
}

export class PortalApiError extends Error {
  override readonly name = 'PortalApiError';
  constructor(
    readonly status: number,
    readonly problems: ValidationProblem[],
  ) {
    super(problems[0]?.message.en ?? `HTTP ${status}`);
  }
}

export const CONTENT_TYPES: Record<UploadFormat, string> = {
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The upload format a file name stands for, or undefined for anything else. */
export function formatOfFile(name: string): UploadFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension === 'json' || extension === 'txt' || extension === 'docx'
    ? extension
    : undefined;
}

/** The presigned draft link would not open (expired, or S3 unreachable): said in our words. */
const DRAFT_LINK_FAILED: ValidationProblem = {
  path: '$',
  code: 'draft.linkFailed',
  message: { th: 'เปิดร่างรายงานไม่สำเร็จ', en: 'The draft report could not be opened' },
  fix: {
    th: 'โหลดหน้านี้ใหม่ ลิงก์ร่างรายงานใช้ได้ ๕ นาที',
    en: 'Reload the page: the link to the draft lasts 5 minutes',
  },
};

export class PortalApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    /** Told when the API refuses the token (401: expired or revoked), before the call fails. */
    private readonly onUnauthorised?: () => void,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : {};
    if (response.status === 401) this.onUnauthorised?.();
    if (!response.ok) {
      throw new PortalApiError(
        response.status,
        (parsed as { problems?: ValidationProblem[] }).problems ?? [],
      );
    }
    return parsed as T;
  }

  listPeople(agencyId: string) {
    return this.call<{ people: AgencyPerson[] }>('GET', `/agencies/${agencyId}/people`);
  }

  invitePerson(agencyId: string, invitation: InviteRequest) {
    return this.call<{ person: AgencyPerson }>('POST', `/agencies/${agencyId}/people`, invitation);
  }

  /** Adds or removes one role or division (`{ role }` or `{ division }`). */
  changePersonGroups(
    agencyId: string,
    sub: string,
    change: 'add' | 'remove',
    group: { role: string } | { division: string },
  ) {
    return this.call<{ person: AgencyPerson }>(
      'POST',
      `/agencies/${agencyId}/people/${encodeURIComponent(sub)}/groups`,
      { change, ...group },
    );
  }

  disablePerson(agencyId: string, sub: string) {
    return this.call<{ person: AgencyPerson }>(
      'POST',
      `/agencies/${agencyId}/people/${encodeURIComponent(sub)}/disable`,
    );
  }

  listPeopleChanges(agencyId: string) {
    return this.call<{ changes: PeopleChange[] }>('GET', `/agencies/${agencyId}/people/changes`);
  }

  /** Newest first by the domain's own order, whatever order the answer came in: pages open on the first. */
  async listRounds(agencyId: string) {
    const listed = await this.call<{ rounds: RoundListing[] }>(
      'GET',
      `/agencies/${agencyId}/rounds`,
    );
    return { ...listed, rounds: [...listed.rounds].sort(newestRoundFirst) };
  }

  getRound(agencyId: string, roundId: string) {
    return this.call<RoundRecord>('GET', `/agencies/${agencyId}/rounds/${roundId}`);
  }

  roundStatus(agencyId: string, roundId: string) {
    return this.call<RoundStatus>('GET', `/agencies/${agencyId}/rounds/${roundId}/status`);
  }

  openRound(agencyId: string, round: unknown) {
    return this.call<{ roundId: string }>('POST', `/agencies/${agencyId}/rounds`, round);
  }

  /** Opens the annual round from the published six-month round `h1RoundId` ("2566-h1"). */
  openFyFromH1(agencyId: string, h1RoundId: string, due?: string) {
    return this.call<{ roundId: string; drafts: number }>(
      'POST',
      `/agencies/${agencyId}/rounds/${h1RoundId}/carry-over`,
      due === undefined ? {} : { due },
    );
  }

  remind(agencyId: string, roundId: string) {
    return this.call<RemindersSent>(
      'POST',
      `/agencies/${agencyId}/rounds/${roundId}/reminders`,
      {},
    );
  }

  getItem(agencyId: string, roundId: string, itemNo: number) {
    return this.call<ItemHistory>('GET', `/agencies/${agencyId}/rounds/${roundId}/items/${itemNo}`);
  }

  getVersion(agencyId: string, roundId: string, itemNo: number, version: number) {
    return this.call<VersionDocument>(
      'GET',
      `/agencies/${agencyId}/rounds/${roundId}/items/${itemNo}/versions/${version}`,
    );
  }

  /** The item's draft carried over from its approved H1 version (404 when none was). */
  getCarriedDraft(agencyId: string, roundId: string, itemNo: number) {
    return this.call<CarriedDraftDocument>(
      'GET',
      `/agencies/${agencyId}/rounds/${roundId}/items/${itemNo}/carried`,
    );
  }

  /**
   * The draft awaiting sign-off. The API answers a short-lived presigned GET
   * (a large round's report passes Lambda's 6 MB limit), fetched here from
   * S3 directly, without our token: the signature in the URL is the
   * permission, and S3 refuses a request that carries both.
   */
  async getDraft(agencyId: string, roundId: string): Promise<{ signOff: SignOff; report: Report }> {
    const link = await this.call<{ signOff: SignOff; reportUrl: string }>(
      'GET',
      `/agencies/${agencyId}/rounds/${roundId}/draft`,
    );
    const response = await fetch(link.reportUrl);
    if (!response.ok) throw new PortalApiError(response.status, [DRAFT_LINK_FAILED]);
    return { signOff: link.signOff, report: (await response.json()) as Report };
  }

  requestUpload(agencyId: string, roundId: string, itemNo: number, format: UploadFormat) {
    return this.call<PresignedUpload>(
      'POST',
      `/agencies/${agencyId}/rounds/${roundId}/items/${itemNo}/uploads`,
      { format },
    );
  }

  getUpload(agencyId: string, uploadId: string) {
    return this.call<UploadView>('GET', `/agencies/${agencyId}/uploads/${uploadId}`);
  }

  listApprovals(agencyId: string) {
    return this.call<{ approvals: Approval[] }>(
      'GET',
      `/approvals?agency=${encodeURIComponent(agencyId)}`,
    );
  }

  listDecisions(agencyId: string) {
    return this.call<{ decisions: Approval[] }>(
      'GET',
      `/approvals/decided?agency=${encodeURIComponent(agencyId)}`,
    );
  }

  decide(approvalId: string, decision: 'approve' | 'return', comment?: string) {
    return this.call<{ approval: Approval }>('POST', `/approvals/${approvalId}`, {
      decision,
      ...(comment ? { comment } : {}),
    });
  }
}

/**
 * Sends a file through a presigned POST, reporting progress (0–1). The file
 * is the last field: S3 ignores fields after it.
 */
export function postWithProgress(
  post: { url: string; fields: Record<string, string> },
  file: Blob,
  fileName: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
  form.append('file', file, fileName);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', post.url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new Error(`storage answered ${request.status}`));
    });
    request.addEventListener('error', () => reject(new Error('network error')));
    request.send(form);
  });
}
