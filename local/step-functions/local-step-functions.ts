/**
 * A local AWS Step Functions endpoint for the embedded stack: the state
 * machine CDK synthesises, run by aws-local-stepfunctions, its Lambda tasks
 * performed in process by `invoke`, behind the JSON API the SDK v3 SFNClient
 * speaks (StartExecution, DescribeExecution, StopExecution, ListExecutions,
 * SendTaskSuccess/Failure/Heartbeat).
 */

import { StateMachine } from 'aws-local-stepfunctions';
import { Activity } from './activity.js';
import type { AslMachine } from './asl-states.js';
import { startAwsJsonServer } from './aws-json-server.js';
import { assertLambdaTasksOnly } from './lambda-task-handlers.js';
import { LocalExecutions } from './local-executions.js';
import { installPromiseWithResolvers } from './promise-with-resolvers.js';
import { scaleDefinition } from './scale-definition.js';
import { sfnActions } from './sfn-actions.js';
import { TaskTokens } from './task-tokens.js';
import type { LocalStepFunctions, LocalStepFunctionsOptions } from './types.js';

export type * from './types.js';

const DEFAULT_WAIT_MS = 10_000;
const CLOSE_GRACE_MS = 5_000;
/** Definitions the runner has found valid in this process. */
const VALIDATED_DEFINITIONS = new Set<string>();

export async function startLocalStepFunctions(
  options: LocalStepFunctionsOptions,
): Promise<LocalStepFunctions> {
  installPromiseWithResolvers();
  const definition = options.definition as AslMachine;
  // The runner's own validation (asl-validator), on the definition as written:
  // once per definition in a process (it compiles its JSON schemas anew each
  // time, about a third of a second of CPU per stack start).
  const written = JSON.stringify(definition);
  if (!VALIDATED_DEFINITIONS.has(written)) {
    new StateMachine(definition as ConstructorParameters<typeof StateMachine>[0]);
    VALIDATED_DEFINITIONS.add(written);
  }
  assertLambdaTasksOnly(definition);

  const { region, accountId, stateMachineName } = options;
  const stateMachineArn = `arn:aws:states:${region}:${accountId}:stateMachine:${stateMachineName}`;
  const activity = new Activity();
  const tokens = new TaskTokens(() => activity.changed());
  const executions = new LocalExecutions(
    {
      stateMachineArn,
      stateMachineName,
      region,
      accountId,
      definition: scaleDefinition(definition, options.timeScale ?? 1),
      invoke: options.invoke,
    },
    tokens,
    activity,
  );
  const server = await startAwsJsonServer(
    'AWSStepFunctions',
    sfnActions(stateMachineArn, executions, tokens),
  );

  const moving = () =>
    activity.inFlightCount +
    executions.running().filter((record) => tokens.waitingCount(record.executionArn) === 0).length;

  return {
    endpoint: server.endpoint,
    stateMachineArn,
    executions: () =>
      executions
        .list()
        .reverse()
        .map(({ inputText, outputText, abort, ...summary }) => summary),
    busy: moving,
    idle: (timeoutMs = DEFAULT_WAIT_MS) =>
      activity.until(
        () => activity.inFlightCount === 0 && executions.running().length === 0,
        timeoutMs,
        'idle',
      ),
    settled: (timeoutMs = DEFAULT_WAIT_MS) =>
      activity.until(() => moving() === 0, timeoutMs, 'settled'),
    async close() {
      for (const record of executions.running()) {
        executions.stop(record.executionArn, 'States.Aborted', 'The local stack closed');
      }
      // Let invocations in flight finish before the caller tears the other services down.
      await activity
        .until(() => activity.inFlightCount === 0, CLOSE_GRACE_MS, 'drained')
        .catch(() => {});
      await server.close();
    },
  };
}
