/**
 * The Step Functions API actions our adapters and tools call, over the
 * local executions and task tokens, with AWS's request checks and response
 * shapes (timestamps as epoch seconds, JSON documents as strings).
 */

import { randomUUID } from 'node:crypto';
import type { JsonAction } from './aws-json-server.js';
import type { ExecutionRecord, LocalExecutions } from './local-executions.js';
import { SfnApiError } from './sfn-api-error.js';
import type { TaskTokens } from './task-tokens.js';

const MAX_LIST_RESULTS = 1000;

function requiredString(request: Record<string, unknown>, member: string): string {
  const value = request[member];
  if (typeof value !== 'string' || value.length === 0)
    throw new SfnApiError('ValidationException', `'${member}' is required`);
  return value;
}

function optionalString(request: Record<string, unknown>, member: string): string | undefined {
  const value = request[member];
  return typeof value === 'string' ? value : undefined;
}

const epochSeconds = (date: Date) => date.getTime() / 1000;

function summaryOf(record: ExecutionRecord, stateMachineArn: string) {
  return {
    executionArn: record.executionArn,
    stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startDate),
    ...(record.stopDate ? { stopDate: epochSeconds(record.stopDate) } : {}),
  };
}

export function sfnActions(
  stateMachineArn: string,
  executions: LocalExecutions,
  tokens: TaskTokens,
): Record<string, JsonAction> {
  const ownMachine = (request: Record<string, unknown>) => {
    const arn = requiredString(request, 'stateMachineArn');
    if (!arn.startsWith('arn:')) throw new SfnApiError('InvalidArn', `Invalid Arn: '${arn}'`);
    if (arn !== stateMachineArn)
      throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  };
  const taskOutput = (request: Record<string, unknown>) => {
    const output = requiredString(request, 'output');
    try {
      return JSON.parse(output) as unknown;
    } catch {
      throw new SfnApiError('InvalidOutput', 'Invalid Output');
    }
  };

  return {
    StartExecution(request) {
      ownMachine(request);
      const record = executions.start(
        optionalString(request, 'name') ?? randomUUID(),
        optionalString(request, 'input') ?? '{}',
      );
      return { executionArn: record.executionArn, startDate: epochSeconds(record.startDate) };
    },

    DescribeExecution(request) {
      const record = executions.describe(requiredString(request, 'executionArn'));
      const done = record.outputText !== undefined;
      return {
        ...summaryOf(record, stateMachineArn),
        input: record.inputText,
        inputDetails: { included: true },
        ...(done ? { output: record.outputText, outputDetails: { included: true } } : {}),
        ...(record.error === undefined ? {} : { error: record.error }),
        ...(record.cause === undefined ? {} : { cause: record.cause }),
      };
    },

    StopExecution(request) {
      const record = executions.stop(
        requiredString(request, 'executionArn'),
        optionalString(request, 'error'),
        optionalString(request, 'cause'),
      );
      return { stopDate: epochSeconds(record.stopDate ?? new Date()) };
    },

    ListExecutions(request) {
      ownMachine(request);
      const status = optionalString(request, 'statusFilter');
      const matching = executions
        .list()
        .filter((record) => status === undefined || record.status === status);
      const size = Math.min(Number(request.maxResults) || 100, MAX_LIST_RESULTS);
      const offset = Number(optionalString(request, 'nextToken') ?? 0);
      const page = matching.slice(offset, offset + size);
      return {
        executions: page.map((record) => summaryOf(record, stateMachineArn)),
        ...(offset + size < matching.length ? { nextToken: String(offset + size) } : {}),
      };
    },

    SendTaskSuccess(request) {
      const token = requiredString(request, 'taskToken');
      tokens.succeed(token, taskOutput(request));
      return {};
    },

    SendTaskFailure(request) {
      tokens.fail(
        requiredString(request, 'taskToken'),
        optionalString(request, 'error') ?? '',
        optionalString(request, 'cause') ?? '',
      );
      return {};
    },

    SendTaskHeartbeat(request) {
      tokens.heartbeat(requiredString(request, 'taskToken'));
      return {};
    },
  };
}
