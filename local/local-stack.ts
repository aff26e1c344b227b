/**
 * The whole acm-report stack on this machine, no AWS account: the embedded
 * services, the template's resources, its functions (from source), their
 * SQS event sources, the S3 notifications, the state machine CDK
 * synthesises (on aws-local-stepfunctions), the HTTP API with local
 * identities, the template's secrets (the chat webhook's holds the local
 * notification inbox's URL), and the published bucket as the public site.
 */

import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import type { ManifestCatalog } from '../functions/manifests.js';
import { aslDefinitionOf } from '../infra/asl-definition.js';
import type { Round } from '../shared/schemas/round-schema.js';
import type { Notice } from '../shared/workflow/approval-notice.js';
import type { PortalConfig } from '../shared/workflow/portal-config.js';
import {
  type EmbeddedServices,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startEmbeddedServices,
} from './embedded-services.js';
import { createFaultInjector, type FaultInjector, startFaultProxy } from './fault-proxy.js';
import { installFunctionScopes } from './function-scope.js';
import { type LocalIam, startLocalIam } from './iam/local-iam.js';
import { startLocalApi } from './local-api-server.js';
import { type LocalFunctions, loadLocalFunctions } from './local-functions.js';
import {
  createLocalPeople,
  LOCAL_PASSWORD,
  type LocalIdentity,
  localIdentities,
} from './local-identities.js';
import { startLocalIdentityServices } from './local-identity-services.js';
import { type NotificationInbox, startNotificationInbox } from './local-notification-inbox.js';
import { createLocalResources, type LocalResources } from './local-resources.js';
import { type LocalSecretsManager, startLocalSecretsManager } from './local-secrets-manager.js';
import type { LocalSes } from './local-ses.js';
import {
  type CfnTemplate,
  LOCAL_ACCOUNT,
  resourcesOfType,
  synthesiseLocalTemplate,
} from './local-template.js';
import { cachedPortalBuild } from './portal-build-cache.js';
import { type PortalSite, startPortalSite } from './portal-site.js';
import { startPublicSite } from './public-site-server.js';
import { wireS3Notifications } from './s3-notifications.js';
import { sharedLocalTemplate } from './shared-local-template.js';
import { type EventSources, startEventSources } from './sqs-event-sources.js';
import {
  type LocalStepFunctions,
  startLocalStepFunctions,
} from './step-functions/local-step-functions.js';
import { createTemplateSecrets } from './template-secrets.js';

export interface LocalStackOptions {
  agencyId: string;
  divisions: readonly string[];
  /** The divisions' names (the round's), for the local people's names and positions. */
  divisionNames?: Round['divisions'];
  /** Scales every waiting step's timeout (days in AWS) for a quick local run. */
  timeScale?: number;
  /** Where to say what happens (default: nowhere). */
  log?: (line: string) => void;
  /** Called with each notice the approvals notifier delivers. */
  onNotice?: (notice: Notice) => void;
  /**
   * Puts a fault-injecting proxy between the handlers and DynamoDB and S3
   * (`stack.faults`), for the chaos runs and fault-injection tests.
   */
  faults?: boolean;
  /**
   * People besides the demo's own (for instance staff of a second agency), so
   * tests can sign in as someone the seed round has no use for.
   */
  extraIdentities?: readonly LocalIdentity[];
  /**
   * Demo people (by id) not created at start, because a test invites them
   * through the people screen's route instead.
   */
  invitedLater?: readonly string[];
  /** Build and serve the web portal (default true). */
  portal?: boolean;
  /**
   * The manifests the template is built from (default: every function's own).
   * A test alters one to see the stack fail as AWS would; the handlers still
   * read their real manifests.
   */
  manifests?: ManifestCatalog;
}

