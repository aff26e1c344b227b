/**
 * A published site on the embedded services (dynalite, s3rver): the real
 * DynamoDB and S3 adapters, rounds and approval trails written through the
 * repositories, and publishRound run as the publish function runs it. The
 * public bucket is served as CloudFront serves it (local/public-site-server).
 */

import { createHash } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type EmbeddedServices,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startEmbeddedServices,
} from '../../local/embedded-services.js';
import { startPublicSite } from '../../local/public-site-server.js';
import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { DynamoDbPublishedRepository } from '../../shared/adapters/dynamodb-published-repository.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { renderIndexHtml } from '../../shared/publish/render-index-html.js';
import { renderReportHtml } from '../../shared/publish/render-report-html.js';
import { renderReportPdf } from '../../shared/publish/render-report-pdf.js';
import { buildReport } from '../../shared/report/build-report.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import type { Submission } from '../../shared/schemas/submission-schema.js';
import { itemApprovalId, signOffApprovalId } from '../../shared/workflow/approval.js';
import { type PublishPorts, publishRound } from '../../shared/workflow/publish-round.js';
import { draftReportKey } from '../../shared/workflow/roll-up-round.js';
import { roundIdOf } from '../../shared/workflow/round-id.js';

export const TABLE = 'acm-report-catalogue-test';
export const INCOMING = 'acm-report-catalogue-incoming';
export const PUBLISHED = 'acm-report-catalogue-published';

/** The people of a test agency: names and positions, as the ID token carries them. */
export const PEOPLE = {
  director: { sub: 'sub-director', name: 'นางสาวมาลี ตั้งใจดี', position: 'ผู้อำนวยการกอง' },
  centre: {
    sub: 'sub-centre',
    name: 'นายสมชาย รักษ์ธรรม',
    position: 'ผู้อำนวยการศูนย์ปฏิบัติการต่อต้านการทุจริต',
  },
  head: { sub: 'sub-head', name: 'นายปรีชา วงศ์สุจริต', position: 'เลขาธิการ' },
} as const;

export interface CatalogueSite {
  services: EmbeddedServices;
  s3: S3Client;
  siteUrl: string;
  ports: PublishPorts;
  /** Opens the round, records every approval, writes the draft and publishes it. */
  publish(round: Round, submissions: Submission[], at: string): Promise<Report>;
  close(): Promise<void>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function startCatalogueSite(): Promise<CatalogueSite> {
  const services = await startEmbeddedServices({ buckets: [INCOMING, PUBLISHED] });
  const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const dynamo = new DynamoDBClient({ ...common, endpoint: services.endpoints.dynamodb });
  await dynamo.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
  const documents = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const s3 = new S3Client({
    ...common,
    endpoint: services.endpoints.s3,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  for (const bucket of [INCOMING, PUBLISHED]) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch(() => undefined);
  }
  const site = await startPublicSite(s3, PUBLISHED);
  const rounds = new DynamoDbRoundRepository(documents, TABLE);
  const approvals = new DynamoDbApprovalRepository(documents, TABLE);
  const objects = new S3BlobStore(s3);
  let clock = new Date('2023-04-25T03:00:00Z');
  const ports: PublishPorts = {
    rounds,
    published: new DynamoDbPublishedRepository(documents, TABLE),
    objects,
    approvals,
    render: {
      pdf: (report) => renderReportPdf(report),
      html: (report) => renderReportHtml(report),
      index: renderIndexHtml,
    },
    privateBucket: INCOMING,
    publicBucket: PUBLISHED,
    siteUrl: `${site.url}/`,
    now: () => clock,
  };

  async function publish(round: Round, submissions: Submission[], at: string): Promise<Report> {
    clock = new Date(at);
    const agencyId = round.agency.id;
    const roundId = roundIdOf(round.fiscalYear, round.period);
    await rounds.openRound({ agencyId, roundId, round, openedBy: 'sub-coordinator', openedAt: at });
    const provenance = new Map(
      submissions.map((s) => [
        s.itemNo,
        {
          submissionId: `${agencyId}/${roundId}/${s.itemNo}`,
          version: 1,
          sha256: sha256(JSON.stringify(s)),
        },
      ]),
    );
    const built = buildReport(round, submissions, { provenance });
    if (!built.ok)
      throw new Error(`fixture report does not build: ${JSON.stringify(built.problems)}`);
    const deciders = [PEOPLE.director, PEOPLE.centre];
    for (const item of round.items) {
      for (const [step, role] of round.approvalChain.entries()) {
        const person = deciders[step] ?? PEOPLE.centre;
        const approval = {
          approvalId: itemApprovalId(agencyId, roundId, item.no, 1, step),
          agencyId,
          roundId,
          subject: {
            kind: 'item' as const,
            itemNo: item.no,
            division: item.division,
            version: 1,
            uploadedBy: 'sub-staff',
          },
          step,
          role,
          status: 'pending' as const,
          phase: 'request' as const,
          requestedAt: at,
        };
        await approvals.recordPending(approval, 'token');
        await approvals.settle({
          ...approval,
          status: 'approved',
          decidedBy: person.sub,
          decidedByName: person.name,
          decidedByPosition: person.position,
          decidedAt: at,
        });
      }
    }
    const ref = { agencyId, roundId, attempt: 1 };
    await objects.putJson(INCOMING, draftReportKey(ref), built.value);
    await rounds.claimSignOff(agencyId, roundId, { state: 'requested', attempt: 1, at });
    await publishRound(ports, {
      signOff: ref,
      decision: {
        decision: 'approved',
        approvalId: signOffApprovalId(agencyId, roundId, 1),
        by: PEOPLE.head.sub,
        byName: PEOPLE.head.name,
        byPosition: PEOPLE.head.position,
        at,
      },
    });
    return built.value;
  }

  return {
    services,
    s3,
    siteUrl: site.url,
    ports,
    publish,
    async close() {
      await site.close();
      await services.close();
    },
  };
}
