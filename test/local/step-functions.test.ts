/**
 * The local Step Functions endpoint, through the SDK v3 SFNClient over real
 * HTTP: executions run on aws-local-stepfunctions, their Lambda tasks call
 * an in-test invoker standing in for the functions, and waiting tasks are
 * resumed (or not) with task tokens, with AWS's answers and error names.
 */

import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalStepFunctions,
  startLocalStepFunctions,
} from '../../local/step-functions/local-step-functions.js';
import { SfnWorkflowClient } from '../../shared/adapters/sfn-workflow-client.js';

const REGION = 'ap-southeast-1';
const ACCOUNT = '123456789012';
const fn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

/**
 * Prepare (function ARN as Resource) → AskApprover (waitForTaskToken) →
 * Record (lambda:invoke, `{Payload}` out) → Done; a returned decision is
 * caught, a timeout expires the request. The three Lambda forms CDK emits.
 */
function approvalDefinition(timeoutSeconds: number) {
  return {
    StartAt: 'Prepare',
    States: {
      Prepare: {
        Type: 'Task',
        Resource: fn('prepare'),
        ResultPath: '$.prepared',
        Catch: [{ ErrorEquals: ['RoundClosedError'], ResultPath: '$.failure', Next: 'Closed' }],
        Next: 'AskApprover',
      },
      AskApprover: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: fn('ask-approver'),
          Payload: { 'item.$': '$.item', 'taskToken.$': '$$.Task.Token' },
        },
        TimeoutSeconds: timeoutSeconds,
        ResultPath: '$.decision',
        Catch: [
          { ErrorEquals: ['Approval.Returned'], ResultPath: '$.failure', Next: 'Returned' },
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'Expired' },
        ],
        Next: 'Record',
      },
      Record: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: fn('record'), 'Payload.$': '$.decision' },
        ResultSelector: { 'recorded.$': '$.Payload.recorded' },
        ResultPath: '$.record',
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
      Returned: { Type: 'Pass', End: true },
      Closed: { Type: 'Pass', End: true },
      Expired: { Type: 'Fail', Error: 'Approval.Expired', Cause: 'Nobody decided in time' },
    },
  };
}

class RoundClosedError extends Error {
  override name = 'RoundClosedError';
}

/**
 * Stands in for the Lambda functions: records each call, answers like the
 * real ones would. For item 'decided', ask-approver resumes its own task
 * before returning, as request-approval does when the decision already exists.
 */
function fakeFunctions(resumeNow?: (taskToken: string) => Promise<unknown>) {
  const calls: { functionArn: string; payload: Record<string, unknown> }[] = [];
  const invoke = async (functionArn: string, payload: unknown) => {
    const body = payload as Record<string, unknown>;
    calls.push({ functionArn, payload: body });
    if (functionArn === fn('prepare')) {
      if (body.item === 'closed') throw new RoundClosedError('round 2566-h1 is closed');
      if (body.item === 'broken') throw new TypeError('item.no is undefined');
      return { ready: true };
    }
    if (functionArn === fn('record')) return { recorded: body.decision };
    if (body.item === 'decided') await resumeNow?.(String(body.taskToken));
    return null; // ask-approver only stores the token; the decision comes later
  };
  const tokenFor = (item: string) => {
    const asked = calls.filter(
      (call) => call.functionArn === fn('ask-approver') && call.payload.item === item,
    );
    const token = asked.at(-1)?.payload.taskToken;
    if (typeof token !== 'string') throw new Error(`no task token was issued for ${item}`);
    return token;
  };
  return { calls, invoke, tokenFor };
}

async function start(
  sfn: LocalStepFunctions,
  client: SFNClient,
  name: string,
  input: unknown,
): Promise<string> {
  const { executionArn } = await client.send(
    new StartExecutionCommand({
      stateMachineArn: sfn.stateMachineArn,
      name,
      input: JSON.stringify(input),
    }),
  );
  return executionArn ?? '';
}

const describeExecution = (client: SFNClient, executionArn: string) =>
  client.send(new DescribeExecutionCommand({ executionArn }));

