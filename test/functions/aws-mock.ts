/**
 * A stand-in for the AWS services behind the handlers, at the one place every
 * SDK v3 client passes through: `Client.prototype.send`. Each command class
 * gets a responder; calls are recorded for assertions. This mocks the AWS
 * clients only (the handlers, middy, Powertools and the domain run for real)
 * until the embedded stack of issue 5 (dynalite, s3rver, fauxqs,
 * aws-local-stepfunctions) replaces it.
 */

import { S3Client } from '@aws-sdk/client-s3';
import { vi } from 'vitest';

type Command = { input: unknown; constructor: { name: string } };
type Responder = (input: never) => unknown;

const clientPrototype = Object.getPrototypeOf(S3Client.prototype) as {
  send: (command: Command) => Promise<unknown>;
};

export interface AwsMock {
  on<C extends new (...args: never[]) => { input: unknown }>(
    command: C,
    respond: (input: InstanceType<C>['input']) => unknown,
  ): AwsMock;
  calls<C extends new (...args: never[]) => { input: unknown }>(
    command: C,
  ): InstanceType<C>['input'][];
  restore(): void;
}

/** An AWS error as the SDK raises it (name is what the adapters look at). */
export function awsError(name: string, message = name): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export function mockAws(): AwsMock {
  const responders = new Map<string, Responder>();
  const recorded: { name: string; input: unknown }[] = [];
  const spy = vi.spyOn(clientPrototype, 'send').mockImplementation(async (command: Command) => {
    const name = command.constructor.name;
    recorded.push({ name, input: command.input });
    const respond = responders.get(name);
    if (!respond) throw new Error(`no mock response for ${name}`);
    return respond(command.input as never);
  });
  const mock: AwsMock = {
    on(command, respond) {
      responders.set(command.name, respond as Responder);
      return mock;
    },
    calls(command) {
      return recorded.filter((c) => c.name === command.name).map((c) => c.input as never);
    },
    restore() {
      spy.mockRestore();
    },
  };
  return mock;
}
