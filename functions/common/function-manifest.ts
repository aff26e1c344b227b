/**
 * What a function is, as plain data: its handler, its trigger, the
 * environment it reads, the AWS actions it may take on which of the stack's
 * resources, its memory and timeout. One manifest per function
 * (functions/<name>/manifest.ts) is read by infra (role, environment, event
 * source), by the handler (its typed environment, at init) and by the local
 * stack. Nothing here imports aws-cdk-lib: every handler bundle imports its
 * own manifest, and the CDK would add megabytes to each.
 */

/** The stack's resources a manifest may name; infra maps each to the real one. */
export type ResourceName =
  | 'table'
  | 'incoming-bucket'
  | 'published-bucket'
  | 'intake-queue'
  | 'approvals-queue'
  | 'state-machine'
  | 'user-pool'
  | 'mail-identity'
  | 'portal'
  /** The public site CloudFront serves the published bucket at. */
  | 'public-site'
  /** The Secrets Manager secret that holds the optional chat webhook's URL. */
  | 'notify-webhook-secret';

/**
 * Deployment settings (CDK context) a function may be given. Only what is
 * not secret: a value here lands in the template and the function's
 * environment in plain text (the webhook URL lives in a secret instead).
 */
export type SettingName = 'agencies';

/** Where an environment variable's value comes from when the stack is built. */
export type EnvironmentSource =
  | { resource: 'table' | 'incoming-bucket' | 'published-bucket'; attribute: 'name' }
  | { resource: 'approvals-queue' | 'intake-queue'; attribute: 'url' }
  | { resource: 'state-machine'; attribute: 'arn' }
  | { resource: 'user-pool'; attribute: 'id' }
  /** The From address, and the configuration set mail is sent through. */
  | { resource: 'mail-identity'; attribute: 'from' | 'configuration-set' }
  | { resource: 'portal'; attribute: 'url' }
  /** Absolute, ending in "/": open data names its files by IRIs under it. */
  | { resource: 'public-site'; attribute: 'url' }
  /** Its ARN, never its value: the handler reads the value at first use. */
  | { resource: 'notify-webhook-secret'; attribute: 'arn' }
  | { setting: SettingName };

export interface EnvironmentVariable {
  from: EnvironmentSource;
  /** Absent when its source is not configured (an optional setting). */
  optional?: boolean;
}

export type EnvironmentSpec = Readonly<Record<string, EnvironmentVariable>>;

export type DynamoDbAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:Query'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:BatchWriteItem'
  | 'dynamodb:ConditionCheckItem';
export type S3Action = 's3:GetObject' | 's3:PutObject';
export type SqsAction = 'sqs:SendMessage' | 'sqs:GetQueueAttributes' | 'sqs:GetQueueUrl';
export type StatesAction = 'states:StartExecution';
/** Task-token answers: IAM supports no resource-level permission for them (only "*"). */
export type TaskTokenAction = 'states:SendTaskSuccess' | 'states:SendTaskFailure';
export type SesAction = 'ses:SendEmail';
export type SecretsAction = 'secretsmanager:GetSecretValue';
export type CognitoAction =
  | 'cognito-idp:ListUsersInGroup'
  | 'cognito-idp:ListGroups'
  | 'cognito-idp:CreateGroup'
  | 'cognito-idp:AdminCreateUser'
  | 'cognito-idp:AdminAddUserToGroup'
  | 'cognito-idp:AdminRemoveUserFromGroup'
  | 'cognito-idp:AdminListGroupsForUser'
  | 'cognito-idp:AdminDisableUser';

