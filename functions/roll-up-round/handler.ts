/**
 * Every plan item approved: build the round's report from the approved
 * versions and keep it as the draft the agency head signs off.
 */

import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { type RollUpSummary, rollUpRound } from '../../shared/workflow/roll-up-round.js';
import { RoundTaskSchema } from '../../shared/workflow/workflow-payloads.js';
import { readEnvironment } from '../common/environment.js';
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
    submissions: new DynamoDbSubmissionRepository(documentClient(), table),
    objects: new S3BlobStore(s3Client()),
    bucket: env.INCOMING_BUCKET,
  };
});

async function onRollUp(event: unknown): Promise<RollUpSummary> {
  const task = RoundTaskSchema.parse(event);
  const summary = await rollUpRound(ports(), task.signOff);
  observability.logger.info('rolled up', { ...summary });
  return summary;
}

export const handler = taskHandler<RollUpSummary>(observability, onRollUp);
