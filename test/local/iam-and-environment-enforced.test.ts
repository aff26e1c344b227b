/**
 * The local stack fails the way AWS would when a manifest lacks something
 * its handler needs: an action dropped from one function's manifest is
 * refused with AccessDenied by the emulator's endpoint (the IAM front
 * evaluating that function's role from the synthesised template), and a
 * variable dropped from another's fails that function at init, naming it.
 * With secretsmanager:GetSecretValue dropped from notify-approvers, its read
 * of the chat webhook's secret is refused the same way, and a notice is
 * mailed but failed back to its queue (logged), never silently sent to no
 * webhook. Built from the real manifests, the same requests pass and the
 * webhook receives the notice through the secret.
 */

import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionManifest } from '../../functions/common/function-manifest.js';
import { MANIFESTS, manifestCatalog } from '../../functions/manifests.js';
import { LOCAL_REGION } from '../../local/embedded-services.js';
import { localEmail } from '../../local/local-identities.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import { approvalsNoticeEvent } from './approvals-notice-event.js';

const AGENCY = 'opdc';

function withChanges(changes: Record<string, (m: FunctionManifest) => FunctionManifest>) {
  return manifestCatalog(MANIFESTS.map((m) => changes[m.name]?.(m) ?? m));
}

/**
 * get-upload without dynamodb:GetItem; list-rounds without TABLE_NAME;
 * notify-approvers without secretsmanager:GetSecretValue.
 */
const broken = withChanges({
  'get-upload': (m) => ({
    ...m,
    grants: m.grants
      .map((g) =>
        g.on === 'table' ? { ...g, actions: g.actions.filter((a) => a !== 'dynamodb:GetItem') } : g,
      )
      .filter((g) => g.actions.length > 0),
  }),
  'list-rounds': (m) => {
    const { TABLE_NAME: _, ...environment } = m.environment;
    return { ...m, environment };
  },
  'notify-approvers': (m) => ({
    ...m,
    grants: m.grants.filter((g) => g.on !== 'notify-webhook-secret'),
  }),
});

async function start(manifests = manifestCatalog()): Promise<LocalStack> {
  return startLocalStack({ agencyId: AGENCY, divisions: ['d1'], portal: false, manifests });
}

/** A GetItem signed as the function itself, sent to the endpoint its SDK clients use. */
function getItemAs(stack: LocalStack, folder: string) {
  const fn = stack.functions.all.find((f) => f.folder === folder);
  if (!fn) throw new Error(`no ${folder}`);
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: stack.iam.endpoints.dynamodb,
    credentials: fn.credentials,
  });
  return client
    .send(
      new GetItemCommand({
        TableName: stack.resources.tableName,
        Key: { pk: { S: `AGENCY#${AGENCY}` }, sk: { S: 'ROUND#2566-h1' } },
      }),
    )
    .finally(() => client.destroy());
}

function credentialsOf(stack: LocalStack, folder: string) {
  const fn = stack.functions.all.find((f) => f.folder === folder);
  if (!fn) throw new Error(`no ${folder}`);
  return fn.credentials;
}

/** The webhook secret read as notify-approvers, at the endpoint its SDK client uses. */
function readWebhookSecretAs(stack: LocalStack) {
  const notifier = stack.functions.all.find((f) => f.folder === 'notify-approvers');
  const client = new SecretsManagerClient({
    region: LOCAL_REGION,
    endpoint: stack.iam.endpoints.secretsmanager,
    credentials: credentialsOf(stack, 'notify-approvers'),
  });
  return client
    .send(new GetSecretValueCommand({ SecretId: notifier?.environment.NOTIFY_WEBHOOK_SECRET_ARN }))
    .finally(() => client.destroy());
}

async function coordinatorMails(stack: LocalStack) {
  const mails = await stack.mail.mails();
  return mails.filter((m) => m.destination.to.includes(localEmail('coordinator'))).length;
}

const listRoundsEvent = {
  version: '2.0',
  routeKey: 'GET /agencies/{agencyId}/rounds',
  rawPath: `/agencies/${AGENCY}/rounds`,
  pathParameters: { agencyId: AGENCY },
  requestContext: {
    http: { method: 'GET', path: `/agencies/${AGENCY}/rounds` },
    authorizer: {
      jwt: { claims: { sub: 'local-coordinator', 'cognito:groups': `[${AGENCY}:coordinator]` } },
    },
  },
};

