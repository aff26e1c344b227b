/**
 * The approval handlers through middy on the embedded services
 * (./handler-services.ts): approvals and inboxes in dynalite, notices on
 * fauxqs, the waiting step on the local Step Functions endpoint
 * (./waiting-step.ts), people in cognito-local and mail in aws-ses-v2-local.
 * What the conditional writes guarantee is pinned by the repository
 * contract suite (test/repositories); here, event → use case → response.
 */

import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { APIGatewayProxyStructuredResultV2, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import { type LocalCognito, startLocalCognito } from '../../local/local-cognito.js';
import {
  type LocalSecretsManager,
  startLocalSecretsManager,
} from '../../local/local-secrets-manager.js';
import { type LocalSes, startLocalSes } from '../../local/local-ses.js';
import { cognitoClient } from '../../shared/adapters/cognito-client.js';
import { sesClient } from '../../shared/adapters/ses-client.js';
import { sfnClient } from '../../shared/adapters/sfn-client.js';
import type { Approval, Audience } from '../../shared/workflow/approval.js';
import type { SubmissionVersion } from '../../shared/workflow/submission-version.js';
import { seedRound } from '../helpers/seed-round.js';
import { loadEvent, withCaller } from './events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';
import { startWaitingStep, type WaitingStep } from './waiting-step.js';

type Ctx = ReturnType<typeof lambdaContext>;
type HttpHandler = (event: HttpEvent, context: Ctx) => Promise<APIGatewayProxyStructuredResultV2>;
let approvalRequest: (event: unknown, context: Ctx) => Promise<{ approvalId: string }>;
let decideApproval: HttpHandler;
let listApprovals: HttpHandler;
let notifyApprovers: (event: SQSEvent, context: Ctx) => Promise<SQSBatchResponse>;

let stack: HandlerServices;
let step: WaitingStep;
let ses: LocalSes;
let cognito: LocalCognito;
let secrets: LocalSecretsManager;
let people: CognitoIdentityProviderClient;
/** What the handlers asked SES to send, as the SDK sent it (the emulator keeps no configuration set). */
const mailRequests: SendEmailCommandInput[] = [];

const DIRECTORS = 'opdc:division-director';
const DIVISION = 'opdc:division:division-placeholder-01';

/** The director holds both groups of the fixture's notice; the division's staff only one. */
async function givenPeople(): Promise<string> {
  const { UserPool } = await people.send(new CreateUserPoolCommand({ PoolName: 'approvals' }));
  const UserPoolId = String(UserPool?.Id);
  for (const GroupName of [DIRECTORS, DIVISION]) {
    await people.send(new CreateGroupCommand({ UserPoolId, GroupName }));
  }
  const members = { director: [DIRECTORS, DIVISION], staff: [DIVISION] };
  for (const [Username, groups] of Object.entries(members)) {
    await people.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: `${Username}@example.invalid` },
          { Name: 'name', Value: Username },
        ],
      }),
    );
    for (const GroupName of groups) {
      await people.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName }));
    }
  }
  return UserPoolId;
}

beforeAll(async () => {
  stack = await startHandlerServices();
  step = await startWaitingStep();
  ses = await startLocalSes();
  secrets = await startLocalSecretsManager({ region: LOCAL_REGION, accountId: '000000000000' });
  // The chat webhook's secret as the stack creates it: no value, so mail is the only channel.
  const secretsAdmin = new SecretsManagerClient({
    region: LOCAL_REGION,
    endpoint: secrets.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  const { ARN: webhookSecretArn } = await secretsAdmin.send(
    new CreateSecretCommand({ Name: 'notify-webhook-url' }),
  );
  secretsAdmin.destroy();
  cognito = await startLocalCognito({
    region: LOCAL_REGION,
    sesEndpoint: ses.endpoint,
    credentials: LOCAL_CREDENTIALS,
    mailFrom: 'acm-report@example.invalid',
    invitation: { subject: '', body: '' },
  });
  people = new CognitoIdentityProviderClient({
    region: LOCAL_REGION,
    endpoint: cognito.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  // The handlers read these when they are imported.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SFN: step.endpoint,
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
    NOTIFY_WEBHOOK_SECRET_ARN: webhookSecretArn,
    USER_POOL_ID: await givenPeople(),
  });
  sesClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'SendEmailCommand') {
        mailRequests.push(args.input as SendEmailCommandInput);
      }
      return next(args);
    },
    { step: 'initialize', name: 'recordSendEmail' },
  );
  approvalRequest = (await import('../../functions/approval-request/handler.js')).handler as never;
  decideApproval = (await import('../../functions/decide-approval/handler.js')).handler as never;
  listApprovals = (await import('../../functions/list-approvals/handler.js')).handler as never;
  notifyApprovers = (await import('../../functions/notify-approvers/handler.js')).handler as never;
}, 120_000);

