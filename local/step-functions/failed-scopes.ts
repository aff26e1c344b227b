/**
 * Which Map and Parallel states of one execution have failed, read from the
 * runner's event log.
 *
 * Why: aws-local-stepfunctions queues Map iterations in p-limit and, when
 * one fails, aborts only those already started; the queued ones start
 * afterwards, orphaned. With MaxConcurrency 1 a returned step would still
 * ask the next role in the chain for an approval. The task overrides
 * consult this before invoking anything, so an orphan ends quietly.
 */

import type { StateMachine } from 'aws-local-stepfunctions';

type EventLogs = ReturnType<StateMachine['run']>['eventLogs'];

export class FailedScopes {
  private readonly failed = new Set<string>();

  /** Follows the execution's events until its log closes. */
  follow(events: EventLogs): void {
    void (async () => {
      for await (const event of events) {
        if (!('state' in event)) continue;
        const { name, type } = event.state;
        if (event.type === 'StateFailed' && (type === 'Map' || type === 'Parallel')) {
          this.failed.add(name);
        } else if (event.type === 'StateEntered' || event.type === 'StateRetried') {
          // Entered again (a loop) or retried: its new iterations are legitimate.
          this.failed.delete(name);
        }
      }
    })();
  }

  anyFailed(scopes: readonly string[]): boolean {
    return scopes.some((scope) => this.failed.has(scope));
  }
}
