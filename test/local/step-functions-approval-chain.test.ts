/**
 * The REAL acm-report state machine, as CDK synthesises it, run by the local
 * Step Functions endpoint: one submission walks the approval chain (a Map
 * over the roles, one `.waitForTaskToken` step each), the round is rolled
 * up, the agency head signs off, and the report is published. Decisions
 * come back through the very adapter the decide-approval Lambda uses.
 *
 * The Lambdas themselves are NOT run here: `fakeLambdas` stands in for them,
 * parsing each payload with the schemas the real handlers use (so a drift
 * between definition and handlers fails here) and answering as they would.
 */

import { SFNClient } from '@aws-sdk/client-sfn';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aslDefinitionOf } from '../../infra/asl-definition.js';
import { STATE_NAMES, WORKFLOW_ERRORS } from '../../infra/constructs/approval-state-machine.js';
import {
  type LocalStepFunctions,
  startLocalStepFunctions,
} from '../../local/step-functions/local-step-functions.js';
import { SfnWorkflowClient } from '../../shared/adapters/sfn-workflow-client.js';
import { TransientError } from '../../shared/workflow/transient-error.js';
import {
  type ApprovalTask,
  ApprovalTaskSchema,
  type ExecutionInput,
  OutcomeTaskSchema,
  RoundTaskSchema,
} from '../../shared/workflow/workflow-payloads.js';
import { synthStack } from '../infra/synth-stack.js';

const REGION = 'ap-southeast-1';
const ACCOUNT = '123456789012';

const INPUT: ExecutionInput = {
  submission: {
    agencyId: 'opdc',
    roundId: '2566-h1',
    itemNo: 1,
    division: 'strategy',
    version: 1,
    uploadedBy: 'uploader@opdc.go.th',
  },
  approvalChain: ['division-director', 'anti-corruption-centre'],
};
const SIGN_OFF = { agencyId: 'opdc', roundId: '2566-h1', attempt: 1 };

type Decide = (task: ApprovalTask) => 'approved' | 'returned' | 'ignore';

/**
 * Stands in for the four Lambdas the definition calls, routed by the
 * function's logical id in its local ARN. `decide` plays the approver: it
 * answers a waiting step after the request function has returned, as a
 * person acting on the notification would.
 */
function fakeLambdas(
  workflow: () => SfnWorkflowClient,
  decide: Decide,
  /** An error for the record-outcome function to throw on this attempt (1, 2, …), if any. */
  failRecord: (attempt: number) => Error | undefined = () => undefined,
) {
  let recordAttempts = 0;
  const calls: string[] = [];
  const resumeErrors: unknown[] = [];
  const invoke = async (functionArn: string, payload: unknown): Promise<unknown> => {
    const name = functionArn.split(':function:')[1] ?? '';
    if (name.includes('ApprovalRequest')) {
      const task = ApprovalTaskSchema.parse(payload);
      const who = task.kind === 'item' ? `${task.role}#${task.step}` : 'agency-head';
      calls.push(`request ${who} (${task.phase})`);
      const decision = decide(task);
      if (decision !== 'ignore') {
        setImmediate(() =>
          workflow()
            .resume(task.taskToken, {
              decision,
              approvalId: `${who}-1`,
              by: who,
              byName: who,
              at: '2023-04-03T09:00:00.000Z',
              ...(decision === 'returned' ? { comment: 'Please add the budget table' } : {}),
            })
            .catch((error: unknown) => resumeErrors.push(error)),
        );
      }
      return { kind: 'waiting' };
    }
    if (name.includes('RecordOutcome')) {
      const task = OutcomeTaskSchema.parse(payload);
      calls.push(`record ${task.kind} ${task.outcome}`);
      recordAttempts += 1;
      const failure = failRecord(recordAttempts);
      if (failure) throw failure;
      // This submission completes the round: the execution goes on to sign-off.
      return task.outcome === 'approved'
        ? { roundReady: true, signOff: SIGN_OFF }
        : { roundReady: false };
    }
    if (name.includes('RollUpRound')) {
      RoundTaskSchema.parse(payload);
      calls.push('roll up');
      return { items: 1 };
    }
    if (name.includes('PublishReport')) {
      const task = RoundTaskSchema.parse(payload);
      calls.push(`publish (signed by ${task.decision?.by})`);
      return { version: 1, prefix: 'reports/opdc/2566/H1/v1/' };
    }
    throw Object.assign(new Error(`no such function ${functionArn}`), {
      name: 'Lambda.ResourceNotFoundException',
    });
  };
  return { calls, resumeErrors, invoke };
}