export interface LocalStack {
  services: EmbeddedServices;
  template: CfnTemplate;
  resources: LocalResources;
  functions: LocalFunctions;
  stepFunctions: LocalStepFunctions;
  identities: LocalIdentity[];
  /** A local person's signed ID token (each is signed in when the stack starts). */
  tokenFor(id: string): string;
  /** The local SES: every mail sent, and its web page at `mail.endpoint`. */
  mail: LocalSes;
  cognito: {
    endpoint: string;
    userPoolId: string;
    clientId: string;
    client: CognitoIdentityProviderClient;
  };
  inbox: NotificationInbox;
  /** The local Secrets Manager (its endpoint, behind no IAM front: the operator's). */
  secrets: LocalSecretsManager;
  apiUrl: string;
  siteUrl: string;
  /** Present when started with `faults: true`. */
  faults?: FaultInjector;
  /** What the IAM fronts denied or could not decide. */
  iam: LocalIam;
  /** The web portal (its config.json names this stack's API and people), unless turned off. */
  portalUrl?: string;
  s3: S3Client;
  incomingBucket: string;
  publishedBucket: string;
  /** Resolves when queues are drained, notifications sent and executions idle. */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** How often `settle` looks at the queues, functions and executions. */
const SETTLE_CHECK_MS = 50;

/**
 * fauxqs queue URLs name the host sqs.<region>.localhost, and the SDK warns
 * on every send that this differs from the AWS endpoint it would use (in AWS
 * the two agree). The warning says nothing locally, so it is dropped.
 */
function silenceQueueUrlWarning(): void {
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const first = String(args[0] ?? '');
    if (first.startsWith('QueueUrl=') || first.startsWith('Set [endpoint=string]')) return;
    warn(...args);
  };
}

