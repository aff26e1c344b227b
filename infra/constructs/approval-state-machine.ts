/**
 * The approval workflow: one Standard state machine for every round. An
 * execution walks one submission version through the round's approval
 * chain (a Map over `approvalChain`, one step at a time); if that approval
 * completes the round, the same execution rolls the round up, waits for the
 * agency head's sign-off and publishes.
 *
 * Every waiting step is a Lambda `.waitForTaskToken` task bounded by a fixed
 * `Timeout.duration()` (TimeoutSecondsPath is mis-evaluated by the local
 * runner, design §5): on States.Timeout the step asks again as a reminder,
 * then as an escalation to the coordinator, then gives up with a failure the
 * alarms see. States carry deliberate names (STATE_NAMES) so the local runner
 * (issue 5) can override tasks by name on this very definition.
 */

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Errors,
  Fail,
  type IChainable,
  IntegrationPattern,
  JsonPath,
  LogLevel,
  Map as MapState,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { TRANSIENT_ERROR_NAME } from '../../shared/workflow/transient-error.js';

/** State names, fixed: the local runner keys its task overrides on them. */
export const STATE_NAMES = {
  walkChain: 'WalkApprovalChain',
  requestStep: 'RequestStepApproval',
  remindStep: 'RemindStepApprover',
  escalateStep: 'EscalateStepApproval',
  stepDecided: 'StepDecided',
  stepApproved: 'StepApproved',
  stepReturned: 'StepReturned',
  stepExpired: 'StepExpired',
  recordApproved: 'RecordItemApproved',
  recordReturned: 'RecordItemReturned',
  recordExpired: 'RecordItemExpired',
  itemReturned: 'ItemReturned',
  itemExpired: 'ItemExpired',
  roundReady: 'RoundReadyForSignOff',
  itemApproved: 'ItemApproved',
  rollUp: 'RollUpRound',
  requestSignOff: 'RequestSignOff',
  remindSignOff: 'RemindAgencyHead',
  escalateSignOff: 'EscalateSignOff',
  signOffDecided: 'SignOffDecided',
  signOffExpired: 'RecordSignOffExpired',
  signOffExpiredEnd: 'SignOffExpired',
  signOffReturned: 'RecordSignOffReturned',
  signOffReturnedEnd: 'SignOffReturned',
  publish: 'PublishReport',
  published: 'Published',
} as const;

/** Errors the chain raises on purpose; the Map's catchers route them. */
export const WORKFLOW_ERRORS = {
  returned: 'Approval.Returned',
  expired: 'Approval.Expired',
} as const;

export interface WaitTimeouts {
  /** From the request to the reminder. */
  remindAfter: Duration;
  /** From the reminder to the escalation. */
  escalateAfter: Duration;
  /** From the escalation to giving up. */
  expireAfter: Duration;
}

export const DEFAULT_WAITS: WaitTimeouts = {
  remindAfter: Duration.days(3),
  escalateAfter: Duration.days(4),
  expireAfter: Duration.days(14),
};

/**
 * Errors a retry can fix: the Lambda service's own faults and throttles
 * (not our code), a function that ran out of time under load, and our
 * TransientError (a data store throttled or answered 5xx after the SDK's
 * own retries: functions/common/task-handler.ts). Anything else (a bug, a
 * payload that fails its schema, a refused permission) would fail the same
 * way again, so the step fails at once with the error's message as Cause.
 */
export const TRANSIENT_TASK_ERRORS = [
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Sandbox.Timedout',
  TRANSIENT_ERROR_NAME,
] as const;

/**
 * How a transient failure is retried: 2, 4, 8, 16, 32 then 60 s apart
 * (about two minutes in all), so a DynamoDB or S3 outage of that length
 * delays the chain instead of failing the execution and leaving its item
 * stuck. Every task is safe to repeat (conditional writes, fixed object keys).
 */
const retryOn = (errors: readonly string[]) => ({
  errors: [...errors],
  interval: Duration.seconds(2),
  maxAttempts: 6,
  backoffRate: 2,
  maxDelay: Duration.seconds(60),
});
/** A task that returns at once also retries its own time-out; a waiting step's is caught instead. */
const TASK_RETRY = retryOn([...TRANSIENT_TASK_ERRORS, Errors.TIMEOUT]);
const WAITING_STEP_RETRY = retryOn(TRANSIENT_TASK_ERRORS);

