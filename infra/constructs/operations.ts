/**
 * Alarms that say something needs a person: a message parked in a DLQ, an
 * execution that failed or timed out, an approval escalated past its
 * reminders. They notify an SNS topic the agency subscribes to.
 */

import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from './acm-function.js';

export interface OperationsProps {
  stage: string;
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
        dimensionsMap: { service: 'approval-request' },
        period: Duration.hours(1),
        statistic: 'Sum',
      }),
      'An approval waited past its reminder and was escalated to the coordinator.',
    );
  }
}
