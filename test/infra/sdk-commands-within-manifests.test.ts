/**
 * Every AWS SDK command a function's bundle can send is an action its
 * manifest grants (issue 16). Each handler is bundled as infra bundles it
 * (esbuild, ESM, minified, tree-shaken); the project's own modules that made
 * it into the bundle (shared/, functions/) are read for the `XxxCommand`
 * classes they import from the SDK, each mapped to its IAM action.
 *
 * A repository class ships all its methods to every function that holds it,
 * so a command can be in a bundle without being on the function's path (an
 * allow-list of those ran to about a hundred entries). So the scan is
 * narrowed: the modules only one function bundles (its folder, its use case,
 * a dedicated adapter) must be covered by that function's grants; a module
 * several bundle must have each command granted to at least one of them. The
 * per-function half (what each function really asked of IAM during a seed
 * round) is in test/e2e/seed-round-on-local-stack.test.ts.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFESTS } from '../../functions/manifests.js';

const ROOT = join(import.meta.dirname, '../..');

/** The IAM service prefix of each SDK package the project imports commands from. */
const SERVICE_OF_PACKAGE: Readonly<Record<string, string>> = {
  '@aws-sdk/client-dynamodb': 'dynamodb',
  '@aws-sdk/lib-dynamodb': 'dynamodb',
  '@aws-sdk/client-s3': 's3',
  '@aws-sdk/client-sqs': 'sqs',
  '@aws-sdk/client-sfn': 'states',
  '@aws-sdk/client-sesv2': 'ses',
  '@aws-sdk/client-cognito-identity-provider': 'cognito-idp',
  '@aws-sdk/client-secrets-manager': 'secretsmanager',
};

/**
 * Powertools classes that send SDK commands on the project's behalf: the
 * command is in node_modules, so the class stands for it in the scan.
 */
const COMMANDS_OF_POWERTOOLS: Readonly<Record<string, Record<string, string>>> = {
  '@aws-lambda-powertools/parameters/secrets': {
    SecretsProvider: 'secretsmanager:GetSecretValueCommand',
    getSecret: 'secretsmanager:GetSecretValueCommand',
  },
};

/**
 * Command → the IAM action AWS authorises it as, per service. Written out,
 * not derived from the name: several differ (HeadObject is s3:GetObject, a
 * batch send is sqs:SendMessage, lib-dynamodb's Put is dynamodb:PutItem).
 */
const ACTION_OF_COMMAND: Readonly<Record<string, string>> = {
  'dynamodb:GetCommand': 'dynamodb:GetItem',
  'dynamodb:PutCommand': 'dynamodb:PutItem',
  'dynamodb:UpdateCommand': 'dynamodb:UpdateItem',
  'dynamodb:DeleteCommand': 'dynamodb:DeleteItem',
  'dynamodb:QueryCommand': 'dynamodb:Query',
  'dynamodb:ScanCommand': 'dynamodb:Scan',
  'dynamodb:BatchGetCommand': 'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteCommand': 'dynamodb:BatchWriteItem',
  's3:GetObjectCommand': 's3:GetObject',
  's3:HeadObjectCommand': 's3:GetObject',
  's3:PutObjectCommand': 's3:PutObject',
  'sqs:SendMessageCommand': 'sqs:SendMessage',
  'sqs:SendMessageBatchCommand': 'sqs:SendMessage',
  'sqs:GetQueueUrlCommand': 'sqs:GetQueueUrl',
  'sqs:ReceiveMessageCommand': 'sqs:ReceiveMessage',
  'sqs:DeleteMessageBatchCommand': 'sqs:DeleteMessage',
  'states:StartExecutionCommand': 'states:StartExecution',
  'states:SendTaskSuccessCommand': 'states:SendTaskSuccess',
  'states:SendTaskFailureCommand': 'states:SendTaskFailure',
  'ses:SendEmailCommand': 'ses:SendEmail',
  'cognito-idp:ListGroupsCommand': 'cognito-idp:ListGroups',
  'cognito-idp:ListUsersInGroupCommand': 'cognito-idp:ListUsersInGroup',
  'cognito-idp:CreateGroupCommand': 'cognito-idp:CreateGroup',
  'cognito-idp:AdminCreateUserCommand': 'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminAddUserToGroupCommand': 'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroupCommand': 'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminListGroupsForUserCommand': 'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminDisableUserCommand': 'cognito-idp:AdminDisableUser',
  'secretsmanager:GetSecretValueCommand': 'secretsmanager:GetSecretValue',
};