// Closing the emulators can take a while on a loaded machine.
afterAll(async () => {
  sesClient().destroy();
  cognitoClient().destroy();
  sfnClient().destroy();
  people?.destroy();
  await cognito?.close();
  await secrets?.close();
  await ses?.close();
  await step?.close();
  await stack?.close();
}, 60_000);

beforeEach(async () => {
  await stack.wipe();
  // Notices of an earlier case must not count for this one.
  while ((await stack.receiveNotices()).length > 0);
});

const UPLOADER = '8b2e4d6f-1a3c-4e5b-9d7f-0c2a4b6d8e1f';
const DIRECTOR_SUB = 'e1d2c3b4-a5f6-4789-8a0b-1c2d3e4f5a6b';
const pending: Approval = {
  approvalId: 'opdc.2566-h1.1.v1.s0',
  agencyId: 'opdc',
  roundId: '2566-h1',
  subject: {
    kind: 'item',
    itemNo: 1,
    division: 'division-placeholder-01',
    version: 1,
    uploadedBy: UPLOADER,
  },
  step: 0,
  role: 'division-director',
  status: 'pending',
  phase: 'request',
  requestedAt: '2024-04-30T07:01:05.000Z',
};
const decided: Approval = {
  ...pending,
  status: 'approved',
  decidedBy: DIRECTOR_SUB,
  decidedByName: 'anan.director',
  decidedAt: '2024-05-01T00:00:00.000Z',
};
const inbox: Audience = {
  agencyId: 'opdc',
  role: 'division-director',
  division: 'division-placeholder-01',
};
const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));

/** The round with item 1's version 1 uploaded, as intake leaves it before the first step. */
async function givenUploadedVersion(): Promise<SubmissionVersion> {
  const version: SubmissionVersion = {
    agencyId: 'opdc',
    roundId: '2566-h1',
    itemNo: 1,
    division: 'division-placeholder-01',
    version: 1,
    source: {
      uploadId: 'u1',
      key: 'k',
      etag: 'e',
      sha256: 'a'.repeat(64),
      format: 'json',
      size: 1,
    },
    documentKey: 'submissions/1/1.json',
    uploadedBy: UPLOADER,
    uploadedAt: '2024-04-30T07:00:00.000Z',
    status: 'awaiting-approval',
  };
  await stack.rounds.openRound({
    agencyId: 'opdc',
    roundId: '2566-h1',
    round: seedRound(),
    openedBy: '3c9a1f0e-8d2b-4b6a-9f3e-6a1d2c3b4e5f',
    openedAt: '2024-04-01T02:00:00.000Z',
  });
  await stack.submissions.putVersion(version);
  await stack.rounds.advanceCurrent(version, 'division-director', version.uploadedAt);
  return version;
}

