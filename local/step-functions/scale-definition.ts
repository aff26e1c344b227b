/**
 * A copy of the definition with its durations multiplied by a time scale,
 * so the approval chain's reminder (days) → escalation → expiry can run in
 * milliseconds. The runner turns every duration into a `setTimeout`, so the
 * copy also keeps each one inside what a Node timer can hold.
 */

import { type AslMachine, allStates } from './asl-states.js';

/** Node's timer ceiling (~24.8 days); a longer delay silently becomes 1 ms. */
export const MAX_TIMER_SECONDS = (2 ** 31 - 1) / 1000;
/** A scaled timeout never reaches zero: the runner reads 0 as "not set". */
const MIN_TIMEOUT_SECONDS = 0.001;
/** ASL's default retry interval, written out so it scales too. */
const DEFAULT_RETRY_INTERVAL_SECONDS = 1;

const timeout = (seconds: number, scale: number) =>
  Math.min(MAX_TIMER_SECONDS, Math.max(MIN_TIMEOUT_SECONDS, seconds * scale));
const pause = (seconds: number, scale: number) => Math.min(MAX_TIMER_SECONDS, seconds * scale);

interface Retrier {
  IntervalSeconds?: number;
  MaxDelaySeconds?: number;
}

export function scaleDefinition(definition: AslMachine, scale: number): AslMachine {
  if (!(scale > 0 && Number.isFinite(scale)))
    throw new RangeError(`timeScale must be a positive number, got ${scale}`);
  const copy = structuredClone(definition);
  if (typeof copy.TimeoutSeconds === 'number')
    copy.TimeoutSeconds = timeout(copy.TimeoutSeconds, scale);
  for (const [, state] of allStates(copy)) {
    if (state.Type === 'Task') {
      if (typeof state.TimeoutSeconds === 'number') {
        state.TimeoutSeconds = timeout(state.TimeoutSeconds, scale);
      } else if (state.TimeoutSecondsPath === undefined) {
        // AWS lets a task run without limit (99999999 s); the runner would stop it after 60 s.
        state.TimeoutSeconds = MAX_TIMER_SECONDS;
      }
    }
    if (state.Type === 'Wait' && typeof state.Seconds === 'number') {
      state.Seconds = pause(state.Seconds, scale);
    }
    for (const retrier of (state.Retry ?? []) as Retrier[]) {
      retrier.IntervalSeconds = pause(
        retrier.IntervalSeconds ?? DEFAULT_RETRY_INTERVAL_SECONDS,
        scale,
      );
      if (typeof retrier.MaxDelaySeconds === 'number')
        retrier.MaxDelaySeconds = pause(retrier.MaxDelaySeconds, scale);
    }
  }
  return copy;
}
