/**
 * A Lambda function as every acm-report function is built, from its
 * manifest: Node.js 22 on arm64, a minified ESM bundle made by the local
 * esbuild (no Docker), X-Ray tracing, JSON logs into its own log group with
 * a retention, the Powertools service name and metrics namespace, and the
 * role, environment and event source (queue or schedule) the manifest declares.
 */

import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaFunctionTarget } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  type Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type {
  EnvironmentSource,
  FunctionManifest,
  SettingName,
} from '../../functions/common/function-manifest.js';
import type { ManifestCatalog } from '../../functions/manifests.js';
import { PDF_BUNDLE_ALIASES } from '../bundling/pdf-bundle-aliases.js';
import { aliasArgs, MAIN_FIELDS, REQUIRE_SHIM } from './function-bundling.js';
import { type FunctionResources, grantToFunction, resourceOf } from './grants.js';
import { handlerEntry, PUBLISH_FONTS_DIR, REPO_ROOT } from './repo-paths.js';

export const METRICS_NAMESPACE = 'AcmReport';

export interface AcmFunctionProps {
  manifest: FunctionManifest;
  stage: string;
  /** What the manifest's grants, environment and trigger name. */
  resources: FunctionResources;
  /** Deployment settings (CDK context) the manifest's environment may read. */
  settings?: Partial<Record<SettingName, string>>;
  logRetention?: RetentionDays;
}

/** Shell commands run around esbuild: files a manifest ships beside its bundle. */
const BUNDLE_FILES: Record<NonNullable<FunctionManifest['bundleFiles']>, ICommandHooks> = {
  'report-fonts': {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_input: string, output: string) => [
      `mkdir -p "${output}/fonts"`,
      `cp "${PUBLISH_FONTS_DIR}"/*.ttf "${PUBLISH_FONTS_DIR}"/OFL.txt "${output}/fonts/"`,
    ],
  },
};

function environmentValue(source: EnvironmentSource, props: AcmFunctionProps): string | undefined {
  const name = props.manifest.name;
  if ('setting' in source) return props.settings?.[source.setting];
  switch (source.resource) {
    case 'table':
      return resourceOf(props.resources, 'table', name).tableName;
    case 'incoming-bucket':
    case 'published-bucket':
      return resourceOf(props.resources, source.resource, name).bucketName;
    case 'intake-queue':
    case 'approvals-queue':
      return resourceOf(props.resources, source.resource, name).queueUrl;
    case 'state-machine':
      return resourceOf(props.resources, source.resource, name);
    case 'user-pool':
      return resourceOf(props.resources, source.resource, name).userPoolId;
    case 'mail-identity': {
      const mail = resourceOf(props.resources, source.resource, name);
      return source.attribute === 'from' ? mail.from : mail.configurationSet;
    }
    case 'portal':
    case 'public-site':
    case 'notify-webhook-secret':
      return resourceOf(props.resources, source.resource, name);
  }
}

/** The environment the manifest declares, resolved against this stack; a missing required one fails synth. */
function environmentOf(props: AcmFunctionProps): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [key, variable] of Object.entries(props.manifest.environment)) {
    const value = environmentValue(variable.from, props);
    if (value !== undefined) environment[key] = value;
    else if (!variable.optional)
      throw new Error(`${props.manifest.name}: nothing to set ${key} to`);
  }
  return environment;
}

export class AcmFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AcmFunctionProps) {
    super(scope, id);
    const { manifest } = props;
    const functionName = `acm-report-${props.stage}-${manifest.name}`;
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: props.logRetention ?? RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role, logging only to its own log group (not the managed
    // AWSLambdaBasicExecutionRole, which may create and write any log group).
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `acm-report ${props.stage} ${manifest.name}`,
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.function = new NodejsFunction(this, 'Function', {
      functionName,
      role,
      description: manifest.description,
      entry: handlerEntry(manifest.name),
      handler: manifest.handler,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: manifest.memorySize,
      timeout: Duration.seconds(manifest.timeoutSeconds),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup: this.logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      environment: {
        POWERTOOLS_SERVICE_NAME: manifest.name,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        STAGE: props.stage,
        ...environmentOf(props),
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: false,
        mainFields: MAIN_FIELDS,
        banner: REQUIRE_SHIM,
        // A function that ships the report fonts renders PDFs: its bundle also leaves
        // out what pdfkit and fontkit load for formats the report never uses.
        // Only when this stack is bundled: the aliases' SDK copies are made on first use
        // (seconds in a fresh checkout), which a synth that skips bundling has no use for.
        esbuildArgs: Stack.of(this).bundlingRequired
          ? aliasArgs(manifest.bundleFiles === 'report-fonts' ? PDF_BUNDLE_ALIASES : {})
          : {},
        // Bundle the SDK too: one file loads faster than the runtime's copy and pins its version.
        externalModules: [],
        tsconfig: `${REPO_ROOT}tsconfig.json`,
        ...(manifest.bundleFiles ? { commandHooks: BUNDLE_FILES[manifest.bundleFiles] } : {}),
      },
    });
    for (const grant of manifest.grants) {
      grantToFunction(this.function, manifest.name, grant, props.resources);
    }
    const { trigger } = manifest;
    if (trigger.kind === 'schedule') {
      new Rule(this, 'Schedule', {
        schedule: Schedule.cron(trigger.cron),
        targets: [new LambdaFunctionTarget(this.function, { retryAttempts: 2 })],
      });
    }
    if (trigger.kind === 'queue') {
      this.function.addEventSource(
        new SqsEventSource(resourceOf(props.resources, trigger.queue, manifest.name), {
          batchSize: trigger.batchSize,
          ...(trigger.maxBatchingWindowSeconds !== undefined
            ? { maxBatchingWindow: Duration.seconds(trigger.maxBatchingWindowSeconds) }
            : {}),
          reportBatchItemFailures: true,
        }),
      );
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only actions that support no resource-level permission use "*": xray:PutTraceSegments and xray:PutTelemetryRecords (added by active tracing) and, for the functions that answer a waiting step, states:SendTaskSuccess (task tokens are checked by Step Functions itself).',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The design pins nodejs22.x: middy 6, Powertools 2 and the bundles are verified on Node 20/22; moving to nodejs24.x is a deliberate upgrade, not a default.',
    });
  }

  /** The ARN of a Step Functions state machine in this stack, by name (no reference, so no cycle). */
  static stateMachineArn(scope: Construct, name: string): string {
    return Stack.of(scope).formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: name,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }
}

/** A manifest of the catalogue the stack is built from; a missing one is a wiring bug. */
export function manifestNamed(manifests: ManifestCatalog, name: string): FunctionManifest {
  const manifest = manifests.get(name);
  if (!manifest) throw new Error(`no manifest for function ${name}`);
  return manifest;
}
