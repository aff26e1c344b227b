/**
 * A sample of the Word corpus through the real intake path on the embedded
 * stack (S3 presigned POST → notification → SQS → intake → DynamoDB): a
 * division uploads each file for a plan item of a round the corpus report
 * belongs to. An accepted file's stored submission equals what the same
 * report typed as text gives through the same intake reader; a refused one
 * has its refusal recorded with its code in both languages, and the
 * original upload is kept byte for byte.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDivisions } from '../../local/local-identities.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import {
  AcmApiClient,
  CONTENT_TYPES,
  postPresigned,
  type UploadView,
} from '../../shared/adapters/acm-api-client.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import { validateRound } from '../../shared/validation/validate-document.js';
import type { ValidationProblem } from '../../shared/validation/validation-problem.js';
import { readUploadText } from '../../shared/workflow/read-upload.js';
import { resultObjectKey, submissionObjectKey } from '../../shared/workflow/upload-key.js';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = join(ROOT, 'test/fixtures/word');
const AGENCY = 'opdc';
const DIVISION = 'division-placeholder-01';

/** file, plan item it is sent for, and the typed text it must equal (or the refusal). */
const SAMPLE: Array<{ file: string; itemNo: number } & ({ typed: string } | { refuse: string })> = [
  { file: 'typed-labels-tab.docx', itemNo: 1, typed: 'one-item.txt' },
  { file: 'auto-multilevel-thai.docx', itemNo: 1, typed: 'one-item.txt' },
  { file: 'auto-multilevel-two-items-restart.docx', itemNo: 2, typed: 'two-items.txt' },
  { file: 'auto-strict-ooxml.docx', itemNo: 1, typed: 'one-item.txt' },
  { file: 'bullets-word.docx', itemNo: 1, typed: 'one-item.txt' },
  { file: 'shift-enter-breaks.docx', itemNo: 1, typed: 'one-item.txt' },
  { file: 'hidden-text.docx', itemNo: 1, typed: 'one-item.txt' },
  { file: 'text-box-and-picture.docx', itemNo: 1, typed: 'one-item.txt' },
  { file: 'form-table-unnumbered.docx', itemNo: 1, typed: 'one-item.txt' },
  { file: 'sarabun-it9-arabic-digits.docx', itemNo: 1, typed: 'one-item.txt' },
  { file: 'libreoffice-resaved-auto-multilevel-thai.docx', itemNo: 1, typed: 'one-item.txt' },
  { file: 'password-protected.docx', itemNo: 1, refuse: 'word.encrypted' },
  { file: 'legacy-doc-renamed.docx', itemNo: 1, refuse: 'word.legacyDoc' },
  { file: 'exported.pdf', itemNo: 1, refuse: 'word.pdf' },
  { file: 'content-control-empty.docx', itemNo: 1, refuse: 'word.notFilledIn' },
  { file: 'signature-block.docx', itemNo: 1, refuse: 'outline.signatureBlock' },
  { file: 'portal-template-untouched.docx', itemNo: 1, refuse: 'word.notFilledIn' },
];

/** The round the corpus report belongs to: FY 2567, six months, its two plan items. */
function corpusRound(): Round {
  const round = validateRound({
    type: 'round',
    schemaVersion: 1,
    agency: { id: AGENCY, nameTh: 'สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)' },
    fiscalYear: 2567,
    period: 'H1',
    due: '2024-04-30',
    approvalChain: ['division-director', 'anti-corruption-centre'],
    items: [
      {
        no: 1,
        kind: 'activity',
        title: 'กิจกรรมส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงาน',
        division: DIVISION,
      },
      { no: 2, kind: 'project', title: 'โครงการอบรมจริยธรรมสำหรับผู้บริหาร', division: DIVISION },
    ],
  });
  if (!round.ok) throw new Error('corpus round is invalid');
  return round.value;
}

interface Sent {
  file: string;
  uploadId: string;
  key: string;
  sha256: string;
}

let stack: LocalStack;
let roundId: string;
const round = corpusRound();
const sent = new Map<string, Sent>();
const views = new Map<string, UploadView>();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readObject(key: string): Promise<Uint8Array> {
  const out = await stack.s3.send(new GetObjectCommand({ Bucket: stack.incomingBucket, Key: key }));
  return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
}

