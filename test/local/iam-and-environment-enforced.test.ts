/**
 * The local stack fails the way AWS would when a manifest lacks something
 * its handler needs: an action dropped from one function's manifest is
 * refused with AccessDenied by the emulator's endpoint (the IAM front
 * evaluating that function's role from the synthesised template), and a
 * variable dropped from another's fails that function at init, naming it.
 * Built from the real manifests, the same requests pass.
 */

import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionManifest } from '../../functions/common/function-manifest.js';
import { MANIFESTS, manifestCatalog } from '../../functions/manifests.js';
import { LOCAL_REGION } from '../../local/embedded-services.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';

const AGENCY = 'opdc';

function withChanges(changes: Record<string, (m: FunctionManifest) => FunctionManifest>) {
  return manifestCatalog(MANIFESTS.map((m) => changes[m.name]?.(m) ?? m));
}

/** get-round without dynamodb:GetItem; list-rounds without TABLE_NAME. */
const broken = withChanges({
  'get-round': (m) => ({
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
      const refused = getItemAs(stack, 'get-round');
      // Assess
      await expect(refused).rejects.toMatchObject({
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      });
      await expect(getItemAs(stack, 'get-round')).rejects.toThrow(
        /assumed-role\/.+\/acm-report-local-get-round is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:.+:table\/acm-report-local because no identity-based policy allows/,
      );
      expect(stack.iam.ledger.denied.map((d) => `${d.principal} ${d.action}`)).toContain(
        'acm-report-local-get-round dynamodb:GetItem',
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
  });

  describe('with the real manifests', () => {
    let stack: LocalStack;
    beforeAll(async () => {
      stack = await start();
    }, 120_000);
    afterAll(async () => {
      await stack?.close();
    });

    it('allows the same request and starts the same function', async () => {
      await expect(getItemAs(stack, 'get-round')).resolves.toMatchObject({
        $metadata: { httpStatusCode: 200 },
      });
      const answer = (await stack.functions.invoke(
        'acm-report-local-list-rounds',
        listRoundsEvent,
      )) as { statusCode: number };
      expect(answer.statusCode).toBe(200);
      expect(stack.iam.ledger.denied).toEqual([]);
      expect(stack.iam.ledger.undecided).toEqual([]);
    });
  });
});
