/**
 * Each local function sees only its own environment, though every function
 * runs in this one process. `process.env` becomes a view: inside a
 * function's scope (its init and every invocation, carried through awaits,
 * timers and the SDK's retries by AsyncLocalStorage) it is that function's
 * environment and nothing else; outside any scope it is the process's own.
 *
 * Chosen over one worker thread per function: a worker would load its own
 * copy of the SDK, middy and Powertools (nineteen copies, seconds of CPU on a
 * loaded two-core machine, for every stack a test starts), while a scope
 * costs nothing and keeps the handlers' module instances shared, as the e2e
 * and chaos runs need to stay quick. What a worker would add — a module
 * graph of its own — the handlers do not need: a handler reads its typed
 * environment once at init, and its SDK clients read the caller's
 * credentials on every request (see `functionEnvironment` in
 * local-functions.ts).
 */

import { AsyncLocalStorage } from 'node:async_hooks';

type Environment = Record<string, string | undefined>;

const scope = new AsyncLocalStorage<Environment>();
let installed: { original: NodeJS.ProcessEnv; users: number } | undefined;

function current(): Environment | undefined {
  return scope.getStore();
}

/**
 * Replaces `process.env` with the scoped view (once per process, however
 * many stacks run); the returned function puts the original back when the
 * last user is done.
 */
export function installFunctionScopes(): () => void {
  if (!installed) {
    const original = process.env;
    const target = () => current() ?? original;
    const view = new Proxy(original, {
      get: (_, key) => (typeof key === 'string' ? target()[key] : undefined),
      set: (_, key, value) => {
        if (typeof key === 'string') target()[key] = String(value);
        return true;
      },
      deleteProperty: (_, key) => {
        if (typeof key === 'string') delete target()[key];
        return true;
      },
      has: (_, key) => typeof key === 'string' && target()[key] !== undefined,
      ownKeys: () => Object.keys(target()).filter((key) => target()[key] !== undefined),
      getOwnPropertyDescriptor: (_, key) => {
        if (typeof key !== 'string') return undefined;
        const value = target()[key];
        return value === undefined
          ? undefined
          : { value, writable: true, enumerable: true, configurable: true };
      },
    });
    process.env = view;
    installed = { original, users: 0 };
  }
  installed.users += 1;
  let done = false;
  return () => {
    if (done || !installed) return;
    done = true;
    installed.users -= 1;
    if (installed.users === 0) {
      process.env = installed.original;
      installed = undefined;
    }
  };
}

/** Runs `work` (and everything it starts) with `environment` as its whole `process.env`. */
export function inFunctionScope<T>(environment: Environment, work: () => T): T {
  return scope.run(environment, work);
}

/** The process's own environment, whatever scope the caller is in. */
export function hostEnvironment(): NodeJS.ProcessEnv {
  return installed?.original ?? process.env;
}
