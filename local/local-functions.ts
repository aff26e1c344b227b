/**
 * The stack's Lambda functions, run in this process from their source:
 * each AWS::Lambda::Function of the template maps to functions/<name>/handler.ts
 * (the construct names every function acm-report-<stage>-<folder>). Each runs
 * in a scope of its own (function-scope.ts) whose environment is what Lambda
 * would give it: the template's variables for that function only, the
 * runtime's (region, function name, credentials), and the local endpoints.
 * Each has its own access key, so the emulators' IAM front (local/iam) knows
 * which role a request comes from.
 */

import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { hostEnvironment, inFunctionScope } from './function-scope.js';
import type { LocalResources } from './local-resources.js';
import {
  type CfnTemplate,
  LOCAL_STAGE,
  resolveIntrinsics,
  resourcesOfType,
} from './local-template.js';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** The credentials a function signs its requests with (its role's session, locally). */
export interface FunctionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface LocalFunction {
  logicalId: string;
  name: string;
  arn: string;
  folder: string;
  timeoutSeconds: number;
  memorySize: number;
  /** The variables the template sets on this function, resolved locally. */
  environment: Record<string, string>;
  /** Its whole process.env while it runs. */
  runtimeEnvironment: Record<string, string>;
  /** The logical id of its execution role in the template. */
  roleLogicalId: string;
  credentials: FunctionCredentials;
  handler: Handler;
  /** Why its init failed, if it did: every invocation then fails with it, as in Lambda. */
  initError?: unknown;
}

export interface LocalFunctions {
  byArnOrName(nameOrArn: string): LocalFunction;
  byLogicalId(logicalId: string): LocalFunction;
  all: LocalFunction[];
  /** Invokes a function as Lambda would (RequestResponse), with a fresh context. */
  invoke(nameOrArn: string, event: unknown): Promise<unknown>;
}

/**
 * What a function's process.env holds besides its own template variables:
 * the host's variables (PATH, the test runner's), minus credentials and any
 * variable some function of the template sets, so that a variable one
 * function lacks is not lent to it by the host or by another function.
 */
function functionEnvironment(
  fn: Omit<LocalFunction, 'runtimeEnvironment' | 'handler'>,
  base: Record<string, string>,
  applicationKeys: ReadonlySet<string>,
  region: string,
): Record<string, string> {
  const host: Record<string, string> = {};
  for (const [key, value] of Object.entries(hostEnvironment())) {
    if (value === undefined || applicationKeys.has(key) || /^AWS_/.test(key)) continue;
    host[key] = value;
  }
  return {
    ...host,
    ...base,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_ACCESS_KEY_ID: fn.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: fn.credentials.secretAccessKey,
    // Lambda's credentials expire too (after hours). These count as expiring
    // at once, so an SDK client shared by several functions in this process
    // reads the calling function's key on every request instead of keeping
    // the first caller's.
    AWS_CREDENTIAL_EXPIRATION: new Date(0).toISOString(),
    ...fn.environment,
  };
}

/**
 * How many stacks this process has loaded. A second stack is a new
 * deployment: its handlers get fresh module instances (a query on the
 * specifier), so they read their environment at their own init instead of
 * keeping the first stack's (or its init error).
 */
let stacksLoaded = 0;

/** A distinct access key per function; the IAM front maps it back to the function's role. */
function credentialsFor(index: number): FunctionCredentials {
  const id = `ASIALOCALFN${String(index).padStart(4, '0')}`;
  return { accessKeyId: id, secretAccessKey: `${id}-secret` };
}

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
    memoryLimitInMB: String(fn.memorySize),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${fn.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** What an event is, in a few words: an HTTP route and path, or a batch of records. */
function eventSummary(event: unknown): string {
  const e = event as { routeKey?: string; rawPath?: string; Records?: unknown[] };
  if (e?.routeKey) return `${e.routeKey} ${e.rawPath ?? ''}`.trim();
  if (Array.isArray(e?.Records)) return `${e.Records.length} record(s)`;
  return 'a direct invocation';
}

/**
 * Lambda stops a function at its timeout; locally it is left to finish (a
 * busy two-core machine is slower than Lambda, and stopping it would fail
 * what AWS would not), but said on stderr, once, when it runs past it: a
 * call that hangs is then named, where before a test only saw no answer.
 */
export function reportOverrun(fn: LocalFunction, event: unknown): NodeJS.Timeout {
  const timer = setTimeout(() => {
    process.stderr.write(
      `[local stack] ${fn.name} has run past its ${fn.timeoutSeconds} s timeout (Lambda would stop it) on ${eventSummary(event)} / ฟังก์ชันทำงานเกินเวลาที่กำหนด\n`,
    );
  }, fn.timeoutSeconds * 1000);
  timer.unref();
  return timer;
}

export async function loadLocalFunctions(
  template: CfnTemplate,
  resources: LocalResources,
  baseEnvironment: Record<string, string>,
  region: string,
  onInitError?: (fn: LocalFunction, error: unknown) => void,
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
  const applicationKeys = new Set<string>();
  for (const [index, [logicalId, resource]] of entries.entries()) {
    const p = resource.Properties ?? {};
    const name = String(p.FunctionName);
    const environment = resolveIntrinsics(
      (p.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {},
      resources,
    ) as Record<string, string>;
    for (const key of Object.keys(environment)) {
      applicationKeys.add(key);
      const local = overrides[key];
      if (local !== undefined) environment[key] = local;
    }
    const role = (p.Role as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt'];
    const described = {
      logicalId,
      name,
      arn: resources.getAtt(logicalId, 'Arn'),
      folder: name.slice(prefix.length),
      timeoutSeconds: Number(p.Timeout ?? 3),
      memorySize: Number(p.MemorySize ?? 128),
      environment,
      roleLogicalId: role?.[0] ?? '',
      credentials: credentialsFor(index),
    };
    functions.push({ ...described, runtimeEnvironment: {}, handler: async () => undefined });
  }

  const instance = stacksLoaded === 0 ? '' : `?stack=${stacksLoaded}`;
  stacksLoaded += 1;
  for (const fn of functions) {
    fn.runtimeEnvironment = functionEnvironment(fn, baseEnvironment, applicationKeys, region);
    // Init (module load: Powertools, the typed environment) runs in the function's own scope.
    try {
      const module = (await inFunctionScope(
        fn.runtimeEnvironment,
        () => import(/* @vite-ignore */ `../functions/${fn.folder}/handler.js${instance}`),
      )) as { handler: Handler };
      fn.handler = module.handler;
    } catch (error) {
      fn.initError = error;
      onInitError?.(fn, error);
      fn.handler = async () => {
        throw error;
      };
    }
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
    invoke: async (nameOrArn, event) => {
      const fn = find(nameOrArn);
      const overrun = reportOverrun(fn, event);
      try {
        return await inFunctionScope(fn.runtimeEnvironment, () =>
          fn.handler(event, lambdaContext(fn)),
        );
      } finally {
        clearTimeout(overrun);
      }
    },
  };
}