describe('Function: approval-request', () => {
  it('keeps the task token in DynamoDB and sends a notice that carries only the approval id', async () => {
    // Prepare
    await givenUploadedVersion();
    const event = loadEvent<{ taskToken: string }>('sfn-approval-request.json');

    // Act
    const result = await approvalRequest(event, lambdaContext());

    // Assess
    expect(result).toEqual({ approvalId: 'opdc.2566-h1.1.v1.s0' });
    const stored = await stack.approvals.get('opdc', 'opdc.2566-h1.1.v1.s0');
    expect(stored?.taskToken).toBe(event.taskToken);
    expect(stored?.approval).toMatchObject({ status: 'pending', role: 'division-director' });
    // It waits in the division director's inbox, and only there.
    expect((await stack.approvals.listInbox(inbox, 10)).map((a) => a.approvalId)).toEqual([
      'opdc.2566-h1.1.v1.s0',
    ]);
    expect(
      await stack.approvals.listInbox({ ...inbox, division: 'division-placeholder-02' }, 10),
    ).toEqual([]);
    const notices = await stack.receiveNotices();
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0])).not.toContain(String(event.taskToken).slice(0, 20));
    expect(notices[0]).toMatchObject({
      kind: 'approval-requested',
      approvalId: 'opdc.2566-h1.1.v1.s0',
      groups: [DIRECTORS, DIVISION],
    });
  });

  it("marks the item as waiting on the step's role as the chain moves on", async () => {
    // Prepare: the division director approved step 0; step 1 asks the centre.
    await givenUploadedVersion();
    const event = loadEvent<{ taskToken: string }>('sfn-approval-request.json');
    await approvalRequest(event, lambdaContext());
    const waitingOn = async () =>
      (await stack.rounds.getRoundWithItems('opdc', '2566-h1'))?.items.find((i) => i.itemNo === 1);
    expect(await waitingOn()).toMatchObject({
      status: 'awaiting-approval',
      waitingOn: 'division-director',
    });

    // Act
    const result = await approvalRequest(
      { ...event, step: 1, role: 'anti-corruption-centre', taskToken: `${event.taskToken}-1` },
      lambdaContext(),
    );

    // Assess
    expect(result).toEqual({ approvalId: 'opdc.2566-h1.1.v1.s1' });
    expect(await waitingOn()).toMatchObject({
      currentVersion: 1,
      status: 'awaiting-approval',
      waitingOn: 'anti-corruption-centre',
    });
  });

  it('hands back a decision made while the step was being re-asked', async () => {
    // Prepare: decided while the reminder's new token was being issued.
    const { executionArn, taskToken } = await step.start();
    await stack.approvals.recordPending(pending, 'old');
    await stack.approvals.settle(decided);
    const event = {
      ...loadEvent<{ taskToken: string }>('sfn-approval-request.json'),
      taskToken,
      phase: 'reminder',
    };

    // Act
    await approvalRequest(event, lambdaContext());

    // Assess
    const execution = await step.outcome(executionArn);
    expect(execution?.status).toBe('SUCCEEDED');
    expect(execution?.output).toMatchObject({ decision: 'approved' });
    expect(await stack.receiveNotices()).toEqual([]);
  });

  it('fails loudly on a payload the state machine should never send', async () => {
    await expect(
      approvalRequest({ kind: 'item', taskToken: 'x' }, lambdaContext()),
    ).rejects.toThrow();
  });
});

