/**
 * A Lambda function as every acm-report function is built: Node.js 22 on
 * arm64, a minified ESM bundle made by the local esbuild (no Docker), X-Ray
 * tracing, JSON logs into its own log group with a retention, and the
 * Powertools service name and metrics namespace.
 */

import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  type Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { handlerEntry, REPO_ROOT } from './repo-paths.js';

export const METRICS_NAMESPACE = 'AcmReport';

export interface AcmFunctionProps {
  /** The folder under functions/ holding handler.ts. */
  name: string;
  stage: string;
  description: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  logRetention?: RetentionDays;
  /** Shell commands run around esbuild, e.g. to copy font files beside the bundle. */
  commandHooks?: ICommandHooks;
}

// CommonJS dependencies (mammoth, pdfkit) call require() for Node built-ins;
// an ESM bundle has no require unless it is made here.
const REQUIRE_SHIM =
  "import { createRequire as __acmCreateRequire } from 'node:module'; const require = __acmCreateRequire(import.meta.url);";

export class AcmFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AcmFunctionProps) {
    super(scope, id);
    const functionName = `acm-report-${props.stage}-${props.name}`;
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: props.logRetention ?? RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role, logging only to its own log group (not the managed
    // AWSLambdaBasicExecutionRole, which may create and write any log group).
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `acm-report ${props.stage} ${props.name}`,
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
      description: props.description,
      entry: handlerEntry(props.name),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup: this.logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.name,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        STAGE: props.stage,
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: false,
        mainFields: ['module', 'main'],
        banner: REQUIRE_SHIM,
        // Bundle the SDK too: one file loads faster than the runtime's copy and pins its version.
        externalModules: [],
        tsconfig: `${REPO_ROOT}tsconfig.json`,
        ...(props.commandHooks ? { commandHooks: props.commandHooks } : {}),
      },
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords (added by active tracing) use "*": X-Ray supports no resource-level permissions for them.',
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
