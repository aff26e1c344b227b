/**
 * Alarms that say something needs a person: a message parked in a DLQ, an
 * execution that failed or timed out, an approval escalated past its
 * reminders. They notify an SNS topic the agency subscribes to.
 */

import { Annotations, Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from './acm-function.js';

export interface OperationsProps {
  stage: string;
  /** Who is told when an alarm fires (CDK context `alarmEmail`; kept out of the repository). */
  alarmEmail?: string;
  deadLetterQueues: Record<string, Queue>;
  stateMachine: StateMachine;
}

export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', {
      topicName: `acm-report-${props.stage}-alarms`,
      enforceSSL: true,
    });
    // enforceSSL writes a topic policy, which replaces SNS's default one: without
    // this statement CloudWatch may not publish and every alarm would tell nobody.
    const { account, partition, region } = Stack.of(this);
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
        },
      }),
    );
    if (props.alarmEmail) {
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    } else {
      Annotations.of(this.topic).addWarning(
        'No alarmEmail: the alarm topic has no subscriber. Deploy with -c alarmEmail=<address> (README "Deploy").',
      );
    }
    const action = new SnsAction(this.topic);
    const alarm = (name: string, metric: Metric, description: string) => {
      const created = new Alarm(this, name, {
        alarmName: `acm-report-${props.stage}-${name}`,
        alarmDescription: description,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${name}-dlq-depth`,
        queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
        `Messages in the ${name} dead-letter queue: read them, fix the cause, redrive.`,
      );
    }
    alarm(
      'executions-failed',
      props.stateMachine.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
      'An approval execution failed, e.g. an approval expired after its escalation.',
    );
    alarm(
      'executions-timed-out',
      props.stateMachine.metricTimedOut({ period: Duration.minutes(5), statistic: 'Sum' }),
      'An approval execution timed out.',
    );
    alarm(
      'approvals-overdue',
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: 'ApprovalsOverdue',
        // The stage too: the same metric of another stage in the account must not trip this alarm.
        dimensionsMap: { service: 'approval-request', stage: props.stage },
        period: Duration.hours(1),
        statistic: 'Sum',
      }),
      'An approval waited past its reminder and was escalated to the coordinator.',
    );
  }
}
