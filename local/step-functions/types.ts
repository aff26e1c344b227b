/** The public shape of the local Step Functions endpoint. */

/**
 * Invokes the Lambda function named by ARN with the payload, as Lambda's
 * RequestResponse invoke does, and returns its result. A thrown error's
 * `name` is what Retry and Catch match: the function's own error type, or a
 * service error such as 'Lambda.Unknown'.
 */
export type LocalTaskInvoker = (functionArn: string, payload: unknown) => Promise<unknown>;

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionSummary {
  executionArn: string;
  name: string;
  status: ExecutionStatus;
  input: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate?: Date;
}

export interface LocalStepFunctionsOptions {
  /** Plain ASL, intrinsics already resolved (infra/asl-definition.ts). */
  definition: object;
  stateMachineName: string;
  region: string;
  accountId: string;
  invoke: LocalTaskInvoker;
  /**
   * Multiplies every duration in the definition (task and execution
   * TimeoutSeconds, Wait Seconds, Retry intervals): 1e-6 turns the approval
   * chain's days into fractions of a second for tests and demos. Default 1.
   */
  timeScale?: number;
}

export interface LocalStepFunctions {
  /** http://127.0.0.1:<port>: an AWS JSON 1.0 endpoint for the SDK v3 SFNClient. */
  endpoint: string;
  stateMachineArn: string;
  executions(): ExecutionSummary[];
  /** Resolves when no execution is RUNNING and no invocation is in flight; rejects after timeoutMs. */
  idle(timeoutMs?: number): Promise<void>;
  /**
   * How many things are moving on their own: Lambda invocations in flight,
   * plus RUNNING executions not waiting on a task token (between states, in
   * a Retry pause or a Wait). 0 when `settled()` would resolve.
   */
  busy(): number;
  /**
   * Resolves when nothing moves without an outside call: no invocation in
   * flight and every RUNNING execution is waiting on a task token (an
   * approver's decision). Rejects after timeoutMs.
   */
  settled(timeoutMs?: number): Promise<void>;
  /** Stops running executions, waits briefly for invocations in flight, closes the server. */
  close(): Promise<void>;
}
