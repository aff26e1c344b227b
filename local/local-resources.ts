/**
 * Creates, in the embedded services, the table, buckets and queues the
 * template declares — with the template's names, keys, indexes and redrive
 * policies — and answers what each logical id stands for locally.
 */

import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  type CORSRule,
  CreateBucketCommand,
  PutBucketCorsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { EmbeddedServices } from './embedded-services.js';
import { LOCAL_CREDENTIALS } from './embedded-services.js';
import {
  type CfnTemplate,
  LOCAL_ACCOUNT,
  LOCAL_STAGE,
  type LocalNames,
  resolveIntrinsics,
  resourcesOfType,
} from './local-template.js';

export interface LocalQueue {
  name: string;
  url: string;
  arn: string;
}

export interface LocalResources extends LocalNames {
  tableName: string;
  /** logical id → bucket name */
  buckets: Map<string, string>;
  /** logical id → queue */
  queues: Map<string, LocalQueue>;
  /** Function logical id → its name, filled in when functions load. */
  functionNames: Map<string, string>;
  /**
   * Values for what no emulator creates from the template: the user pool's
   * Ref (the local pool's id), a distribution's domain ("Id.DomainName").
   */
  defined: Map<string, string>;
}

interface CfnCorsRule {
  AllowedMethods: string[];
  AllowedOrigins: string[];
  AllowedHeaders?: string[];
  ExposedHeaders?: string[];
  MaxAge?: number;
}

function corsRule(rule: CfnCorsRule): CORSRule {
  return {
    AllowedMethods: rule.AllowedMethods,
    AllowedOrigins: rule.AllowedOrigins,
    ...(rule.AllowedHeaders ? { AllowedHeaders: rule.AllowedHeaders } : {}),
    ...(rule.ExposedHeaders ? { ExposeHeaders: rule.ExposedHeaders } : {}),
    ...(rule.MaxAge !== undefined ? { MaxAgeSeconds: rule.MaxAge } : {}),
  };
}

/** Buckets have CloudFormation-made names in AWS; locally, stage-aware ones from their logical ids. */
function bucketName(logicalId: string): string {
  const base = logicalId
    .replace(/^Storage/, '')
    .replace(/[0-9A-F]{8}$/, '')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase();
  return `acm-report-${LOCAL_STAGE}-${base}`;
}