/** One statement of the function's role: named actions on one symbolic resource. */
export type Grant =
  | {
      on: 'table';
      actions: readonly DynamoDbAction[];
      /** A secondary index instead of the table itself. */
      index?: string;
      /** Only items whose partition key starts with this (dynamodb:LeadingKeys). */
      partitionKeyPrefix?: string;
      why?: string;
    }
  | {
      on: 'incoming-bucket' | 'published-bucket';
      actions: readonly S3Action[];
      /** Object keys are data, so a prefix is the narrowest grant IAM can express. */
      prefix: string;
      why: string;
    }
  | { on: 'approvals-queue'; actions: readonly SqsAction[]; why?: string }
  | { on: 'state-machine'; actions: readonly StatesAction[]; why?: string }
  | { on: 'task-tokens'; actions: readonly TaskTokenAction[]; why: string }
  /** The SES identity and configuration set only, and only From the configured address. */
  | { on: 'mail-identity'; actions: readonly SesAction[]; why?: string }
  | { on: 'user-pool'; actions: readonly CognitoAction[]; why?: string }
  /** That one secret, by its ARN (the AWS-managed key decrypts it: no kms grant). */
  | { on: 'notify-webhook-secret'; actions: readonly SecretsAction[]; why?: string };

export type Trigger =
  | { kind: 'http'; method: 'GET' | 'POST'; path: string }
  | {
      kind: 'queue';
      queue: 'intake-queue' | 'approvals-queue';
      batchSize: number;
      maxBatchingWindowSeconds?: number;
    }
  | { kind: 'state-machine' }
  /** An EventBridge schedule (UTC cron fields). */
  | { kind: 'schedule'; cron: { minute: string; hour: string } };

export interface FunctionManifest<E extends EnvironmentSpec = EnvironmentSpec> {
  /** The folder under functions/ that holds handler.ts. */
  name: string;
  description: string;
  /** The export of handler.ts that Lambda calls. */
  handler: 'handler';
  trigger: Trigger;
  environment: E;
  grants: readonly Grant[];
  memorySize: number;
  timeoutSeconds: number;
  /** Files shipped beside the bundle (the PDF renderer reads its fonts from there). */
  bundleFiles?: 'report-fonts';
}

/** Keeps the literal environment keys, so the handler's typed environment names them. */
export function defineManifest<const E extends EnvironmentSpec>(
  manifest: FunctionManifest<E>,
): FunctionManifest<E> {
  return manifest;
}

/** Memory and timeout most functions need: one request, a few small reads and writes. */
export const SMALL_FUNCTION = { memorySize: 512, timeoutSeconds: 10 } as const;

/** The table, by name: almost every function has it. */
export const TABLE_NAME = { from: { resource: 'table', attribute: 'name' } } as const;
export const INCOMING_BUCKET = {
  from: { resource: 'incoming-bucket', attribute: 'name' },
} as const;
export const PUBLISHED_BUCKET = {
  from: { resource: 'published-bucket', attribute: 'name' },
} as const;
export const STATE_MACHINE_ARN = { from: { resource: 'state-machine', attribute: 'arn' } } as const;
export const APPROVALS_QUEUE_URL = {
  from: { resource: 'approvals-queue', attribute: 'url' },
} as const;

/** Where a notice's mail goes from, and the people it goes to. */
export const MAIL_FROM = { from: { resource: 'mail-identity', attribute: 'from' } } as const;
export const SES_CONFIGURATION_SET = {
  from: { resource: 'mail-identity', attribute: 'configuration-set' },
} as const;
export const PORTAL_URL = { from: { resource: 'portal', attribute: 'url' } } as const;
export const SITE_URL = { from: { resource: 'public-site', attribute: 'url' } } as const;
export const USER_POOL_ID = { from: { resource: 'user-pool', attribute: 'id' } } as const;
export const NOTIFY_WEBHOOK_SECRET_ARN = {
  from: { resource: 'notify-webhook-secret', attribute: 'arn' },
} as const;

/** Reading the agency's people: its groups, then each group's members. */
export const LIST_AGENCY_PEOPLE: readonly CognitoAction[] = [
  'cognito-idp:ListGroups',
  'cognito-idp:ListUsersInGroup',
];

/**
 * What sending to a queue takes: SendMessage (SendMessageBatch is
 * authorised as it). The SDK sends to the queue URL it is given and asks
 * nothing else of SQS, so the GetQueueAttributes and GetQueueUrl that the
 * CDK's grantSendMessages adds are left out (no function's requests used
 * them, on the local IAM front or in the bundles).
 */
export const SEND_TO_QUEUE: readonly SqsAction[] = ['sqs:SendMessage'];
