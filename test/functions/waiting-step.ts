/**
 * A step that waits for a decision, on the local Step Functions endpoint: a
 * one-state machine whose `.waitForTaskToken` task hands its token to the
 * test, so a handler can resume it with SendTaskSuccess over the real
 * protocol and the test can read how the execution ended. (The approval
 * chain itself is tested in test/local.)
 */

import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import {
  type ExecutionSummary,
  startLocalStepFunctions,
} from '../../local/step-functions/local-step-functions.js';

const ACCOUNT = '123456789012';

export interface WaitingStep {
  /** The endpoint for AWS_ENDPOINT_URL_SFN. */
  endpoint: string;
  /** Starts an execution and answers once it waits: its ARN and the task token it waits on. */
  start(): Promise<{ executionArn: string; taskToken: string }>;
  /** How the execution stands once nothing moves on its own any more. */
  outcome(executionArn: string): Promise<ExecutionSummary | undefined>;
  close(): Promise<void>;
}

export async function startWaitingStep(): Promise<WaitingStep> {
  const tokens: string[] = [];
  const stepFunctions = await startLocalStepFunctions({
    definition: {
      StartAt: 'Decide',
      States: {
        Decide: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: {
            FunctionName: `arn:aws:lambda:${LOCAL_REGION}:${ACCOUNT}:function:ask`,
            Payload: { 'taskToken.$': '$$.Task.Token' },
          },
          End: true,
        },
      },
    },
    stateMachineName: 'acm-report-test-waiting-step',
    region: LOCAL_REGION,
    accountId: ACCOUNT,
    invoke: async (_arn, payload) => {
      tokens.push(String((payload as { taskToken: string }).taskToken));
      return {};
    },
  });
  const sfn = new SFNClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: stepFunctions.endpoint,
  });
  return {
    endpoint: stepFunctions.endpoint,
    async start() {
      const seen = tokens.length;
      const { executionArn } = await sfn.send(
        new StartExecutionCommand({ stateMachineArn: stepFunctions.stateMachineArn, input: '{}' }),
      );
      await stepFunctions.settled();
      const taskToken = tokens[seen];
      if (!executionArn || !taskToken) throw new Error('the waiting step issued no task token');
      return { executionArn, taskToken };
    },
    async outcome(executionArn) {
      await stepFunctions.settled();
      return stepFunctions.executions().find((e) => e.executionArn === executionArn);
    },
    async close() {
      sfn.destroy();
      await stepFunctions.close();
    },
  };
}
