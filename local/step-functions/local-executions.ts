/**
 * The executions of one state machine, each run by aws-local-stepfunctions
 * with our Lambda overrides, and kept with the fields DescribeExecution and
 * ListExecutions report. Names follow Standard workflow rules: a name is
 * used once per state machine, and repeating a running start (same name,
 * same input) is idempotent.
 */

import { randomUUID } from 'node:crypto';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
} from 'aws-local-stepfunctions';
import type { Activity } from './activity.js';
import type { AslMachine } from './asl-states.js';
import { FailedScopes } from './failed-scopes.js';
import { ExecutionClosedError, taskHandlersFor } from './lambda-task-handlers.js';
import { SfnApiError } from './sfn-api-error.js';
import type { TaskTokens } from './task-tokens.js';
import type { ExecutionStatus, ExecutionSummary, LocalTaskInvoker } from './types.js';

type RunnerDefinition = ConstructorParameters<typeof StateMachine>[0];
type RunnerInput = Parameters<StateMachine['run']>[0];

/** Execution names AWS accepts: 1–80 characters, none of whitespace, brackets, wildcards, specials or controls. */
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;

export interface ExecutionRecord extends ExecutionSummary {
  inputText: string;
  outputText?: string;
  abort(): void;
}

export interface MachineSettings {
  stateMachineArn: string;
  stateMachineName: string;
  region: string;
  accountId: string;
  /** The definition the runner executes (time-scaled, validated beforehand). */
  definition: AslMachine;
  invoke: LocalTaskInvoker;
}

export class LocalExecutions {
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly runner: StateMachine;

  constructor(
    private readonly machine: MachineSettings,
    private readonly tokens: TaskTokens,
    private readonly activity: Activity,
  ) {
    // Validated by the caller on the unscaled definition: scaled timeouts are fractional.
    this.runner = new StateMachine(machine.definition as unknown as RunnerDefinition, {
      validationOptions: { noValidate: true },
    });
  }

  start(name: string, inputText: string): ExecutionRecord {
    if (!EXECUTION_NAME.test(name)) throw new SfnApiError('InvalidName', `Invalid Name: '${name}'`);
    const input = parseInput(inputText);
    const executionArn = this.executionArnOf(name);
    const existing = this.records.get(executionArn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.inputText === inputText) return existing;
      throw new SfnApiError(
        'ExecutionAlreadyExists',
        `Execution Already Exists: '${executionArn}'`,
      );
    }
    const record: ExecutionRecord = {
      executionArn,
      name,
      status: 'RUNNING',
      input,
      inputText,
      startDate: new Date(),
      abort: () => {},
    };
    this.records.set(executionArn, record);
    this.run(record);
    return record;
  }

  describe(executionArn: string): ExecutionRecord {
    const record = this.records.get(executionArn);
    if (!record)
      throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  stop(executionArn: string, error?: string, cause?: string): ExecutionRecord {
    const record = this.describe(executionArn);
    if (record.status !== 'RUNNING') return record;
    this.finish(record, {
      status: 'ABORTED',
      ...(error === undefined ? {} : { error }),
      ...(cause === undefined ? {} : { cause }),
    });
    record.abort();
    return record;
  }

  /** Newest first, as ListExecutions returns them. */
  list(): ExecutionRecord[] {
    return [...this.records.values()].reverse();
  }

  running(): ExecutionRecord[] {
    return [...this.records.values()].filter((record) => record.status === 'RUNNING');
  }

  private executionArnOf(name: string): string {
    const { region, accountId, stateMachineName } = this.machine;
    return `arn:aws:states:${region}:${accountId}:execution:${stateMachineName}:${name}`;
  }

  private run(record: ExecutionRecord): void {
    const { machine, tokens, activity } = this;
    const tokenPlaceholder = `$$.Task.Token:${randomUUID()}`;
    const failedScopes = new FailedScopes();
    const handlers = taskHandlersFor(machine.definition, {
      executionArn: record.executionArn,
      tokenPlaceholder,
      tokens,
      invoke: machine.invoke,
      track: (work) => activity.track(work),
      functionArnOf: (nameOrArn) =>
        nameOrArn.startsWith('arn:')
          ? nameOrArn
          : `arn:aws:lambda:${machine.region}:${machine.accountId}:function:${nameOrArn}`,
      isClosed: () => record.status !== 'RUNNING',
      anyFailed: (scopes) => failedScopes.anyFailed(scopes),
    });
    const execution = this.runner.run(record.input as RunnerInput, {
      // The runner types payloads as its own JSONValue; ours are plain parsed JSON too.
      overrides: { taskResourceLocalHandlers: handlers as never },
      context: {
        Execution: {
          Id: record.executionArn,
          Name: record.name,
          RoleArn: `arn:aws:iam::${machine.accountId}:role/local-step-functions`,
        },
        StateMachine: { Id: machine.stateMachineArn, Name: machine.stateMachineName },
        Task: { Token: tokenPlaceholder },
      },
    });
    record.abort = execution.abort;
    failedScopes.follow(execution.eventLogs);
    execution.result.then(
      (output) => this.finish(record, { status: 'SUCCEEDED', output }),
      (error: unknown) => this.finish(record, outcomeOf(error)),
    );
  }

  private finish(
    record: ExecutionRecord,
    outcome: { status: ExecutionStatus; output?: unknown; error?: string; cause?: string },
  ): void {
    if (record.status !== 'RUNNING') return;
    Object.assign(record, outcome, { stopDate: new Date() });
    if ('output' in outcome) record.outputText = JSON.stringify(outcome.output ?? null);
    // Tasks still waiting unwind now, so the runner clears their timers.
    this.tokens.closeExecution(record.executionArn, new ExecutionClosedError());
    this.activity.changed();
  }
}

function parseInput(inputText: string): unknown {
  try {
    return JSON.parse(inputText);
  } catch {
    throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input');
  }
}

function outcomeOf(error: unknown): {
  status: ExecutionStatus;
  error?: string;
  cause?: string;
} {
  if (error instanceof ExecutionTimeoutError)
    return { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out' };
  if (error instanceof ExecutionAbortedError) return { status: 'ABORTED' };
  if (error instanceof ExecutionError && error.cause instanceof Error)
    return { status: 'FAILED', error: error.cause.name, cause: error.cause.message };
  return { status: 'FAILED', error: 'States.Runtime', cause: String(error) };
}