/** `import { A, type B, C as D } from '@aws-sdk/…'`: the value imports, by package. */
const SDK_IMPORT =
  /import\s*\{([^}]*)\}\s*from\s*'(@aws-sdk\/[^']+|@aws-lambda-powertools\/[^']+)'/g;

/** The SDK commands one source file imports, as "service:XxxCommand". */
function sdkCommandsIn(source: string): string[] {
  const commands: string[] = [];
  for (const [, names = '', pkg = ''] of source.matchAll(SDK_IMPORT)) {
    const service = SERVICE_OF_PACKAGE[pkg];
    const sentFor = COMMANDS_OF_POWERTOOLS[pkg];
    if (!service && !sentFor) continue;
    for (const raw of names.split(',')) {
      const name = raw.trim().split(/\s+as\s+/)[0] ?? '';
      if (name.startsWith('type ')) continue;
      const sent = sentFor?.[name];
      if (sent) commands.push(sent);
      else if (service && /^[A-Z]\w*Command$/.test(name)) commands.push(`${service}:${name}`);
    }
  }
  return commands;
}

interface BundledCommand {
  command: string;
  /** The project module that imports it. */
  module: string;
}

/** Each function's bundled project modules (shared/, functions/), by function name. */
async function bundledModules(): Promise<Map<string, string[]>> {
  const entryPoints = Object.fromEntries(
    MANIFESTS.map((m) => [m.name, join(ROOT, 'functions', m.name, 'handler.ts')]),
  );
  // The settings infra/constructs/acm-function.ts gives every bundle; nothing is written.
  const { metafile } = await build({
    entryPoints,
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    mainFields: ['module', 'main'],
    outdir: 'out/sdk-commands',
    logLevel: 'silent',
  });
  const byFunction = new Map<string, string[]>();
  for (const { entryPoint, inputs } of Object.values(metafile.outputs)) {
    if (!entryPoint) continue;
    const name = entryPoint.split('/').at(-2) ?? entryPoint;
    // A module tree-shaken to nothing adds no command to the bundle.
    const modules = Object.entries(inputs)
      .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && OWN_SOURCE.test(input))
      .map(([input]) => input);
    byFunction.set(name, modules);
  }
  return byFunction;
}

const OWN_SOURCE = /^(shared|functions)\//;

function commandsOf(modules: readonly string[]): BundledCommand[] {
  return modules.flatMap((module) =>
    sdkCommandsIn(readFileSync(join(ROOT, module), 'utf8')).map((command) => ({ command, module })),
  );
}

function grantedActions(name: string): Set<string> {
  const manifest = MANIFESTS.find((m) => m.name === name);
  return new Set(manifest?.grants.flatMap((grant) => grant.actions) ?? []);
}

let bundled: Map<string, string[]>;
/** The functions whose bundle holds each module. */
const bundledBy = new Map<string, string[]>();

beforeAll(async () => {
  bundled = await bundledModules();
  for (const [name, modules] of bundled) {
    for (const module of modules) bundledBy.set(module, [...(bundledBy.get(module) ?? []), name]);
  }
}, 120_000);

describe('Reading SDK commands from source', () => {
  it('takes value imports from SDK packages, through aliases and across lines, and skips types', () => {
    const source = `import {
      type DynamoDBDocumentClient,
      PutCommand,
      QueryCommand as Query,
    } from '@aws-sdk/lib-dynamodb';
    import { type GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
    import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
    import { PathCommand } from './not-the-sdk.js';
    import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
    import { type SecretsProvider as Types } from '@aws-lambda-powertools/parameters/secrets';`;
    expect(sdkCommandsIn(source)).toEqual([
      'dynamodb:PutCommand',
      'dynamodb:QueryCommand',
      'sqs:SendMessageBatchCommand',
      'secretsmanager:GetSecretValueCommand',
    ]);
  });
});

describe("SDK commands within each function's manifest", () => {
  it('bundles every function, and finds SDK commands in most of them', () => {
    expect([...bundled.keys()].sort()).toEqual(MANIFESTS.map((m) => m.name).sort());
    const withCommands = [...bundled.values()].filter((m) => commandsOf(m).length > 0);
    // Every function but none talks to AWS; a scan that finds nothing is broken, not clean.
    expect(withCommands.length).toBe(MANIFESTS.length);
  });

  it('sees notify-approvers read its webhook secret, and finds it granted', () => {
    // Powertools' SecretsProvider sends GetSecretValue from node_modules.
    const commands = commandsOf(bundled.get('notify-approvers') ?? []).map((c) => c.command);
    expect(commands).toContain('secretsmanager:GetSecretValueCommand');
    expect(grantedActions('notify-approvers').has('secretsmanager:GetSecretValue')).toBe(true);
  });

  it('maps every SDK command the project bundles to an IAM action', () => {
    const unmapped = commandsOf([...bundledBy.keys()])
      .filter(({ command }) => !(command in ACTION_OF_COMMAND))
      .map(({ command, module }) => `${command} (${module})`);
    expect(unmapped, 'add these to ACTION_OF_COMMAND').toEqual([]);
  });

  it("grants every command of a function's own modules (those no other function bundles)", () => {
    // A shared repository class ships all its methods to every function that
    // holds it, most of which it never calls; its own folder and the modules
    // only it bundles (its use case, a dedicated adapter) are its path.
    const ungranted: string[] = [];
    let scanned = 0;
    for (const [name, modules] of bundled) {
      const own = modules.filter((module) => bundledBy.get(module)?.length === 1);
      const granted = grantedActions(name);
      for (const { command, module } of commandsOf(own)) {
        scanned += 1;
        const action = ACTION_OF_COMMAND[command];
        if (action && !granted.has(action))
          ungranted.push(`${name}: ${command} → ${action} (${module})`);
      }
    }
    expect(scanned).toBeGreaterThan(0);
    expect(ungranted).toEqual([]);
  });

  it('grants every command of a shared module to at least one function that bundles it', () => {
    // A command none of its holders may send is a missing grant or dead code.
    const nobody: string[] = [];
    for (const [module, holders] of bundledBy) {
      if (holders.length < 2) continue;
      for (const { command } of commandsOf([module])) {
        const action = ACTION_OF_COMMAND[command];
        if (action && !holders.some((name) => grantedActions(name).has(action))) {
          nobody.push(`${module}: ${command} → ${action} (held by ${holders.join(', ')})`);
        }
      }
    }
    expect(nobody).toEqual([]);
  });
});
