import { describe, expect, it } from 'vitest';
import type { AslMachine } from '../../local/step-functions/asl-states.js';
import { MAX_TIMER_SECONDS, scaleDefinition } from '../../local/step-functions/scale-definition.js';

const DAY = 24 * 3600;
const fn = 'arn:aws:lambda:ap-southeast-1:123456789012:function:f';

/** A waiting task inside a Map, a plain task, a Wait: each kind of duration the runner reads. */
function definition(): AslMachine {
  return {
    StartAt: 'Walk',
    TimeoutSeconds: 30 * DAY,
    States: {
      Walk: {
        Type: 'Map',
        ItemsPath: '$.chain',
        ItemProcessor: {
          StartAt: 'Ask',
          States: {
            Ask: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
              TimeoutSeconds: 3 * DAY,
              Retry: [
                {
                  ErrorEquals: ['Lambda.ServiceException'],
                  IntervalSeconds: 2,
                  MaxDelaySeconds: 60,
                },
                { ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 },
              ],
              End: true,
            },
          },
        },
        Next: 'Pause',
      },
      Pause: { Type: 'Wait', Seconds: DAY, Next: 'Record' },
      Record: { Type: 'Task', Resource: fn, End: true },
    },
  };
}

function walk(machine: AslMachine) {
  const processor = machine.States.Walk?.ItemProcessor as AslMachine;
  return processor.States.Ask as unknown as {
    TimeoutSeconds: number;
    Retry: Record<string, number>[];
  };
}

describe('Function: scaleDefinition', () => {
  it('multiplies task timeouts, waits and retry intervals by the scale', () => {
    // Act
    const scaled = scaleDefinition(definition(), 1e-6);

    // Assess
    const ask = walk(scaled);
    expect(ask.TimeoutSeconds).toBeCloseTo(0.2592);
    const [serviceErrors, taskFailed] = ask.Retry;
    expect(serviceErrors?.IntervalSeconds).toBeCloseTo(2e-6, 12);
    expect(serviceErrors?.MaxDelaySeconds).toBeCloseTo(6e-5, 12);
    // Unset means ASL's 1 s, which must shrink too.
    expect(taskFailed?.IntervalSeconds).toBeCloseTo(1e-6, 12);
    expect(scaled.States.Pause?.Seconds).toBeCloseTo(0.0864);
    expect(scaled.TimeoutSeconds).toBeCloseTo(2.592);
  });

  it('leaves the given definition as it was', () => {
    const original = definition();

    scaleDefinition(original, 1e-6);

    expect(original).toEqual(definition());
  });

  it('gives an unbounded task the longest timer instead of the runner default of 60 s', () => {
    const scaled = scaleDefinition(definition(), 1e-6);

    expect(scaled.States.Record?.TimeoutSeconds).toBe(MAX_TIMER_SECONDS);
  });

  it('keeps every duration inside what a Node timer holds', () => {
    // 30 days unscaled would overflow setTimeout and fire after 1 ms.
    const scaled = scaleDefinition(definition(), 1);

    expect(scaled.TimeoutSeconds).toBe(MAX_TIMER_SECONDS);
    expect(walk(scaled).TimeoutSeconds).toBe(3 * DAY);
  });

  it('never scales a timeout down to zero, which the runner reads as unset', () => {
    const scaled = scaleDefinition(definition(), 1e-12);

    expect(walk(scaled).TimeoutSeconds).toBeGreaterThan(0);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a time scale of %s', (scale) => {
    expect(() => scaleDefinition(definition(), scale)).toThrow(RangeError);
  });
});
