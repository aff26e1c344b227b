/**
 * The local Secrets Manager stand-in speaks the service's awsJson1_1
 * protocol and error shapes, so the real SDK client and Powertools'
 * SecretsProvider work against it unchanged; and the secret adapter tells
 * "no value" (off) from a failed read (thrown).
 */

import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import {
  type LocalSecretsManager,
  startLocalSecretsManager,
} from '../../local/local-secrets-manager.js';
import {
  SecretReadError,
  SecretsManagerSecret,
} from '../../shared/adapters/secrets-manager-secret.js';

let secrets: LocalSecretsManager;
let client: SecretsManagerClient;
let sequence = 0;
const freshName = () => `acm-report/test/secret-${++sequence}`;

beforeAll(async () => {
  secrets = await startLocalSecretsManager({ region: LOCAL_REGION, accountId: '000000000000' });
  client = new SecretsManagerClient({
    region: LOCAL_REGION,
    endpoint: secrets.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
});

afterAll(async () => {
  client?.destroy();
  await secrets?.close();
});

describe('Local Secrets Manager (awsJson1_1)', () => {
  it('creates a secret with an ARN of the service’s shape and answers its value by name and ARN', async () => {
    // Prepare
    const name = freshName();
    // Act
    const created = await client.send(
      new CreateSecretCommand({ Name: name, SecretString: 'https://chat.example/hook' }),
    );
    const byName = await client.send(new GetSecretValueCommand({ SecretId: name }));
    const byArn = await client.send(new GetSecretValueCommand({ SecretId: created.ARN }));
    // Assess
    expect(created.ARN).toMatch(
      new RegExp(
        `^arn:aws:secretsmanager:${LOCAL_REGION}:000000000000:secret:${name}-[0-9a-f]{6}$`,
      ),
    );
    expect(secrets.arnOf(name)).toBe(created.ARN);
    expect(byName).toMatchObject({
      ARN: created.ARN,
      Name: name,
      SecretString: 'https://chat.example/hook',
      VersionStages: ['AWSCURRENT'],
    });
    expect(byName.CreatedDate).toBeInstanceOf(Date);
    expect(byArn.SecretString).toBe('https://chat.example/hook');
  });

  it('answers ResourceNotFoundException for a secret created without a value, until one is put', async () => {
    // Prepare
    const name = freshName();
    await client.send(new CreateSecretCommand({ Name: name }));
    // Act
    const before = await client
      .send(new GetSecretValueCommand({ SecretId: name }))
      .catch((error: unknown) => error);
    const put = await client.send(
      new PutSecretValueCommand({ SecretId: name, SecretString: 'v2' }),
    );
    const after = await client.send(new GetSecretValueCommand({ SecretId: name }));
    // Assess
    expect(before).toMatchObject({
      name: 'ResourceNotFoundException',
      message:
        "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
      $metadata: { httpStatusCode: 400 },
    });
    expect(put.VersionStages).toEqual(['AWSCURRENT']);
    expect(after).toMatchObject({ SecretString: 'v2', VersionId: put.VersionId });
  });

  it('answers the service’s exceptions for an unknown secret, a duplicate name and a bad request', async () => {
    // Prepare
    const name = freshName();
    await client.send(new CreateSecretCommand({ Name: name }));
    // Act
    const refusal = (sent: Promise<unknown>) => sent.catch((error: unknown) => error);
    const unknown = await refusal(
      client.send(new GetSecretValueCommand({ SecretId: 'no-such-secret' })),
    );
    const putUnknown = await refusal(
      client.send(new PutSecretValueCommand({ SecretId: 'no-such-secret', SecretString: 'x' })),
    );
    const duplicate = await refusal(client.send(new CreateSecretCommand({ Name: name })));
    const noValue = await refusal(client.send(new PutSecretValueCommand({ SecretId: name })));
    // Assess
    expect(unknown).toMatchObject({
      name: 'ResourceNotFoundException',
      message: "Secrets Manager can't find the specified secret.",
    });
    expect(putUnknown).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(duplicate).toMatchObject({ name: 'ResourceExistsException' });
    expect(noValue).toMatchObject({ name: 'InvalidRequestException' });
  });

  it('refuses an operation it does not serve, by the service’s unknown-operation error', async () => {
    // Act
    const response = await fetch(secrets.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'secretsmanager.DeleteSecret',
      },
      body: '{}',
    });
    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });
});

describe('Class: SecretsManagerSecret', () => {
  const provider = () =>
    new SecretsProvider({
      awsSdkV3Client: new SecretsManagerClient({
        region: LOCAL_REGION,
        endpoint: secrets.endpoint,
        credentials: LOCAL_CREDENTIALS,
      }),
    });

  it('answers undefined for a secret without a value and for an empty or blank one', async () => {
    // Prepare
    const empty = freshName();
    const blank = freshName();
    await client.send(new CreateSecretCommand({ Name: empty }));
    await client.send(new CreateSecretCommand({ Name: blank, SecretString: '  ' }));
    // Act
    const values = [
      await new SecretsManagerSecret(provider(), empty).value(),
      await new SecretsManagerSecret(provider(), blank).value(),
    ];
    // Assess
    expect(values).toEqual([undefined, undefined]);
  });

  it('keeps a value for its max age, and reads again after it', async () => {
    // Prepare
    const name = freshName();
    await client.send(new CreateSecretCommand({ Name: name, SecretString: 'first' }));
    const cached = new SecretsManagerSecret(provider(), name);
    const uncached = new SecretsManagerSecret(provider(), name, 0);
    const first = [await cached.value(), await uncached.value()];
    // Act
    await client.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'second' }));
    const second = [await cached.value(), await uncached.value()];
    // Assess
    expect(first).toEqual(['first', 'first']);
    expect(second).toEqual(['first', 'second']);
  });

  it('keeps "no value" for its max age too, then sees a value put meanwhile', async () => {
    // Prepare
    const name = freshName();
    await client.send(new CreateSecretCommand({ Name: name }));
    let now = 1_000_000;
    const secret = new SecretsManagerSecret(provider(), name, 300, () => now);
    const before = await secret.value();
    await client.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'later' }));
    // Act
    const within = await secret.value();
    now += 301_000;
    const after = await secret.value();
    // Assess
    expect([before, within, after]).toEqual([undefined, undefined, 'later']);
  });

  it('throws SecretReadError, naming the service’s error, for a read the service refuses', async () => {
    // Act
    const refused = await new SecretsManagerSecret(provider(), '')
      .value()
      .catch((error: unknown) => error);
    // Assess
    expect(refused).toBeInstanceOf(SecretReadError);
    expect(refused).toMatchObject({ serviceError: 'InvalidParameterException' });
  });
});