export async function createLocalResources(
  template: CfnTemplate,
  services: EmbeddedServices,
  region: string,
): Promise<LocalResources> {
  const common = { region, credentials: LOCAL_CREDENTIALS };
  const buckets = new Map(
    resourcesOfType(template, 'AWS::S3::Bucket').map(([id]) => [id, bucketName(id)]),
  );
  const queues = new Map<string, LocalQueue>();
  const functionNames = new Map<string, string>();
  const [tableEntry] = resourcesOfType(template, 'AWS::DynamoDB::Table');
  if (!tableEntry) throw new Error('the template has no table');
  // In AWS CloudFormation names the table; locally it is named after the stage.
  const tableName = String(tableEntry[1].Properties?.TableName ?? `acm-report-${LOCAL_STAGE}`);

  // Known from the template before the functions load: the IAM front reads
  // the roles' grants on functions (the state machine's) as their ARNs at start.
  for (const [id, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) {
    const name = fn.Properties?.FunctionName;
    if (typeof name === 'string') functionNames.set(id, name);
  }

  const defined = new Map<string, string>();
  const parameters = (template as { Parameters?: Record<string, { Default?: unknown }> })
    .Parameters;
  const names: LocalNames = {
    ref(id) {
      const value = defined.get(id);
      if (value !== undefined) return value;
      // Deployment parameters take their defaults locally.
      const parameter = parameters?.[id];
      if (parameter?.Default !== undefined) return String(parameter.Default);
      if (id === 'AWS::AccountId') return LOCAL_ACCOUNT;
      if (id === 'AWS::Region') return region;
      if (id === 'AWS::Partition') return 'aws';
      if (id === 'AWS::URLSuffix') return 'amazonaws.com';
      if (id === tableEntry[0]) return tableName;
      const bucket = buckets.get(id);
      if (bucket) return bucket;
      const queue = queues.get(id);
      if (queue) return queue.url;
      const fn = functionNames.get(id);
      if (fn) return fn;
      return id;
    },
    getAtt(id, attribute) {
      const value = defined.get(`${id}.${attribute}`);
      if (value !== undefined) return value;
      const queue = queues.get(id);
      if (queue && attribute === 'Arn') return queue.arn;
      if (queue && attribute === 'QueueName') return queue.name;
      const fn = functionNames.get(id);
      if (fn && attribute === 'Arn')
        return `arn:aws:lambda:${region}:${LOCAL_ACCOUNT}:function:${fn}`;
      const bucket = buckets.get(id);
      if (bucket && attribute === 'Arn') return `arn:aws:s3:::${bucket}`;
      const logGroup = template.Resources[id];
      if (logGroup?.Type === 'AWS::Logs::LogGroup' && attribute === 'Arn') {
        // As CloudFormation answers it; no local function writes logs through IAM, but its grant names it.
        const name = resolveIntrinsics(logGroup.Properties?.LogGroupName ?? id, names);
        return `arn:aws:logs:${region}:${LOCAL_ACCOUNT}:log-group:${String(name)}:*`;
      }
      if (id === tableEntry[0] && attribute === 'Arn') {
        return `arn:aws:dynamodb:${region}:${LOCAL_ACCOUNT}:table/${tableName}`;
      }
      return `${id}.${attribute}`;
    },
  };

  const dynamodb = new DynamoDBClient({ ...common, endpoint: services.endpoints.dynamodb });
  const props = tableEntry[1].Properties ?? {};
  await dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: props.AttributeDefinitions,
      KeySchema: props.KeySchema,
      GlobalSecondaryIndexes: props.GlobalSecondaryIndexes,
    } as CreateTableCommandInput),
  );

  const s3 = new S3Client({ ...common, endpoint: services.endpoints.s3, forcePathStyle: true });
  for (const name of buckets.values()) await s3.send(new CreateBucketCommand({ Bucket: name }));
  // The template's CORS rules (the portal's browser uploads), as S3 would apply them.
  for (const [id, bucket] of resourcesOfType(template, 'AWS::S3::Bucket')) {
    const cors = resolveIntrinsics(bucket.Properties?.CorsConfiguration, names) as
      | { CorsRules?: CfnCorsRule[] }
      | undefined;
    const rules = cors?.CorsRules;
    const name = buckets.get(id);
    if (!rules?.length || !name) continue;
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: name,
        CORSConfiguration: { CORSRules: rules.map(corsRule) },
      }),
    );
  }

  // Dead-letter queues first: the others' redrive policies name them.
  const sqs = new SQSClient({
    ...common,
    endpoint: services.endpoints.sqs,
    useQueueUrlAsEndpoint: false,
  });
  const queueEntries = resourcesOfType(template, 'AWS::SQS::Queue').sort(
    ([, a], [, b]) =>
      Number(Boolean(a.Properties?.RedrivePolicy)) - Number(Boolean(b.Properties?.RedrivePolicy)),
  );
  for (const [id, queue] of queueEntries) {
    const p = queue.Properties ?? {};
    const name = String(p.QueueName);
    const attributes: Record<string, string> = {};
    if (p.VisibilityTimeout !== undefined)
      attributes.VisibilityTimeout = String(p.VisibilityTimeout);
    if (p.MessageRetentionPeriod !== undefined)
      attributes.MessageRetentionPeriod = String(p.MessageRetentionPeriod);
    if (p.RedrivePolicy)
      attributes.RedrivePolicy = JSON.stringify(resolveIntrinsics(p.RedrivePolicy, names));
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: name, Attributes: attributes }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    queues.set(id, { name, url: String(QueueUrl), arn: String(Attributes?.QueueArn) });
  }

  return { ...names, tableName, buckets, queues, functionNames, defined };
}
