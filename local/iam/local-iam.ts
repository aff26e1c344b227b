/**
 * IAM for the local stack, as AWS applies it: one IAM front per emulator
 * (DynamoDB, S3, SQS, Step Functions, SES, Cognito, Secrets Manager),
 * each local function known by its own access key and evaluated as its
 * role in the synthesised template, and the state machine's role checked on
 * every Lambda it invokes. What was denied or left undecided is kept in a
 * ledger for tests and printed through the stack's log.
 */

import S3rverAccounts from 's3rver/lib/models/account.js';
import type { FunctionCredentials } from '../local-functions.js';
import type { LocalResources } from '../local-resources.js';
import { type CfnTemplate, LOCAL_ACCOUNT, resourcesOfType } from '../local-template.js';
import type { AccountFacts, IamService } from './aws-request.js';
import { createIamEvaluator } from './iam-evaluator.js';
import { type IamFront, type IamLedger, type IamPrincipal, startIamFront } from './iam-front.js';
import { type RolePolicies, templatePolicies } from './template-policies.js';

export interface IamFunction {
  name: string;
  roleLogicalId: string;
  credentials: FunctionCredentials;
}

export interface LocalIam {
  /** The endpoint each function's SDK clients use, per service. */
  endpoints: Record<IamService, string>;
  ledger: IamLedger;
  /** Makes each function's key known: to the fronts and, for its signatures, to s3rver. */
  register(functions: readonly IamFunction[]): void;
  /** Throws Lambda's AccessDenied when the state machine's role may not invoke `functionArn`. */
  checkStateMachineInvoke(functionArn: string): Promise<void>;
  close(): Promise<void>;
}

export interface LocalIamOptions {
  template: CfnTemplate;
  resources: LocalResources;
  region: string;
  /** Where allowed requests go, per service (read per request). */
  targets: Record<IamService, () => string>;
  /** A secret's full ARN by name or ARN (from the local Secrets Manager). */
  secretArnOf?(secretId: string): string | undefined;
  log(line: string): void;
}

/** A failed Lambda invocation as Step Functions reports the SDK's error. */
export class LambdaAccessDeniedError extends Error {
  override readonly name = 'Lambda.AWSLambdaException';
}

function hashKeys(template: CfnTemplate, resources: LocalResources) {
  const keys = new Map<string, string>();
  for (const [, table] of resourcesOfType(template, 'AWS::DynamoDB::Table')) {
    const schema = (table.Properties?.KeySchema ?? []) as {
      AttributeName: string;
      KeyType: string;
    }[];
    const hash = schema.find((k) => k.KeyType === 'HASH')?.AttributeName;
    if (hash) keys.set(resources.tableName, hash);
  }
  return keys;
}

/** The identity the template sends from (its SesIdentity parameter, as deployed). */
function sesIdentities(template: CfnTemplate, resources: LocalResources): string[] {
  const parameters = (template as { Parameters?: Record<string, unknown> }).Parameters ?? {};
  return 'SesIdentity' in parameters ? [resources.ref('SesIdentity')] : [];
}

export async function startLocalIam(options: LocalIamOptions): Promise<LocalIam> {
  const policies = templatePolicies(options.template, options.resources);
  const evaluator = createIamEvaluator(policies, LOCAL_ACCOUNT);
  const ledger: IamLedger = { checked: 0, actionsOf: new Map(), denied: [], undecided: [] };
  for (const grant of policies.unresolved) {
    const [principal = '', resource = ''] = grant.split(': ');
    ledger.undecided.push({
      service: 'states',
      principal,
      action: 'policy',
      resource,
      decision: 'undecided',
      detail:
        'a grant of the template names a resource the local stack could not resolve to an ARN',
    });
    options.log(
      `IAM undecided: ${grant} — not an ARN; the simulator would read it as any resource`,
    );
  }
  const principals = new Map<string, IamPrincipal>();
  const keys = hashKeys(options.template, options.resources);
  const facts: AccountFacts = {
    region: options.region,
    accountId: LOCAL_ACCOUNT,
    hashKeyOf: (table) => keys.get(table),
    sesIdentities: sesIdentities(options.template, options.resources),
    ...(options.secretArnOf ? { secretArnOf: options.secretArnOf } : {}),
  };
  const services: IamService[] = [
    'dynamodb',
    's3',
    'sqs',
    'states',
    'ses',
    'cognito-idp',
    'secretsmanager',
  ];
  const fronts: IamFront[] = await Promise.all(
    services.map((service) =>
      startIamFront({
        service,
        target: options.targets[service],
        principalOf: (id) => principals.get(id),
        evaluator,
        facts,
        ledger,
        log: options.log,
      }),
    ),
  );
  const registered: string[] = [];

  const [machine] = resourcesOfType(options.template, 'AWS::StepFunctions::StateMachine');
  const machineRoleId = (
    machine?.[1].Properties?.RoleArn as { 'Fn::GetAtt'?: [string, string] } | undefined
  )?.['Fn::GetAtt']?.[0];
  const machineRole: RolePolicies | undefined = machineRoleId
    ? policies.roles.get(machineRoleId)
    : undefined;

  return {
    endpoints: Object.fromEntries(
      services.map((service, i) => [service, fronts[i]?.url ?? '']),
    ) as Record<IamService, string>,
    ledger,
    register(functions) {
      for (const fn of functions) {
        const role = policies.roles.get(fn.roleLogicalId);
        if (!role) throw new Error(`${fn.name}: no role ${fn.roleLogicalId} in the template`);
        principals.set(fn.credentials.accessKeyId, { name: fn.name, role });
        S3rverAccounts.DUMMY_ACCOUNT.createKeyPair(
          fn.credentials.accessKeyId,
          fn.credentials.secretAccessKey,
        );
        registered.push(fn.credentials.accessKeyId);
      }
    },
    async checkStateMachineInvoke(functionArn) {
      if (!machineRole) {
        ledger.undecided.push({
          service: 'states',
          principal: 'state machine',
          action: 'lambda:InvokeFunction',
          resource: functionArn,
          decision: 'undecided',
          detail: 'the template names no role for the state machine',
        });
        return;
      }
      const session = `arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/${machineRole.roleLogicalId}/states`;
      ledger.checked += 1;
      const verdict = await evaluator.evaluate(machineRole, session, {
        action: 'lambda:InvokeFunction',
        resource: functionArn,
        context: {},
      });
      if (verdict.decision === 'allowed') return;
      const event = {
        service: 'states' as const,
        principal: 'state machine',
        action: 'lambda:InvokeFunction',
        resource: functionArn,
        decision: verdict.decision,
        detail: verdict.decision === 'denied' ? verdict.message : verdict.reason,
      };
      (verdict.decision === 'denied' ? ledger.denied : ledger.undecided).push(event);
      options.log(`IAM ${event.decision}: ${event.principal} ${event.action} — ${event.detail}`);
      if (verdict.decision === 'denied') {
        throw new LambdaAccessDeniedError(
          `${verdict.message} (Service: Lambda, Status Code: 403, Error Code: AccessDeniedException)`,
        );
      }
    },
    async close() {
      for (const id of registered) S3rverAccounts.DUMMY_ACCOUNT.revokeAccessKey(id);
      await Promise.all(fronts.map((front) => front.close()));
    },
  };
}
