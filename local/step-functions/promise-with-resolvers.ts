/**
 * aws-local-stepfunctions calls `Promise.withResolvers` (ES2024) in every
 * Task state; Node 20 lacks it (Node 22 has it), so the runner needs this
 * installed before its first `run()`.
 */

type WithResolvers = <T>() => {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
};

export function installPromiseWithResolvers(): void {
  const promise = Promise as unknown as { withResolvers?: WithResolvers };
  if (typeof promise.withResolvers === 'function') return;
  const withResolvers: WithResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const settled = new Promise<T>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    return { promise: settled, resolve, reject };
  };
  Object.defineProperty(Promise, 'withResolvers', {
    value: withResolvers,
    writable: true,
    configurable: true,
  });
}