describe('Function: decide-approval', () => {
  const request = () => loadEvent<HttpEvent>('api-decide-approval.json');

  it('records the approval once and resumes the waiting step with the stored token', async () => {
    // Prepare
    const { executionArn, taskToken } = await step.start();
    await stack.approvals.recordPending(pending, taskToken);

    // Act
    const result = await decideApproval(request(), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(200);
    expect(body(result).approval).toMatchObject({ status: 'approved', decidedBy: DIRECTOR_SUB });
    expect(JSON.stringify(body(result))).not.toContain(taskToken);
    expect((await stack.approvals.get('opdc', pending.approvalId))?.approval).toMatchObject({
      status: 'approved',
      decidedBy: DIRECTOR_SUB,
    });
    // Out of the inbox once decided.
    expect(await stack.approvals.listInbox(inbox, 10)).toEqual([]);
    const execution = await step.outcome(executionArn);
    expect(execution?.status).toBe('SUCCEEDED');
    expect(execution?.output).toMatchObject({
      decision: 'approved',
      approvalId: pending.approvalId,
    });
  });

  it('is idempotent: the same decision again answers 200 and changes nothing', async () => {
    // Prepare: decided, and the step already resumed (its token is spent).
    const { executionArn, taskToken } = await step.start();
    await stack.approvals.recordPending(pending, taskToken);
    await decideApproval(request(), lambdaContext());
    const first = await stack.approvals.get('opdc', pending.approvalId);
    await step.outcome(executionArn);

    // Act
    const result = await decideApproval(request(), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(200);
    expect(await stack.approvals.get('opdc', pending.approvalId)).toEqual(first);
  });

  it('refuses the person who uploaded the submission', async () => {
    const { executionArn, taskToken } = await step.start();
    await stack.approvals.recordPending(pending, taskToken);
    const event = withCaller(request(), { sub: UPLOADER });
    const result = await decideApproval(event, lambdaContext());
    expect(result.statusCode).toBe(403);
    expect(body(result).problems[0].code).toBe('auth.ownSubmission');
    expect((await stack.approvals.get('opdc', pending.approvalId))?.approval.status).toBe(
      'pending',
    );
    expect((await step.outcome(executionArn))?.status).toBe('RUNNING');
  });

  it('refuses a director of another division', async () => {
    await stack.approvals.recordPending(pending, 'token');
    const event = withCaller(request(), {
      groups: [DIRECTORS, 'opdc:division:division-placeholder-02'],
    });
    const result = await decideApproval(event, lambdaContext());
    expect(result.statusCode).toBe(403);
    expect(body(result).problems[0].code).toBe('auth.notDivision');
    expect((await stack.approvals.get('opdc', pending.approvalId))?.approval.status).toBe(
      'pending',
    );
  });

  it('needs a comment to return a submission', async () => {
    await stack.approvals.recordPending(pending, 'token');
    const event = request();
    event.body = JSON.stringify({ decision: 'return' });
    const result = await decideApproval(event, lambdaContext());
    expect(result.statusCode).toBe(400);
    expect(body(result).problems[0].code).toBe('approval.commentRequired');
    expect((await stack.approvals.get('opdc', pending.approvalId))?.approval.status).toBe(
      'pending',
    );
  });

  it('answers 404 for an id that cannot be an approval, without reading anything', async () => {
    const event = request();
    event.pathParameters = { approvalId: '../../etc' };
    stack.dynamoRequests.clear();
    const result = await decideApproval(event, lambdaContext());
    expect(result.statusCode).toBe(404);
    expect(stack.dynamoRequests.operations()).toEqual([]);
  });
});

describe('Function: list-approvals', () => {
  it("reads the director's division inbox, without the table keys", async () => {
    await stack.approvals.recordPending(pending, 'token');
    // Another division's approval, which this director must not see.
    await stack.approvals.recordPending(
      {
        ...pending,
        approvalId: 'opdc.2566-h1.2.v1.s0',
        subject: { ...pending.subject, itemNo: 2, division: 'division-placeholder-02' },
      } as Approval,
      'token',
    );
    const result = await listApprovals(
      loadEvent<HttpEvent>('api-list-approvals.json'),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(200);
    expect(body(result).approvals).toEqual([pending]);
  });
});

describe('Function: notify-approvers', () => {
  beforeEach(() => {
    mailRequests.length = 0;
  });

  it('mails each person who holds every group of the notice, nobody else, and reports no failures', async () => {
    // No round stored: the mail prints codes instead of names.
    const before = (await ses.mails()).length;
    const result = await notifyApprovers(
      loadEvent<SQSEvent>('sqs-approvals-notice.json'),
      lambdaContext(),
    );
    expect(result).toEqual({ batchItemFailures: [] });
    const sent = (await ses.mails()).slice(before);
    expect(sent.flatMap((mail) => mail.destination.to)).toEqual(['director@example.invalid']);
    expect(sent[0]?.from).toBe('acm-report@example.invalid');
    expect(mailRequests.map((mail) => mail.ConfigurationSetName)).toEqual(['acm-report']);
  });

  it('returns only the malformed message to the queue', async () => {
    const event = loadEvent<SQSEvent>('sqs-approvals-notice.json');
    const good = event.Records[0];
    if (!good) throw new Error('fixture has no record');
    event.Records.push({ ...good, messageId: 'bad-1', body: '{"kind":"nonsense"}' });
    const result = await notifyApprovers(event, lambdaContext());
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad-1' }] });
  });
});
