/**
 * The people directory against cognito-local (the real Cognito protocol):
 * a group of more members than one ListUsersInGroup page holds (60, Cognito's
 * largest Limit) is read in full, page by page; the members of all of a
 * notice's groups are their intersection; a person removed from a group is
 * gone from the next batch's directory; a disabled one is marked so.
 * cognito-local does not page by itself; local/cognito-paging.ts makes it
 * page as Cognito does, and is checked here too.
 */

import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COGNITO_PAGE_SIZE } from '../../local/cognito-paging.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import { type LocalCognito, startLocalCognito } from '../../local/local-cognito.js';
import { CognitoPeopleDirectory } from '../../shared/adapters/cognito-people-directory.js';

const STAFF = 'opdc:division:planning';
const DIRECTORS = 'opdc:division-director';
/** Two full pages and a part: 130 members. */
const MEMBERS = 2 * COGNITO_PAGE_SIZE + 10;

let cognito: LocalCognito;
let client: CognitoIdentityProviderClient;
let poolId: string;
const listCalls: unknown[] = [];

beforeAll(async () => {
  cognito = await startLocalCognito({
    region: LOCAL_REGION,
    // Nobody is invited by mail here (MessageAction SUPPRESS): no SES is needed.
    sesEndpoint: 'http://127.0.0.1:9',
    credentials: LOCAL_CREDENTIALS,
    mailFrom: 'acm-report@example.invalid',
    invitation: { subject: '', body: '' },
  });
  client = new CognitoIdentityProviderClient({
    region: LOCAL_REGION,
    endpoint: cognito.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  // Counts the directory's Cognito calls, as the bench does.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'ListUsersInGroupCommand') listCalls.push(args.input);
      return next(args);
    },
    { step: 'initialize', name: 'countListUsersInGroup' },
  );
  const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'paging' }));
  poolId = String(UserPool?.Id);
  for (const GroupName of [STAFF, DIRECTORS]) {
    await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName }));
  }
  for (let n = 1; n <= MEMBERS; n++) {
    const Username = `staff-${n}`;
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${Username}@people.example` }],
      }),
    );
    await client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username, GroupName: STAFF }),
    );
    // Every tenth member directs the division too.
    if (n % 10 === 0) {
      await client.send(
        new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username, GroupName: DIRECTORS }),
      );
    }
  }
}, 120_000);

afterAll(async () => {
  client?.destroy();
  await cognito?.close();
});

describe('Class: CognitoPeopleDirectory', () => {
  it('reads every member of a group larger than a page, one page a call', async () => {
    // Prepare
    listCalls.length = 0;
    const directory = new CognitoPeopleDirectory(client, poolId);
    // Act
    const members = await directory.membersOf(STAFF);
    // Assess
    expect(members).toHaveLength(MEMBERS);
    expect(new Set(members.map((p) => p.sub)).size).toBe(MEMBERS);
    expect(members.every((p) => p.email?.endsWith('@people.example'))).toBe(true);
    expect(listCalls).toHaveLength(Math.ceil(MEMBERS / COGNITO_PAGE_SIZE));
  });

  it('asks Cognito once per group per batch, and intersects the groups', async () => {
    // Prepare
    listCalls.length = 0;
    const directory = new CognitoPeopleDirectory(client, poolId);
    // Act
    const both = await directory.membersOfAll([DIRECTORS, STAFF]);
    await directory.membersOfAll([DIRECTORS, STAFF]);
    // Assess
    expect(both.map((p) => p.username).sort()).toEqual(
      Array.from({ length: MEMBERS / 10 }, (_, i) => `staff-${(i + 1) * 10}`).sort(),
    );
    expect(listCalls).toHaveLength(1 + Math.ceil(MEMBERS / COGNITO_PAGE_SIZE));
  });

  it("sees a removal and a disabled account in the next batch's directory", async () => {
    // Prepare
    await client.send(
      new AdminRemoveUserFromGroupCommand({
        UserPoolId: poolId,
        Username: 'staff-20',
        GroupName: DIRECTORS,
      }),
    );
    await client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'staff-30' }));
    // Act
    const directors = await new CognitoPeopleDirectory(client, poolId).membersOf(DIRECTORS);
    // Assess
    expect(directors.map((p) => p.username)).not.toContain('staff-20');
    expect(directors.find((p) => p.username === 'staff-30')?.enabled).toBe(false);
  });
});

describe('Function: pagedUsersInGroup (cognito-local paged as Cognito pages)', () => {
  it('refuses a Limit above 60 as Cognito does', async () => {
    // Act
    const refused = client.send(
      new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: STAFF, Limit: 61 }),
    );
    // Assess
    await expect(refused).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('answers a smaller Limit with that many and a token for the rest', async () => {
    // Act
    const page = await client.send(
      new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: STAFF, Limit: 7 }),
    );
    const next = await client.send(
      new ListUsersInGroupCommand({
        UserPoolId: poolId,
        GroupName: STAFF,
        Limit: 7,
        NextToken: page.NextToken,
      }),
    );
    // Assess
    expect(page.Users).toHaveLength(7);
    expect(page.NextToken).toBeTruthy();
    const first = new Set(page.Users?.map((u) => u.Username));
    expect(next.Users?.some((u) => first.has(u.Username))).toBe(false);
  });
});