const outputOf = (described: DescribeExecutionCommandOutput) =>
  JSON.parse(described.output ?? 'null') as Record<string, unknown>;

function sfnClient(sfn: LocalStepFunctions) {
  return new SFNClient({
    region: REGION,
    endpoint: sfn.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

describe('Local Step Functions: an approver who answers', () => {
  let sfn: LocalStepFunctions;
  let client: SFNClient;
  const functions = fakeFunctions((taskToken) =>
    new SfnWorkflowClient(client, sfn.stateMachineArn).resume(taskToken, {
      decision: 'approved',
      by: 'earlier',
    }),
  );

  beforeAll(async () => {
    sfn = await startLocalStepFunctions({
      definition: approvalDefinition(3600),
      stateMachineName: 'acm-approval-test',
      region: REGION,
      accountId: ACCOUNT,
      invoke: functions.invoke,
    });
    client = sfnClient(sfn);
  });
  afterAll(async () => {
    client?.destroy();
    await sfn?.close();
  });

  it('listens on 127.0.0.1 with an AWS-shaped state machine ARN', () => {
    expect(sfn.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sfn.stateMachineArn).toBe(
      `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:acm-approval-test`,
    );
  });

  it('issues a task token to the waiting function and resumes on SendTaskSuccess', async () => {
    // Prepare
    const executionArn = await start(sfn, client, 'item-1-v1', { item: 'item-1' });
    await sfn.settled();
    const token = functions.tokenFor('item-1');

    // Act
    const waiting = await describeExecution(client, executionArn);
    await client.send(
      new SendTaskSuccessCommand({
        taskToken: token,
        output: JSON.stringify({ decision: 'approved', by: 'director' }),
      }),
    );
    await sfn.idle();

    // Assess
    expect(executionArn).toBe(
      `arn:aws:states:${REGION}:${ACCOUNT}:execution:acm-approval-test:item-1-v1`,
    );
    expect(waiting.status).toBe('RUNNING');
    expect(token).toMatch(/^local-task-token\./);
    const done = await describeExecution(client, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.stopDate).toBeInstanceOf(Date);
    expect(outputOf(done)).toEqual({
      item: 'item-1',
      prepared: { ready: true },
      decision: { decision: 'approved', by: 'director' },
      record: { recorded: 'approved' },
    });
    expect(functions.calls.map((call) => call.functionArn)).toEqual([
      fn('prepare'),
      fn('ask-approver'),
      fn('record'),
    ]);
  });

  it('accepts the answer while the waiting function is still running', async () => {
    // Act
    const executionArn = await start(sfn, client, 'decided-v1', { item: 'decided' });
    await sfn.idle();

    // Assess
    const done = await describeExecution(client, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(outputOf(done).decision).toEqual({ decision: 'approved', by: 'earlier' });
  });

  it('routes SendTaskFailure to the Catch that names its error', async () => {
    // Prepare
    const executionArn = await start(sfn, client, 'item-2-v1', { item: 'item-2' });
    await sfn.settled();

    // Act
    await client.send(
      new SendTaskFailureCommand({
        taskToken: functions.tokenFor('item-2'),
        error: 'Approval.Returned',
        cause: 'Budget figures do not add up',
      }),
    );
    await sfn.idle();

    // Assess
    const done = await describeExecution(client, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(outputOf(done).failure).toEqual({
      Error: 'Approval.Returned',
      Cause: 'Budget figures do not add up',
    });
  });

  it('raises a function error by its name, with a Lambda-style JSON cause', async () => {
    // Act
    const caught = await start(sfn, client, 'closed-v1', { item: 'closed' });
    const uncaught = await start(sfn, client, 'broken-v1', { item: 'broken' });
    await sfn.idle();

    // Assess
    const closed = await describeExecution(client, caught);
    expect(closed.status).toBe('SUCCEEDED');
    expect(outputOf(closed).failure).toEqual({
      Error: 'RoundClosedError',
      Cause: JSON.stringify({
        errorType: 'RoundClosedError',
        errorMessage: 'round 2566-h1 is closed',
      }),
    });
    const broken = await describeExecution(client, uncaught);
    expect(broken).toMatchObject({ status: 'FAILED', error: 'TypeError' });
    expect(JSON.parse(broken.cause ?? '')).toEqual({
      errorType: 'TypeError',
      errorMessage: 'item.no is undefined',
    });
  });

  it('answers a repeated start of a running execution with the same ARN, and a different input with ExecutionAlreadyExists', async () => {
    // Prepare
    const workflow = new SfnWorkflowClient(client, sfn.stateMachineArn);
    const first = await start(sfn, client, 'item-3-v1', { item: 'item-3' });

    // Act
    const again = await start(sfn, client, 'item-3-v1', { item: 'item-3' });
    const differently = start(sfn, client, 'item-3-v1', { item: 'item-3', extra: true });

    // Assess
    expect(again).toBe(first);
    await expect(differently).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    expect(await workflow.start('item-3-v1', { item: 'item-3', extra: true })).toBe(
      'already-started',
    );
    await sfn.settled();
    await workflow.resume(functions.tokenFor('item-3'), { decision: 'approved' });
    await sfn.idle();
    // Once closed, even the same input is refused: a name is used once.
    await expect(start(sfn, client, 'item-3-v1', { item: 'item-3' })).rejects.toMatchObject({
      name: 'ExecutionAlreadyExists',
    });
  });

  it('refuses a used token with TaskDoesNotExist, and a made-up one too', async () => {
    // Prepare
    const workflow = new SfnWorkflowClient(client, sfn.stateMachineArn);
    await start(sfn, client, 'item-4-v1', { item: 'item-4' });
    await sfn.settled();
    const token = functions.tokenFor('item-4');
    const success = (taskToken: string) =>
      client.send(new SendTaskSuccessCommand({ taskToken, output: '{"decision":"approved"}' }));

    // Act
    await success(token);
    const reused = success(token);
    const unknown = success(`local-task-token.${'A'.repeat(43)}`);
    const malformed = success('not-a-token');

    // Assess
    await expect(reused).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
    await expect(unknown).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
    await expect(malformed).rejects.toMatchObject({ name: 'InvalidToken' });
    expect(await workflow.resume(token, { decision: 'approved' })).toBe('gone');
    await sfn.idle();
  });

  it('refuses task output that is not JSON with InvalidOutput, and the task keeps waiting', async () => {
    // Prepare
    const executionArn = await start(sfn, client, 'item-5-v1', { item: 'item-5' });
    await sfn.settled();

    // Act
    const sent = client.send(
      new SendTaskSuccessCommand({ taskToken: functions.tokenFor('item-5'), output: '{oops' }),
    );

    // Assess
    await expect(sent).rejects.toMatchObject({ name: 'InvalidOutput' });
    expect(sfn.busy()).toBe(0);
    expect((await describeExecution(client, executionArn)).status).toBe('RUNNING');
    await client.send(new StopExecutionCommand({ executionArn }));
  });

  it('stops an execution: ABORTED, and its waiting token is gone', async () => {
    // Prepare
    const executionArn = await start(sfn, client, 'item-6-v1', { item: 'item-6' });
    await sfn.settled();

    // Act
    await client.send(
      new StopExecutionCommand({ executionArn, error: 'Round.Cancelled', cause: 'test' }),
    );
    const late = client.send(
      new SendTaskSuccessCommand({
        taskToken: functions.tokenFor('item-6'),
        output: '{"decision":"approved"}',
      }),
    );

    // Assess
    await expect(late).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
    const stopped = await describeExecution(client, executionArn);
    expect(stopped).toMatchObject({ status: 'ABORTED', error: 'Round.Cancelled', cause: 'test' });
  });

  it('lists executions newest first, filtered by status', async () => {
    // Prepare
    await start(sfn, client, 'item-7-v1', { item: 'item-7' });
    await sfn.settled();

    // Act
    const running = await client.send(
      new ListExecutionsCommand({ stateMachineArn: sfn.stateMachineArn, statusFilter: 'RUNNING' }),
    );
    const all = await client.send(
      new ListExecutionsCommand({ stateMachineArn: sfn.stateMachineArn }),
    );

    // Assess
    expect(running.executions?.map((execution) => execution.name)).toContain('item-7-v1');
    expect(running.executions?.every((execution) => execution.status === 'RUNNING')).toBe(true);
    expect(all.executions?.[0]).toMatchObject({ name: 'item-7-v1', status: 'RUNNING' });
    expect(all.executions?.length).toBe(sfn.executions().length);
    expect(sfn.executions()[0]?.name).toBe('item-1-v1');
    await client.send(
      new StopExecutionCommand({ executionArn: all.executions?.[0]?.executionArn }),
    );
  });

  it('answers DescribeExecution of an unknown execution with ExecutionDoesNotExist', async () => {
    const executionArn = sfn.stateMachineArn.replace(':stateMachine:', ':execution:');

    const described = describeExecution(client, `${executionArn}:nope`);

    await expect(described).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });

  it('refuses a start on another state machine, with a bad name or with input that is not JSON', async () => {
    const startWith = (request: { stateMachineArn?: string; name?: string; input?: string }) =>
      client.send(new StartExecutionCommand({ stateMachineArn: sfn.stateMachineArn, ...request }));

    await expect(
      startWith({ stateMachineArn: `${sfn.stateMachineArn}-other` }),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
    await expect(startWith({ name: 'has space' })).rejects.toMatchObject({ name: 'InvalidName' });
    await expect(startWith({ name: 'x', input: '{' })).rejects.toMatchObject({
      name: 'InvalidExecutionInput',
    });
  });
});

describe('Local Step Functions: an approver who never answers', () => {
  const functions = fakeFunctions();
  let sfn: LocalStepFunctions;
  let client: SFNClient;

  beforeAll(async () => {
    sfn = await startLocalStepFunctions({
      // Three days, scaled to 26 ms.
      definition: approvalDefinition(3 * 24 * 3600),
      stateMachineName: 'acm-approval-timeout-test',
      region: REGION,
      accountId: ACCOUNT,
      invoke: functions.invoke,
      timeScale: 1e-7,
    });
    client = sfnClient(sfn);
  });
  afterAll(async () => {
    client?.destroy();
    await sfn?.close();
  });

  it('times the task out into its States.Timeout catcher and refuses a late answer with TaskTimedOut', async () => {
    // Prepare
    const workflow = new SfnWorkflowClient(client, sfn.stateMachineArn);

    // Act
    const executionArn = await start(sfn, client, 'item-9-v1', { item: 'item-9' });
    await sfn.idle();
    const late = client.send(
      new SendTaskSuccessCommand({
        taskToken: functions.tokenFor('item-9'),
        output: '{"decision":"approved"}',
      }),
    );

    // Assess
    await expect(late).rejects.toMatchObject({ name: 'TaskTimedOut' });
    expect(await workflow.resume(functions.tokenFor('item-9'), {})).toBe('gone');
    const done = await describeExecution(client, executionArn);
    expect(done).toMatchObject({
      status: 'FAILED',
      error: 'Approval.Expired',
      cause: 'Nobody decided in time',
    });
  });
});

describe('Local Step Functions: the definition it is given', () => {
  const options = {
    stateMachineName: 'acm-definition-test',
    region: REGION,
    accountId: ACCOUNT,
    invoke: async () => null,
  };

  it('refuses a Task that is not a Lambda invocation, before any execution', async () => {
    const definition = {
      StartAt: 'Notify',
      States: {
        Notify: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Parameters: { QueueUrl: 'https://sqs.local/approvals', MessageBody: 'hi' },
          End: true,
        },
      },
    };

    await expect(startLocalStepFunctions({ ...options, definition })).rejects.toThrow(
      /only Lambda tasks run locally; unsupported: Notify/,
    );
  });

  it('refuses invalid Amazon States Language', async () => {
    const definition = { StartAt: 'Missing', States: { Done: { Type: 'Succeed' } } };

    await expect(startLocalStepFunctions({ ...options, definition })).rejects.toThrow(
      /definition is invalid/,
    );
  });
});