export interface ApprovalStateMachineProps {
  stateMachineName: string;
  approvalRequest: IFunction;
  recordOutcome: IFunction;
  rollUpRound: IFunction;
  publishReport: IFunction;
  waits?: WaitTimeouts;
  logRetention?: RetentionDays;
}

type Phase = 'request' | 'reminder' | 'escalation';

export class ApprovalStateMachine extends Construct {
  readonly stateMachine: StateMachine;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApprovalStateMachineProps) {
    super(scope, id);
    const waits = props.waits ?? DEFAULT_WAITS;

    /** A Lambda task that returns its result directly (no Payload envelope). */
    const invoke = (
      name: string,
      fn: IFunction,
      payload: Record<string, unknown>,
      resultPath: string,
    ) =>
      new LambdaInvoke(this, name, {
        stateName: name,
        lambdaFunction: fn,
        payload: TaskInput.fromObject(payload),
        payloadResponseOnly: true,
        resultPath,
        // TASK_RETRY covers the Lambda service errors CDK would add a retrier of its own for.
        retryOnServiceExceptions: false,
      }).addRetry(TASK_RETRY);

    /** One asking of a waiting step: records the token, notifies, waits up to `timeout`. */
    const waitFor = (
      name: string,
      subject: Record<string, unknown>,
      phase: Phase,
      timeout: Duration,
    ) =>
      new LambdaInvoke(this, name, {
        stateName: name,
        lambdaFunction: props.approvalRequest,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({ ...subject, taskToken: JsonPath.taskToken, phase }),
        taskTimeout: Timeout.duration(timeout),
        resultPath: '$.decision',
        // WAITING_STEP_RETRY covers the Lambda service errors CDK would add a retrier of its own for.
        retryOnServiceExceptions: false,
      }).addRetry(WAITING_STEP_RETRY);

    /** Request → (timeout) reminder → (timeout) escalation → (timeout) `expired`. */
    const waitingStep = (
      names: { request: string; remind: string; escalate: string },
      subject: Record<string, unknown>,
      decided: IChainable,
      expired: IChainable,
    ) => {
      const request = waitFor(names.request, subject, 'request', waits.remindAfter);
      const remind = waitFor(names.remind, subject, 'reminder', waits.escalateAfter);
      const escalate = waitFor(names.escalate, subject, 'escalation', waits.expireAfter);
      const onTimeout = { errors: [Errors.TIMEOUT], resultPath: '$.timeout' };
      request.addCatch(remind, onTimeout).next(decided);
      remind.addCatch(escalate, onTimeout).next(decided);
      escalate.addCatch(expired, onTimeout).next(decided);
      return request;
    };

    // One step of the chain, inside the Map: approved goes on, returned stops the walk.
    const stepDecided = new Choice(this, STATE_NAMES.stepDecided, {
      stateName: STATE_NAMES.stepDecided,
    })
      .when(
        Condition.stringEquals('$.decision.decision', 'approved'),
        new Succeed(this, STATE_NAMES.stepApproved, { stateName: STATE_NAMES.stepApproved }),
      )
      .otherwise(
        new Fail(this, STATE_NAMES.stepReturned, {
          stateName: STATE_NAMES.stepReturned,
          error: WORKFLOW_ERRORS.returned,
          cause: 'The approver returned the submission',
        }),
      );
    const step = waitingStep(
      {
        request: STATE_NAMES.requestStep,
        remind: STATE_NAMES.remindStep,
        escalate: STATE_NAMES.escalateStep,
      },
      {
        kind: 'item',
        submission: JsonPath.objectAt('$.submission'),
        role: JsonPath.stringAt('$.role'),
        step: JsonPath.numberAt('$.step'),
      },
      stepDecided,
      new Fail(this, STATE_NAMES.stepExpired, {
        stateName: STATE_NAMES.stepExpired,
        error: WORKFLOW_ERRORS.expired,
        cause: 'No decision before the escalation timed out',
      }),
    );

    const itemOutcome = (outcome: string) => ({
      kind: 'item',
      outcome,
      submission: JsonPath.objectAt('$.submission'),
      approvalChain: JsonPath.listAt('$.approvalChain'),
    });
    const recordReturned = invoke(
      STATE_NAMES.recordReturned,
      props.recordOutcome,
      itemOutcome('returned'),
      '$.settled',
    ).next(new Succeed(this, STATE_NAMES.itemReturned, { stateName: STATE_NAMES.itemReturned }));
    const recordExpired = invoke(
      STATE_NAMES.recordExpired,
      props.recordOutcome,
      itemOutcome('expired'),
      '$.settled',
    ).next(
      new Fail(this, STATE_NAMES.itemExpired, {
        stateName: STATE_NAMES.itemExpired,
        error: WORKFLOW_ERRORS.expired,
        cause: 'A plan item waited past every reminder and escalation',
      }),
    );

    const walkChain = new MapState(this, STATE_NAMES.walkChain, {
      stateName: STATE_NAMES.walkChain,
      itemsPath: '$.approvalChain',
      // The chain is a sequence: each role sees what the previous one approved.
      maxConcurrency: 1,
      itemSelector: {
        submission: JsonPath.objectAt('$.submission'),
        role: JsonPath.stringAt('$$.Map.Item.Value'),
        step: JsonPath.numberAt('$$.Map.Item.Index'),
      },
      resultPath: JsonPath.DISCARD,
    })
      .itemProcessor(step)
      .addCatch(recordReturned, { errors: [WORKFLOW_ERRORS.returned], resultPath: '$.failure' })
      .addCatch(recordExpired, { errors: [WORKFLOW_ERRORS.expired], resultPath: '$.failure' });

    // The round's sign-off, reached by the one execution that completed the round.
    const signOff = { signOff: JsonPath.objectAt('$.settled.signOff') };
    const publish = invoke(
      STATE_NAMES.publish,
      props.publishReport,
      { ...signOff, decision: JsonPath.objectAt('$.decision') },
      '$.published',
    ).next(new Succeed(this, STATE_NAMES.published, { stateName: STATE_NAMES.published }));
    const signOffReturned = invoke(
      STATE_NAMES.signOffReturned,
      props.recordOutcome,
      {
        kind: 'sign-off',
        outcome: 'returned',
        ...signOff,
        decision: JsonPath.objectAt('$.decision'),
      },
      '$.settledSignOff',
    ).next(
      new Succeed(this, STATE_NAMES.signOffReturnedEnd, {
        stateName: STATE_NAMES.signOffReturnedEnd,
      }),
    );
    const signOffExpired = invoke(
      STATE_NAMES.signOffExpired,
      props.recordOutcome,
      { kind: 'sign-off', outcome: 'expired', ...signOff },
      '$.settledSignOff',
    ).next(
      new Fail(this, STATE_NAMES.signOffExpiredEnd, {
        stateName: STATE_NAMES.signOffExpiredEnd,
        error: WORKFLOW_ERRORS.expired,
        cause: 'The agency head did not sign off before the escalation timed out',
      }),
    );
    const signOffDecided = new Choice(this, STATE_NAMES.signOffDecided, {
      stateName: STATE_NAMES.signOffDecided,
    })
      .when(Condition.stringEquals('$.decision.decision', 'approved'), publish)
      .otherwise(signOffReturned);
    const rollUp = invoke(STATE_NAMES.rollUp, props.rollUpRound, signOff, '$.rollUp').next(
      waitingStep(
        {
          request: STATE_NAMES.requestSignOff,
          remind: STATE_NAMES.remindSignOff,
          escalate: STATE_NAMES.escalateSignOff,
        },
        { kind: 'sign-off', ...signOff },
        signOffDecided,
        signOffExpired,
      ),
    );

    const definition = walkChain
      .next(
        invoke(
          STATE_NAMES.recordApproved,
          props.recordOutcome,
          itemOutcome('approved'),
          '$.settled',
        ),
      )
      .next(
        new Choice(this, STATE_NAMES.roundReady, { stateName: STATE_NAMES.roundReady })
          .when(Condition.booleanEquals('$.settled.roundReady', true), rollUp)
          .otherwise(
            new Succeed(this, STATE_NAMES.itemApproved, { stateName: STATE_NAMES.itemApproved }),
          ),
      );

    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}`,
      retention: props.logRetention ?? RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: {
        destination: this.logGroup,
        level: LogLevel.ALL,
        // Execution data would put task tokens (which resume a step) into the logs.
        includeExecutionData: false,
      },
    });
  }
}
