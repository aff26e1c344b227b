/** Real-shaped AWS events from events/aws/, parsed fresh for each test so tests can alter them. */

import { readFileSync } from 'node:fs';

export function loadEvent<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(
    readFileSync(new URL(`../../events/aws/${name}`, import.meta.url), 'utf8'),
  ) as T;
}

export function loadSeed(name: string): string {
  return readFileSync(new URL(`../../events/seed/${name}`, import.meta.url), 'utf8');
}

/** Replaces the caller's Cognito groups (the HTTP API's flattened "[a b]" claim) and sub. */
export function withCaller<E extends { requestContext: unknown }>(
  event: E,
  caller: { sub?: string; groups?: string[] },
): E {
  const claims = (
    event.requestContext as { authorizer: { jwt: { claims: Record<string, unknown> } } }
  ).authorizer.jwt.claims;
  if (caller.sub) claims.sub = caller.sub;
  if (caller.groups) claims['cognito:groups'] = `[${caller.groups.join(' ')}]`;
  return event;
}