function bucketOf(resources: LocalResources, part: string): string {
  const entry = [...resources.buckets.entries()].find(([id]) => id.includes(part));
  if (!entry) throw new Error(`no ${part} bucket in the template`);
  return entry[1];
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const region = LOCAL_REGION;
  const inbox = await startNotificationInbox(options.onNotice);
  // The portal's origin goes into the template (API and upload CORS), so it listens first.
  let portalConfig: PortalConfig | undefined;
  let portal: PortalSite | undefined;
  if (options.portal !== false) {
    log('Building the web portal (Vite), unless built from these sources before …');
    const built = await cachedPortalBuild(options.log ? log : undefined);
    if (built.fromCache) log(`  the portal's build from ${built.dir}`);
    portal = await startPortalSite(built.dir, () => portalConfig);
  }
  log('Synthesising the CDK stack (the same template `cdk deploy` uses) …');
  // A test's altered manifests are synthesised as given; every other stack shares one synthesis.
  const template = options.manifests
    ? synthesiseLocalTemplate(
        region,
        [options.agencyId],
        portal ? [portal.url] : undefined,
        options.manifests,
      )
    : sharedLocalTemplate(options.agencyId, portal?.url).template;
  log('Starting DynamoDB, S3 and SQS on 127.0.0.1 …');
  const services = await startEmbeddedServices();
  const resources = await createLocalResources(template, services, region);
  // Before the IAM front and the functions: both name the secrets by their ARNs.
  const secrets = await startLocalSecretsManager({ region, accountId: LOCAL_ACCOUNT });
  const templateSecrets = await createTemplateSecrets(
    template,
    resources,
    secrets.endpoint,
    region,
  );
  // What an operator does once per stage with put-secret-value (README "Deploy").
  await templateSecrets.put('NotifyWebhookSecret', inbox.url);
  templateSecrets.close();
  const injector = options.faults ? createFaultInjector() : undefined;
  const proxies = injector
    ? await Promise.all([
        startFaultProxy('dynamodb', services.endpoints.dynamodb, injector.decide),
        startFaultProxy('s3', services.endpoints.s3, injector.decide),
      ])
    : [];
  // The handlers reach DynamoDB and S3 through the proxies when faults are on.
  const handlerEndpoints = {
    dynamodb: proxies[0]?.url ?? services.endpoints.dynamodb,
    s3: proxies[1]?.url ?? services.endpoints.s3,
  };

  // Every function reaches the emulators through the IAM fronts, as its own
  // role (local/iam); the fronts pass what the role allows on to the
  // emulator (or to the fault proxy before it). The state machine runner
  // starts later, so its target is read per request.
  let stepFunctionsEndpoint = '';
  // The user pool exists before the IAM front reads the template's grants (its ARN is in them).
  log('Starting SES and Cognito on 127.0.0.1 …');
  const identity = await startLocalIdentityServices(template, resources, region);
  const iam = await startLocalIam({
    template,
    resources,
    region,
    targets: {
      dynamodb: () => handlerEndpoints.dynamodb,
      s3: () => handlerEndpoints.s3,
      sqs: () => services.endpoints.sqs,
      states: () => stepFunctionsEndpoint,
      ses: () => identity.ses.endpoint,
      'cognito-idp': () => identity.cognito.endpoint,
      secretsmanager: () => secrets.endpoint,
    },
    secretArnOf: secrets.arnOf,
    log,
  });

  // What every function's environment holds besides its own variables: the
  // SDK finds the local services through the standard variables, so nothing
  // in the handlers changes. Each function sees this and its own variables
  // only (local/function-scope.ts), never another's.
  const runtimeEnvironment = {
    AWS_ENDPOINT_URL_SESV2: iam.endpoints.ses,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: iam.endpoints['cognito-idp'],
    AWS_ENDPOINT_URL_DYNAMODB: iam.endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: iam.endpoints.s3,
    // In AWS the SDK sends to each queue URL's own host; here every queue sits behind one front.
    AWS_ENDPOINT_URL_SQS: iam.endpoints.sqs,
    AWS_ENDPOINT_URL_SFN: iam.endpoints.states,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: iam.endpoints.secretsmanager,
    ACM_S3_FORCE_PATH_STYLE: 'true',
    // s3rver would otherwise store the SDK's aws-chunked framing in objects.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    // Quiet handlers: warnings and errors only, no metric blobs on stdout.
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  // The public site listens before the handlers load: publishing names its
  // open data by absolute IRIs under it (SITE_URL), read at init.
  const s3 = new S3Client({
    region,
    credentials: LOCAL_CREDENTIALS,
    endpoint: services.endpoints.s3,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const publishedBucket = bucketOf(resources, 'Published');
  const site = await startPublicSite(s3, publishedBucket);
  silenceQueueUrlWarning();
  const releaseScopes = installFunctionScopes();
  log('Loading the Lambda handlers from functions/, each in its own environment …');
  // Deep links in mail lead to this machine's portal, not to a CloudFront domain;
  // given before the handlers load, as each reads its environment at init.
  const functions = await loadLocalFunctions(
    template,
    resources,
    runtimeEnvironment,
    region,
    (fn, error) =>
      log(`  ! ${fn.folder} failed at init: ${error instanceof Error ? error.message : error}`),
    { ...(portal ? { PORTAL_URL: portal.url } : {}), SITE_URL: `${site.url}/` },
  );
  iam.register(functions.all);

  const [machine] = resourcesOfType(template, 'AWS::StepFunctions::StateMachine');
  const stateMachineName = String(machine?.[1].Properties?.StateMachineName);
  const { definition } = aslDefinitionOf(template as never, {
    getAtt: (id, attribute) => resources.getAtt(id, attribute),
    ref: (id) => resources.ref(id),
  });
  log('Starting the state machine runner with the synthesised definition …');
  const stepFunctions = await startLocalStepFunctions({
    definition,
    stateMachineName,
    region,
    accountId: LOCAL_ACCOUNT,
    // The state machine's role must allow each invocation, as in AWS.
    invoke: async (arn, payload) => {
      await iam.checkStateMachineInvoke(
        arn.startsWith('arn:') ? arn : functions.byArnOrName(arn).arn,
      );
      return functions.invoke(arn, payload);
    },
    ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
  });
  stepFunctionsEndpoint = stepFunctions.endpoint;

  const identities = [
    ...localIdentities(options.agencyId, options.divisions, {
      divisions: options.divisionNames,
    }),
    ...(options.extraIdentities ?? []),
  ].filter((identity) => !options.invitedLater?.includes(identity.id));
  log(`Creating ${identities.length} local people in the user pool and signing them in …`);
  await createLocalPeople(identity.client, identity.userPoolId, identity.signIn, identities);
  const api = await startLocalApi(template, resources, functions, identity.authorizer, {
    ...identity.signIn,
    password: LOCAL_PASSWORD,
  });
  const eventSources: EventSources = startEventSources(template, resources, functions, {
    endpoint: services.endpoints.sqs,
    region,
    retryAfterSeconds: 1,
    onError: (error, name) =>
      log(`  ! ${name}: ${error instanceof Error ? error.message : String(error)}`),
  });
  const notifications = wireS3Notifications(template, resources, services, region);
  portalConfig = {
    mode: 'local',
    apiUrl: api.url,
    publicSiteUrl: site.url,
    agencyId: options.agencyId,
    // Who they are, not their tokens: the portal signs the picked person in itself.
    identities: identities.map(({ id, nameTh, groups }) => ({ id, nameTh, groups })),
    signIn: { ...identity.signIn, password: LOCAL_PASSWORD },
  };

  // Dead-letter queues keep what they hold; only the working queues must drain.
  const queuesEmpty = () =>
    [...resources.queues.values()]
      .filter((queue) => !queue.name.endsWith('-dlq'))
      .every((queue) => {
        const inspected = services.sqs.inspectQueue(queue.name);
        return (
          !inspected ||
          (inspected.messages.ready.length === 0 &&
            inspected.messages.inflight.length === 0 &&
            inspected.messages.delayed.length === 0)
        );
      });

  return {
    services,
    template,
    resources,
    functions,
    stepFunctions,
    identities,
    tokenFor(id) {
      const token = identities.find((i) => i.id === id)?.token;
      if (!token) throw new Error(`no local identity ${id}`);
      return token;
    },
    mail: identity.ses,
    cognito: {
      endpoint: identity.cognito.endpoint,
      userPoolId: identity.userPoolId,
      clientId: identity.signIn.clientId,
      client: identity.client,
    },
    inbox,
    secrets,
    apiUrl: api.url,
    siteUrl: site.url,
    ...(injector ? { faults: injector } : {}),
    iam,
    ...(portal ? { portalUrl: portal.url } : {}),
    s3,
    incomingBucket: bucketOf(resources, 'Incoming'),
    publishedBucket,
    async settle(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      const idle = () =>
        notifications.pending() === 0 &&
        eventSources.inFlight() === 0 &&
        queuesEmpty() &&
        stepFunctions.busy() === 0;
      // Quiet twice in a row, SETTLE_CHECK_MS apart: a message may be between a
      // queue and a function. The first look is at once: the suite settles a
      // few hundred times, and each settle idles one core for as long as it waits.
      let quiet = idle() ? 1 : 0;
      while (quiet < 2) {
        if (Date.now() > deadline) throw new Error('the local stack did not settle in time');
        await new Promise((resolve) => setTimeout(resolve, SETTLE_CHECK_MS));
        quiet = idle() ? quiet + 1 : 0;
      }
    },
    async close() {
      await eventSources.stop();
      await site.close();
      await api.close();
      await stepFunctions.close();
      await services.close();
      await identity.close();
      await Promise.all(proxies.map((proxy) => proxy.close()));
      await iam.close();
      await secrets.close();
      releaseScopes();
      await inbox.close();
      await portal?.close();
    },
  };
}
