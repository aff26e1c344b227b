/**
 * Work in flight and waiting for a condition over it: how tests and the
 * demo scenario know the workflow has come to rest, without sleeping for a
 * guessed while.
 */

export class ConditionTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`local Step Functions: not ${what} after ${timeoutMs} ms`);
    this.name = 'ConditionTimeoutError';
  }
}

interface Waiter {
  check(): boolean;
  done(): void;
}

export class Activity {
  private inFlight = 0;
  private readonly waiters = new Set<Waiter>();
  private scheduled = false;

  /** Invocations in flight. */
  get inFlightCount(): number {
    return this.inFlight;
  }

  /** Counts `work` as in flight until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      this.changed();
    }
  }

  /**
   * Something moved. Conditions are checked once the runner has had its
   * turn (after I/O callbacks), so a state it is about to enter counts.
   */
  changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (const waiter of this.waiters) if (waiter.check()) waiter.done();
    });
  }

  /** Resolves when `check()` holds; rejects after `timeoutMs`. */
  until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new ConditionTimeoutError(what, timeoutMs));
      }, timeoutMs);
      const waiter: Waiter = {
        check,
        done: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      this.waiters.add(waiter);
      this.changed();
    });
  }
}
