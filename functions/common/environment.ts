/**
 * A function's typed environment, read once at init from what its manifest
 * declares. A missing variable is a deployment fault: it fails the init (as
 * Lambda reports an init error on every invocation), naming the function and
 * every missing variable, instead of surfacing later as an undefined name.
 */

import * as z from '../../shared/schemas/zod-mini.js';
import type { EnvironmentSpec, FunctionManifest } from './function-manifest.js';

export type Environment<E extends EnvironmentSpec> = {
  readonly [K in keyof E]: E[K] extends { optional: true } ? string | undefined : string;
};

/** A function started without a variable its manifest requires. */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
  constructor(
    readonly functionName: string,
    readonly missing: readonly string[],
  ) {
    super(
      `${functionName}: environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        'not set — its manifest requires them; deploy the stack that builds this function from it',
    );
  }
}

/** The zod schema of a manifest's environment: each variable a non-empty string. */
export function environmentSchema(spec: EnvironmentSpec) {
  const present = z.string().check(z.minLength(1));
  return z.object(
    Object.fromEntries(
      Object.entries(spec).map(([key, variable]) => [
        key,
        variable.optional ? z.optional(present) : present,
      ]),
    ),
  );
}

export function readEnvironment<E extends EnvironmentSpec>(
  manifest: FunctionManifest<E>,
  source: NodeJS.ProcessEnv = process.env,
): Environment<E> {
  const values = Object.fromEntries(
    Object.keys(manifest.environment).map((key) => [key, source[key] || undefined]),
  );
  const parsed = z.safeParse(environmentSchema(manifest.environment), values);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((issue) => String(issue.path[0]));
    throw new EnvironmentError(manifest.name, [...new Set(missing)]);
  }
  return parsed.data as Environment<E>;
}

/** The clock, behind a function so tests can fix it with vi.setSystemTime. */
export const now = () => new Date();
