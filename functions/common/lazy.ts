/**
 * A value built on first use and kept for the life of the container: clients
 * and repositories are created outside the handler's hot path but not at
 * import, so tests can set the environment first.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