beforeAll(async () => {
  stack = await startLocalStack({ agencyId: AGENCY, divisions: seedDivisions() });
  const coordinator = new AcmApiClient(stack.apiUrl, stack.tokenFor('coordinator'));
  ({ roundId } = await coordinator.openRound(AGENCY, round));
  const staff = new AcmApiClient(stack.apiUrl, stack.tokenFor('staff-1'));
  for (const one of SAMPLE) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, one.file)));
    const presigned = await staff.requestUpload(AGENCY, roundId, one.itemNo, 'docx');
    const key = presigned.post.fields.key ?? '';
    await postPresigned(presigned.post, bytes, one.file, CONTENT_TYPES.docx);
    sent.set(one.file, {
      file: one.file,
      uploadId: presigned.uploadId,
      key,
      sha256: sha256(bytes),
    });
  }
  // One more: an empty file, which no POST form carries, written where its upload was requested.
  const empty = await staff.requestUpload(AGENCY, roundId, 1, 'docx');
  const emptyKey = empty.post.fields.key ?? '';
  await stack.s3.send(
    new PutObjectCommand({
      Bucket: stack.incomingBucket,
      Key: emptyKey,
      Body: new Uint8Array(),
      ContentType: CONTENT_TYPES.docx,
    }),
  );
  sent.set('zero-byte.docx', {
    file: 'zero-byte.docx',
    uploadId: empty.uploadId,
    key: emptyKey,
    sha256: sha256(new Uint8Array()),
  });
  await stack.settle(90_000);
  for (const one of sent.values()) views.set(one.file, await staff.getUpload(AGENCY, one.uploadId));
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

const target = (one: Sent, itemNo: number) => ({
  agencyId: AGENCY,
  roundId,
  itemNo,
  division: DIVISION,
  uploadId: one.uploadId,
});

function expectRefusal(problems: readonly ValidationProblem[], code: string): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.code).toBe(code);
    expect(problem.message.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(problem.message.en).toMatch(/[A-Za-z]{3}/);
    expect(problem.fix.th).toMatch(/[\u0E00-\u0E7F]/);
  }
}

describe('Intake of Word files on the embedded stack', () => {
  it('settles every upload of the sample', () => {
    expect(sent.size).toBeGreaterThanOrEqual(10);
    expect([...views.values()].filter((v) => v.status === 'requested')).toEqual([]);
  });

  it.each(SAMPLE)('$file', async (one) => {
    // Prepare
    const upload = sent.get(one.file);
    const view = views.get(one.file);
    if (!upload || !view) throw new Error(`${one.file} was not sent`);
    const at = target(upload, one.itemNo);
    // Act
    const result = JSON.parse(new TextDecoder().decode(await readObject(resultObjectKey(at)))) as {
      status: string;
      problems?: ValidationProblem[];
    };
    // Assess
    expect(sha256(await readObject(upload.key)), 'original kept').toBe(upload.sha256);
    if ('refuse' in one) {
      expect(view.status).toBe('rejected');
      expectRefusal(result.problems ?? [], one.refuse);
      expectRefusal(view.problems ?? [], one.refuse);
      return;
    }
    expect(view.status, JSON.stringify(view.problems)).toBe('accepted');
    const stored = JSON.parse(new TextDecoder().decode(await readObject(submissionObjectKey(at))));
    const typed = readUploadText('txt', readFileSync(join(CORPUS, one.typed), 'utf8'), round, at);
    expect(typed.ok).toBe(true);
    expect(stored).toEqual(typed.ok ? JSON.parse(JSON.stringify(typed.value)) : undefined);
  });

  it('records the refusal of an empty file and keeps it', async () => {
    const upload = sent.get('zero-byte.docx');
    if (!upload) throw new Error('not sent');
    expect(views.get('zero-byte.docx')?.status).toBe('rejected');
    const result = JSON.parse(
      new TextDecoder().decode(await readObject(resultObjectKey(target(upload, 1)))),
    ) as { problems?: ValidationProblem[] };
    expectRefusal(result.problems ?? [], 'word.empty');
  });
});
