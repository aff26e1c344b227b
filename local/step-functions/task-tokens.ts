/**
 * The task tokens of `.waitForTaskToken` states. aws-local-stepfunctions has
 * no callback pattern of its own: a task override issues a token here and
 * returns its promise, which SendTaskSuccess/SendTaskFailure settle.
 *
 * Settled tokens are remembered, so a second answer is TaskDoesNotExist and
 * a late one TaskTimedOut, as in AWS.
 */

import { randomBytes } from 'node:crypto';
import { SfnApiError } from './sfn-api-error.js';

const TOKEN_PREFIX = 'local-task-token.';
const TOKEN_SHAPE = /^local-task-token\.[A-Za-z0-9_-]{43}$/;

type TokenState = 'waiting' | 'succeeded' | 'failed' | 'timed-out' | 'closed';

interface TokenEntry {
  executionArn: string;
  stateName: string;
  state: TokenState;
  resolve(output: unknown): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

/** What SendTaskFailure raises in the state machine: its `name` is what Retry/Catch match. */
export class TaskFailureError extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

export class TaskTokens {
  private readonly entries = new Map<string, TokenEntry>();

  constructor(private readonly onChange: () => void) {}

  /**
   * A fresh token for one run of a waiting task. `timeoutMs` is when the
   * runner's own timer raises States.Timeout: this timer is armed first with
   * the same delay, so it fires first, and from then on the token answers
   * TaskTimedOut instead of settling a promise nobody awaits.
   */
  issue(
    executionArn: string,
    stateName: string,
    timeoutMs: number | undefined,
  ): { token: string; result: Promise<unknown> } {
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const { promise, resolve, reject } = withResolvers<unknown>();
    // The runner races this promise against its timer and may drop it unsettled.
    promise.catch(() => {});
    const entry: TokenEntry = { executionArn, stateName, state: 'waiting', resolve, reject };
    if (timeoutMs !== undefined) {
      entry.timer = setTimeout(() => this.close(entry, 'timed-out'), timeoutMs);
    }
    this.entries.set(token, entry);
    this.onChange();
    return { token, result: promise };
  }

  succeed(token: string, output: unknown): void {
    this.close(this.waiting(token), 'succeeded').resolve(output);
  }

  fail(token: string, error: string, cause: string): void {
    this.close(this.waiting(token), 'failed').reject(new TaskFailureError(error, cause));
  }

  /** Heartbeats are accepted for a waiting task; the runner has no HeartbeatSeconds to reset. */
  heartbeat(token: string): void {
    this.waiting(token);
  }

  /** The task failed on its own (its Lambda invoke threw): the token is spent. */
  abandon(token: string, error: Error): void {
    const entry = this.entries.get(token);
    if (entry?.state === 'waiting') this.close(entry, 'failed').reject(error);
  }

  /** The execution ended: its waiting tokens are gone, and their tasks unwind with `reason`. */
  closeExecution(executionArn: string, reason: Error): void {
    for (const entry of this.entries.values()) {
      if (entry.executionArn === executionArn && entry.state === 'waiting') {
        this.close(entry, 'closed').reject(reason);
      }
    }
  }

  waitingCount(executionArn: string): number {
    let count = 0;
    for (const entry of this.entries.values()) {
      if (entry.executionArn === executionArn && entry.state === 'waiting') count += 1;
    }
    return count;
  }

  private waiting(token: string): TokenEntry {
    if (!TOKEN_SHAPE.test(token)) throw new SfnApiError('InvalidToken', 'Invalid Token');
    const entry = this.entries.get(token);
    if (entry?.state === 'timed-out') throw new SfnApiError('TaskTimedOut', 'Task Timed Out');
    if (entry?.state !== 'waiting')
      throw new SfnApiError('TaskDoesNotExist', 'Task does not exist anymore');
    return entry;
  }

  private close(entry: TokenEntry, state: Exclude<TokenState, 'waiting'>): TokenEntry {
    entry.state = state;
    clearTimeout(entry.timer);
    this.onChange();
    return entry;
  }
}

function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}
