/**
 * Task overrides for aws-local-stepfunctions that invoke our Lambdas in
 * process, in the three forms CDK's LambdaInvoke synthesises:
 * - a function ARN as Resource (`payloadResponseOnly`): the input is the payload, the result the output;
 * - `arn:aws:states:::lambda:invoke`: `{FunctionName, Payload}` in, `{Payload: result, …}` out;
 * - `…lambda:invoke.waitForTaskToken`: invoke, then wait for SendTaskSuccess/Failure.
 *
 * The runner knows `$$.Task.Token` only from the static `context` option,
 * so each execution's context carries a placeholder that the override swaps
 * for a fresh token per task run.
 */

import { setImmediate as nextTurn } from 'node:timers/promises';
import { type AslMachine, allStates, enclosingScopes } from './asl-states.js';
import type { TaskTokens } from './task-tokens.js';
import type { LocalTaskInvoker } from './types.js';

const LAMBDA_ARN = /^arn:[^:]+:lambda:[^:]+:\d{12}:function:/;
const LAMBDA_INVOKE = /^arn:[^:]+:states:::lambda:invoke(\.waitForTaskToken)?$/;

export type TaskHandler = (input: unknown) => Promise<unknown>;

/** What one execution's overrides need to know. */
export interface TaskRun {
  executionArn: string;
  tokenPlaceholder: string;
  invoke: LocalTaskInvoker;
  /** Counts `work` as in flight until it settles (idle/settled/busy read this). */
  track<T>(work: () => Promise<T>): Promise<T>;
  tokens: TaskTokens;
  functionArnOf(nameOrArn: string): string;
  /** Set once the execution has ended: a retry must not invoke anything again. */
  isClosed(): boolean;
  /** Whether one of these enclosing Map/Parallel states has already failed (failed-scopes.ts). */
  anyFailed(scopes: readonly string[]): boolean;
}

/**
 * An error the runner must neither retry nor catch (it reads `isRetryable`
 * and `isCatchable`): the execution ended while this task waited, or the
 * task belongs to an iteration its Map has already given up on.
 */
export class ExecutionClosedError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(message = 'The execution is no longer running') {
    super(message);
    this.name = 'States.Runtime';
  }
}

/** A Lambda error as Step Functions reports it: the error type, and a JSON Cause. */
export class LambdaFunctionError extends Error {
  constructor(error: unknown) {
    const type = (error instanceof Error && error.name) || 'Lambda.Unknown';
    const message = error instanceof Error ? error.message : String(error);
    super(JSON.stringify({ errorType: type, errorMessage: message }));
    this.name = type;
  }
}

/** Fails fast on a Task this runner cannot perform, before any execution starts. */
export function assertLambdaTasksOnly(definition: AslMachine): void {
  const unsupported = [...allStates(definition)]
    .filter(([, state]) => state.Type === 'Task')
    .filter(([, state]) => {
      const resource = String(state.Resource);
      return !LAMBDA_ARN.test(resource) && !LAMBDA_INVOKE.test(resource);
    })
    .map(([name, state]) => `${name} (${String(state.Resource)})`);
  if (unsupported.length > 0)
    throw new Error(`only Lambda tasks run locally; unsupported: ${unsupported.join(', ')}`);
}

/** The overrides for every Task state, keyed by state name as the runner expects. */
export function taskHandlersFor(definition: AslMachine, run: TaskRun): Record<string, TaskHandler> {
  const scopesOf = enclosingScopes(definition);
  const handlers: Record<string, TaskHandler> = {};
  for (const [name, state] of allStates(definition)) {
    if (state.Type !== 'Task') continue;
    const task: TaskState = {
      name,
      resource: String(state.Resource),
      scopes: scopesOf.get(name) ?? [],
      timeoutMs: typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds * 1000 : undefined,
    };
    const pattern = LAMBDA_INVOKE.exec(task.resource);
    if (!pattern) {
      handlers[name] = (payload) => invokeIn(run, task, task.resource, payload);
    } else if (pattern[1]) {
      handlers[name] = (input) => waitForTaskToken(run, task, input);
    } else {
      handlers[name] = async (input) => {
        const { FunctionName, Payload } = invokeParameters(input);
        const result = await invokeIn(run, task, run.functionArnOf(FunctionName), Payload);
        return { ExecutedVersion: '$LATEST', Payload: result ?? null, StatusCode: 200 };
      };
    }
  }
  return handlers;
}

interface TaskState {
  name: string;
  resource: string;
  /** Enclosing Map/Parallel states. */
  scopes: string[];
  timeoutMs: number | undefined;
}

/**
 * Invokes the function unless the execution ended or, inside a Map or
 * Parallel, the enclosing state already failed. That failure is known only
 * once the runner's promise chains have run: hence one turn of the event
 * loop before looking.
 */
function invokeIn(
  run: TaskRun,
  task: TaskState,
  functionArn: string,
  payload: unknown,
): Promise<unknown> {
  // Tracked from the start, so the turn spent waiting does not look settled.
  return run.track(async () => {
    if (task.scopes.length > 0) await nextTurn();
    if (run.isClosed()) throw new ExecutionClosedError();
    if (run.anyFailed(task.scopes))
      throw new ExecutionClosedError(
        `${task.name} runs in a ${task.scopes.at(-1)} that has failed`,
      );
    try {
      // JSON in and out, as over the wire: the handler gets no shared references.
      const result = await run.invoke(functionArn, structuredClone(payload));
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } catch (error) {
      throw new LambdaFunctionError(error);
    }
  });
}

function waitForTaskToken(run: TaskRun, task: TaskState, input: unknown): Promise<unknown> {
  if (run.isClosed()) return Promise.reject(new ExecutionClosedError());
  const { FunctionName, Payload } = invokeParameters(input);
  // Issued before the invoke and synchronously (before the runner arms its
  // timeout): the function may answer with the token before it returns.
  const { token, result } = run.tokens.issue(run.executionArn, task.name, task.timeoutMs);
  const payload = withToken(Payload, run.tokenPlaceholder, token);
  invokeIn(run, task, run.functionArnOf(FunctionName), payload).catch((error: Error) =>
    run.tokens.abandon(token, error),
  );
  return result;
}

function invokeParameters(input: unknown): { FunctionName: string; Payload: unknown } {
  const { FunctionName, Payload } = (input ?? {}) as Record<string, unknown>;
  if (typeof FunctionName !== 'string')
    throw new Error('a lambda:invoke task needs Parameters.FunctionName');
  return { FunctionName, Payload: Payload ?? {} };
}

/** The input with the context placeholder replaced by this task run's token, wherever it sits. */
function withToken(value: unknown, placeholder: string, token: string): unknown {
  if (typeof value === 'string') return value.replaceAll(placeholder, token);
  if (Array.isArray(value)) return value.map((item) => withToken(item, placeholder, token));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withToken(item, placeholder, token)]),
    );
  }
  return value;
}