describe('Local Step Functions: the synthesised approval state machine', () => {
  let definition: Record<string, unknown>;
  let stateMachineName: string;
  let sfn: LocalStepFunctions | undefined;
  let client: SFNClient | undefined;

  beforeAll(() => {
    const { template } = synthStack();
    // Local ARNs for the functions, as the embedded stack resolves them.
    definition = aslDefinitionOf(template.toJSON() as never, {
      getAtt: (logicalId) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${logicalId}`,
      ref: (logicalId) => (logicalId === 'AWS::Partition' ? 'aws' : logicalId),
    }).definition;
    const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    stateMachineName = String(machine?.Properties?.StateMachineName);
  }, 60_000);

  afterEach(async () => {
    client?.destroy();
    await sfn?.close();
  });

  async function run(
    decide: Decide,
    timeScale: number,
    failRecord?: (attempt: number) => Error | undefined,
  ) {
    const lambdas = fakeLambdas(
      () => new SfnWorkflowClient(client as SFNClient, (sfn as LocalStepFunctions).stateMachineArn),
      decide,
      failRecord,
    );
    sfn = await startLocalStepFunctions({
      definition,
      stateMachineName,
      region: REGION,
      accountId: ACCOUNT,
      invoke: lambdas.invoke,
      timeScale,
    });
    client = new SFNClient({
      region: REGION,
      endpoint: sfn.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const workflow = new SfnWorkflowClient(client, sfn.stateMachineArn);
    expect(await workflow.start('opdc-2566-h1-1-v1', INPUT)).toBe('started');
    await sfn.idle(15_000);
    const [execution] = sfn.executions();
    expect(lambdas.resumeErrors).toEqual([]);
    return { execution, calls: lambdas.calls };
  }

  it('walks the chain, rolls up, takes the sign-off and publishes when everyone approves', async () => {
    // Act (days of waiting scaled to seconds, never reached: everyone answers at once)
    const { execution, calls } = await run(() => 'approved', 1e-5);

    // Assess
    expect(calls).toEqual([
      'request division-director#0 (request)',
      'request anti-corruption-centre#1 (request)',
      'record item approved',
      'roll up',
      'request agency-head (request)',
      'publish (signed by agency-head)',
    ]);
    expect(execution).toMatchObject({ name: 'opdc-2566-h1-1-v1', status: 'SUCCEEDED' });
    expect(execution?.output).toMatchObject({
      ...INPUT,
      settled: { roundReady: true, signOff: SIGN_OFF },
      rollUp: { items: 1 },
      decision: { decision: 'approved', by: 'agency-head' },
      published: { version: 1 },
    });
  });

  it('records a return by the director and stops the walk there', async () => {
    // Act
    const { execution, calls } = await run(
      (task) =>
        task.kind === 'item' && task.role === 'division-director' ? 'returned' : 'approved',
      1e-5,
    );

    // Assess
    expect(calls).toEqual(['request division-director#0 (request)', 'record item returned']);
    expect(execution?.status).toBe('SUCCEEDED');
    expect(execution?.output).toMatchObject({
      failure: { Error: WORKFLOW_ERRORS.returned },
      settled: { roundReady: false },
    });
  });

  it('reminds, escalates, then expires a step nobody decides (days scaled to milliseconds)', async () => {
    // Act: 3 + 4 + 14 days at 1e-6 are about 1.8 s.
    const { execution, calls } = await run(() => 'ignore', 1e-6);

    // Assess
    expect(calls).toEqual([
      'request division-director#0 (request)',
      'request division-director#0 (reminder)',
      'request division-director#0 (escalation)',
      'record item expired',
    ]);
    expect(execution).toMatchObject({
      status: 'FAILED',
      error: WORKFLOW_ERRORS.expired,
      cause: 'A plan item waited past every reminder and escalation',
    });
    expect(STATE_NAMES.itemExpired).toBe('ItemExpired');
  });

  it('retries a transient failure of a task and goes on', async () => {
    // Act: recording the outcome is throttled twice (retry waits scaled to milliseconds).
    const { execution, calls } = await run(
      (task) =>
        task.kind === 'item' && task.role === 'division-director' ? 'returned' : 'approved',
      1e-5,
      (attempt) => (attempt <= 2 ? new TransientError('DynamoDB throttled the write') : undefined),
    );

    // Assess
    expect(calls).toEqual([
      'request division-director#0 (request)',
      'record item returned',
      'record item returned',
      'record item returned',
    ]);
    expect(execution?.status).toBe('SUCCEEDED');
  });

  it('fails a step at once on a permanent error, with its message as the cause', async () => {
    // Act: a bug in the record-outcome function.
    const { execution, calls } = await run(
      (task) =>
        task.kind === 'item' && task.role === 'division-director' ? 'returned' : 'approved',
      1e-5,
      () => new TypeError("Cannot read properties of undefined (reading 'status')"),
    );

    // Assess
    expect(calls).toEqual(['request division-director#0 (request)', 'record item returned']);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'TypeError' });
    expect(execution?.cause).toContain("Cannot read properties of undefined (reading 'status')");
  });
});
