/**
 * The agency head signed off: publish report.json, report.pdf and
 * report.html under a new version, then the agency's index, to the
 * published bucket that CloudFront serves.
 */

import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbPublishedRepository } from '../../shared/adapters/dynamodb-published-repository.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { renderIndexHtml } from '../../shared/publish/render-index-html.js';
import { renderReportHtml } from '../../shared/publish/render-report-html.js';
import { renderReportPdf } from '../../shared/publish/render-report-pdf.js';
import { publishRound } from '../../shared/workflow/publish-round.js';
import { RoundTaskSchema } from '../../shared/workflow/workflow-payloads.js';
import { now, readEnvironment } from '../common/environment.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { taskHandler } from '../common/task-handler.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const ports = lazy(() => {
  const table = env.TABLE_NAME;
  return {
    rounds: new DynamoDbRoundRepository(documentClient(), table),
    published: new DynamoDbPublishedRepository(documentClient(), table),
    objects: new S3BlobStore(s3Client()),
    approvals: new DynamoDbApprovalRepository(documentClient(), table),
    render: {
      pdf: (report: Parameters<typeof renderReportPdf>[0]) => renderReportPdf(report),
      html: renderReportHtml,
      index: renderIndexHtml,
    },
    privateBucket: env.INCOMING_BUCKET,
    publicBucket: env.PUBLISHED_BUCKET,
    // The open data's IRIs are absolute under the site, whatever the variable's trailing slash.
    siteUrl: `${env.SITE_URL.replace(/\/+$/, '')}/`,
    now,
  };
});

type Published = Awaited<ReturnType<typeof publishRound>>;

async function onPublish(event: unknown): Promise<Published> {
  const task = RoundTaskSchema.parse(event);
  const published = await publishRound(ports(), task);
  observability.logger.info('published', { ...published });
  observability.metrics.addMetric('ReportsPublished', 'Count', 1);
  return published;
}

export const handler = taskHandler<Published>(observability, onPublish);
