import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { aslDefinitionOf } from '../../infra/asl-definition.js';
import {
  STATE_NAMES,
  TRANSIENT_TASK_ERRORS,
  WORKFLOW_ERRORS,
} from '../../infra/constructs/approval-state-machine.js';
import { synthStack } from './synth-stack.js';

type AslValidator = (
  definition: unknown,
  options?: { checkPaths: boolean; checkArn: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };
const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator;

type State = Record<string, unknown> & { Type: string };
type Definition = { StartAt: string; States: Record<string, State> };

/** Every state, including those inside Map processors, by name. */
function allStates(definition: Definition): Map<string, State> {
  const states = new Map<string, State>();
  const visit = (machine: Definition) => {
    for (const [name, state] of Object.entries(machine.States)) {
      states.set(name, state);
      const processor = (state.ItemProcessor ?? state.Iterator) as Definition | undefined;
      if (processor) visit(processor);
    }
  };
  visit(definition);
  return states;
}

describe('Approval state machine definition', () => {
  let definition: Definition;
  let states: Map<string, State>;

  beforeAll(() => {
    const { template } = synthStack();
    definition = aslDefinitionOf(template.toJSON() as never).definition as unknown as Definition;
    states = allStates(definition);
  }, 60_000);

  it('is valid Amazon States Language according to asl-validator', () => {
    // Act
    const result = aslValidator(definition, { checkPaths: true, checkArn: true });

    // Assess
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('names every state deliberately, so the local runner can override tasks by name', () => {
    expect([...states.keys()].sort()).toEqual(Object.values(STATE_NAMES).sort());
  });

  it('starts by walking the round approval chain one role at a time', () => {
    const walk = states.get(STATE_NAMES.walkChain);
    expect(definition.StartAt).toBe(STATE_NAMES.walkChain);
    expect(walk).toMatchObject({ Type: 'Map', ItemsPath: '$.approvalChain', MaxConcurrency: 1 });
  });

  it('bounds every waiting step with a fixed timeout, never TimeoutSecondsPath', () => {
    const waiting = [...states.entries()].filter(([, s]) =>
      String(s.Resource ?? '').endsWith('.waitForTaskToken'),
    );
    expect(waiting.map(([name]) => name).sort()).toEqual(
      [
        STATE_NAMES.requestStep,
        STATE_NAMES.remindStep,
        STATE_NAMES.escalateStep,
        STATE_NAMES.requestSignOff,
        STATE_NAMES.remindSignOff,
        STATE_NAMES.escalateSignOff,
      ].sort(),
    );
    for (const [, state] of waiting) {
      expect(state.TimeoutSeconds).toBeGreaterThan(0);
      expect(state).not.toHaveProperty('TimeoutSecondsPath');
      expect(state).not.toHaveProperty('HeartbeatSeconds');
    }
  });

  it.each([
    [STATE_NAMES.requestStep, STATE_NAMES.remindStep],
    [STATE_NAMES.remindStep, STATE_NAMES.escalateStep],
    [STATE_NAMES.escalateStep, STATE_NAMES.stepExpired],
    [STATE_NAMES.requestSignOff, STATE_NAMES.remindSignOff],
    [STATE_NAMES.remindSignOff, STATE_NAMES.escalateSignOff],
    [STATE_NAMES.escalateSignOff, STATE_NAMES.signOffExpired],
  ])('catches States.Timeout in %s and goes on to %s', (waiting, next) => {
    const catchers = states.get(waiting)?.Catch as { ErrorEquals: string[]; Next: string }[];
    expect(catchers).toContainEqual(
      expect.objectContaining({ ErrorEquals: ['States.Timeout'], Next: next }),
    );
  });

  it('retries every task on transient errors only, never on every failure', () => {
    const tasks = [...states.entries()].filter(([, state]) => state.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(10);
    for (const [name, state] of tasks) {
      const retriers = (state.Retry ?? []) as { ErrorEquals: string[]; MaxAttempts: number }[];
      const retried = retriers.flatMap((r) => r.ErrorEquals);
      const waiting = String(state.Resource).endsWith('.waitForTaskToken');
      // Prepare the expectation per task: a waiting step's time-out is caught, not retried.
      const expected = waiting
        ? [...TRANSIENT_TASK_ERRORS]
        : [...TRANSIENT_TASK_ERRORS, 'States.Timeout'];
      expect({ name, retried: retried.sort() }).toEqual({ name, retried: expected.sort() });
      expect(retried).not.toContain('States.ALL');
      expect(retried).not.toContain('States.TaskFailed');
      expect(retried).toContain('TransientError');
      expect(retried).toContain('Lambda.TooManyRequestsException');
      for (const retrier of retriers) expect(retrier.MaxAttempts).toBeLessThanOrEqual(6);
    }
  });

  it('passes the task token to the approval-request function, which keeps it out of messages', () => {
    const request = states.get(STATE_NAMES.requestStep);
    expect(request?.Parameters).toMatchObject({
      Payload: { 'taskToken.$': '$$.Task.Token', kind: 'item', phase: 'request' },
    });
  });

  it('routes a returned or expired chain to its own record step', () => {
    const catchers = states.get(STATE_NAMES.walkChain)?.Catch as {
      ErrorEquals: string[];
      Next: string;
    }[];
    expect(catchers).toEqual([
      expect.objectContaining({
        ErrorEquals: [WORKFLOW_ERRORS.returned],
        Next: STATE_NAMES.recordReturned,
      }),
      expect.objectContaining({
        ErrorEquals: [WORKFLOW_ERRORS.expired],
        Next: STATE_NAMES.recordExpired,
      }),
    ]);
  });

  it('goes on to roll-up, sign-off and publishing only when the round is ready', () => {
    const choice = states.get(STATE_NAMES.roundReady) as unknown as {
      Choices: unknown[];
      Default: string;
    };
    expect(choice.Choices).toEqual([
      { Variable: '$.settled.roundReady', BooleanEquals: true, Next: STATE_NAMES.rollUp },
    ]);
    expect(choice.Default).toBe(STATE_NAMES.itemApproved);
    expect(states.get(STATE_NAMES.rollUp)?.Next).toBe(STATE_NAMES.requestSignOff);
  });
});