describe('IAM and environment enforced on the local stack', () => {
  describe('with one action and one variable dropped from two manifests', () => {
    let stack: LocalStack;
    beforeAll(async () => {
      stack = await start(broken);
    }, 120_000);
    afterAll(async () => {
      await stack?.close();
    });

    it("answers the function's own request with DynamoDB's AccessDeniedException", async () => {
      // Act
      const refused = getItemAs(stack, 'get-upload');
      // Assess
      await expect(refused).rejects.toMatchObject({
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      });
      await expect(getItemAs(stack, 'get-upload')).rejects.toThrow(
        /assumed-role\/.+\/acm-report-local-get-upload is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:.+:table\/acm-report-local because no identity-based policy allows/,
      );
      expect(stack.iam.ledger.denied.map((d) => `${d.principal} ${d.action}`)).toContain(
        'acm-report-local-get-upload dynamodb:GetItem',
      );
    });

    it('still lets another function whose role allows it make the same request', async () => {
      await expect(getItemAs(stack, 'request-upload')).resolves.toBeDefined();
    });

    it('fails the function missing a variable at init, naming it, on every invocation', async () => {
      // Act
      const invoked = stack.functions.invoke('acm-report-local-list-rounds', listRoundsEvent);
      // Assess
      await expect(invoked).rejects.toMatchObject({
        name: 'EnvironmentError',
        missing: ['TABLE_NAME'],
      });
      await expect(
        stack.functions.invoke('acm-report-local-list-rounds', listRoundsEvent),
      ).rejects.toThrow(/^list-rounds: environment variable TABLE_NAME not set/);
    });

    it("answers notify-approvers' read of its webhook secret with Secrets Manager's AccessDeniedException", async () => {
      // Act
      const refused = await readWebhookSecretAs(stack).catch((error: unknown) => error);
      // Assess
      expect(refused).toMatchObject({
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      });
      expect(String(refused)).toMatch(
        /assumed-role\/.+\/acm-report-local-notify-approvers is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:.+:secret:.+NotifyWebhookSecret.+-[0-9a-f]{6} because no identity-based policy allows/,
      );
    });

    it('mails a notice but fails it back to the queue, and posts nothing to the webhook', async () => {
      // Prepare
      const mailedBefore = await coordinatorMails(stack);
      // Act
      const answer = (await stack.functions.invoke(
        'acm-report-local-notify-approvers',
        approvalsNoticeEvent(AGENCY),
      )) as { batchItemFailures: { itemIdentifier: string }[] };
      // Assess
      expect(answer.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
      expect(await coordinatorMails(stack)).toBe(mailedBefore + 1);
      expect(stack.inbox.notices).toEqual([]);
      expect(stack.iam.ledger.denied.map((d) => `${d.principal} ${d.action}`)).toContain(
        'acm-report-local-notify-approvers secretsmanager:GetSecretValue',
      );
    });
  });

  describe('with the real manifests', () => {
    let stack: LocalStack;
    beforeAll(async () => {
      stack = await start();
    }, 120_000);
    afterAll(async () => {
      await stack?.close();
    });

    it('allows the same requests, starts the same function, and the webhook gets its notice', async () => {
      await expect(getItemAs(stack, 'get-upload')).resolves.toMatchObject({
        $metadata: { httpStatusCode: 200 },
      });
      const answer = (await stack.functions.invoke(
        'acm-report-local-list-rounds',
        listRoundsEvent,
      )) as { statusCode: number };
      expect(answer.statusCode).toBe(200);
      const secret = await readWebhookSecretAs(stack);
      expect(secret.SecretString).toBe(stack.inbox.url);
      const notified = (await stack.functions.invoke(
        'acm-report-local-notify-approvers',
        approvalsNoticeEvent(AGENCY),
      )) as { batchItemFailures: unknown[] };
      expect(notified.batchItemFailures).toEqual([]);
      expect(stack.inbox.notices.map((n) => n.kind)).toEqual(['approval-escalated']);
      expect(stack.iam.ledger.denied).toEqual([]);
      expect(stack.iam.ledger.undecided).toEqual([]);
    });

    it('lets approval-request hand a decision back (SendTaskSuccess) as its role allows', async () => {
      // Its one SendTaskSuccess path: a decision made while the step was re-asked
      // (test/functions/approval-handlers.test.ts). The token here is unknown, so
      // the runner refuses it — after IAM let the request through.
      const client = new SFNClient({
        region: LOCAL_REGION,
        endpoint: stack.iam.endpoints.states,
        credentials: credentialsOf(stack, 'approval-request'),
      });
      const answer = await client
        .send(new SendTaskSuccessCommand({ taskToken: 'unknown-token', output: '{}' }))
        .catch((error: unknown) => error)
        .finally(() => client.destroy());
      expect(answer).toBeInstanceOf(Error);
      expect((answer as Error).name).not.toBe('AccessDeniedException');
      expect(stack.iam.ledger.actionsOf.get('acm-report-local-approval-request')).toContain(
        'states:SendTaskSuccess',
      );
      expect(stack.iam.ledger.denied).toEqual([]);
    });

    it("lets the state machine's role invoke the functions its tasks name, and no other", async () => {
      const arnOf = (folder: string) =>
        stack.functions.all.find((f) => f.folder === folder)?.arn ?? '';
      await expect(
        stack.iam.checkStateMachineInvoke(arnOf('approval-request')),
      ).resolves.toBeUndefined();
      const refused = await stack.iam
        .checkStateMachineInvoke(arnOf('get-upload'))
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ name: 'Lambda.AWSLambdaException' });
      expect(String((refused as Error).message)).toMatch(
        /is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:.+:function:acm-report-local-get-upload/,
      );
    });
  });
});
