/**
 * The stack's Lambda functions, run in this process from their source:
 * each AWS::Lambda::Function of the template maps to functions/<name>/handler.ts
 * (the construct names every function acm-report-<stage>-<folder>), with
 * the environment the template gives it, resolved against local resources.
 */

import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { LocalResources } from './local-resources.js';
import {
  type CfnTemplate,
  LOCAL_STAGE,
  resolveIntrinsics,
  resourcesOfType,
} from './local-template.js';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export interface LocalFunction {
  logicalId: string;
  name: string;
  arn: string;
  folder: string;
  timeoutSeconds: number;
  environment: Record<string, string>;
  handler: Handler;
}

export interface LocalFunctions {
  byArnOrName(nameOrArn: string): LocalFunction;
  byLogicalId(logicalId: string): LocalFunction;
  all: LocalFunction[];
  /** Invokes a function as Lambda would (RequestResponse), with a fresh context. */
  invoke(nameOrArn: string, event: unknown): Promise<unknown>;
}

/** Variables that differ per function by design; everything else must agree. */
const PER_FUNCTION = new Set(['POWERTOOLS_SERVICE_NAME']);

function lambdaContext(fn: LocalFunction): Context {
  const deadline = Date.now() + fn.timeoutSeconds * 1000;
  const unsupported = () => {
    throw new Error('callback-style completion is not used by acm-report handlers');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fn.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: fn.arn,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${fn.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

export async function loadLocalFunctions(
  template: CfnTemplate,
  resources: LocalResources,
  baseEnvironment: Record<string, string>,
  /** Values this machine gives instead of the template's (the local portal's URL). */
  overrides: Record<string, string> = {},
): Promise<LocalFunctions> {
  const prefix = `acm-report-${LOCAL_STAGE}-`;
  const entries = resourcesOfType(template, 'AWS::Lambda::Function').filter(([, r]) =>
    String(r.Properties?.FunctionName ?? '').startsWith(prefix),
  );
  for (const [id, resource] of entries)
    resources.functionNames.set(id, String(resource.Properties?.FunctionName));

  const functions: LocalFunction[] = [];
  const shared: Record<string, string> = { ...baseEnvironment };
  for (const [logicalId, resource] of entries) {
    const p = resource.Properties ?? {};
    const name = String(p.FunctionName);
    const environment = resolveIntrinsics(
      (p.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {},
      resources,
    ) as Record<string, string>;
    for (const key of Object.keys(environment))
      if (overrides[key] !== undefined) environment[key] = overrides[key];
    for (const [key, value] of Object.entries(environment)) {
      if (PER_FUNCTION.has(key)) continue;
      // One process hosts every function: a variable two functions set
      // differently would make one of them read the other's value.
      if (shared[key] !== undefined && shared[key] !== value) {
        throw new Error(`functions disagree on ${key}: ${shared[key]} / ${value}`);
      }
      shared[key] = value;
    }
    functions.push({
      logicalId,
      name,
      arn: resources.getAtt(logicalId, 'Arn'),
      folder: name.slice(prefix.length),
      timeoutSeconds: Number(p.Timeout ?? 3),
      environment,
      handler: async () => undefined,
    });
  }

  Object.assign(process.env, shared);
  for (const fn of functions) {
    // Powertools reads its service name when the module loads.
    process.env.POWERTOOLS_SERVICE_NAME = fn.environment.POWERTOOLS_SERVICE_NAME ?? fn.folder;
    const module = (await import(/* @vite-ignore */ `../functions/${fn.folder}/handler.js`)) as {
      handler: Handler;
    };
    fn.handler = module.handler;
  }

  const byKey = new Map<string, LocalFunction>();
  for (const fn of functions) {
    byKey.set(fn.name, fn);
    byKey.set(fn.arn, fn);
    byKey.set(fn.logicalId, fn);
  }
  const find = (key: string) => {
    // Step Functions may name a function by a qualified ARN (…:function:name:$LATEST).
    const fn = byKey.get(key) ?? byKey.get(key.replace(/:(\$LATEST|\d+)$/, ''));
    if (!fn) throw new Error(`no local function ${key}`);
    return fn;
  };
  return {
    all: functions,
    byArnOrName: find,
    byLogicalId: find,
    invoke: (nameOrArn, event) => {
      const fn = find(nameOrArn);
      return fn.handler(event, lambdaContext(fn));
    },
  };
}
