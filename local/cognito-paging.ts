/**
 * ListUsersInGroup paged as Cognito pages it: at most `Limit` users a call
 * (1–60, default 60; more is an InvalidParameterException) and a NextToken
 * while more remain. cognito-local answers every member at once and ignores
 * both, which would hide a caller that reads only the first page.
 */

export const COGNITO_PAGE_SIZE = 60;

interface PageRequest {
  Limit?: number;
  NextToken?: string;
}

type Route<Req> = (ctx: unknown, req: Req) => Promise<unknown>;

/** The token is opaque to callers; here it is the offset of the next page. */
const tokenOf = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
function offsetOf(token: string | undefined): number | undefined {
  if (token === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

export function pagedUsersInGroup<Req extends PageRequest>(
  route: Route<Req>,
  invalid: (message: string) => Error,
): Route<Req> {
  return async (ctx, req) => {
    const limit = req.Limit ?? COGNITO_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > COGNITO_PAGE_SIZE) {
      throw invalid(
        `1 validation error detected: Value '${req.Limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${COGNITO_PAGE_SIZE}`,
      );
    }
    const offset = offsetOf(req.NextToken);
    if (offset === undefined) throw invalid('Invalid pagination token');
    const all = (await route(ctx, req)) as { Users?: unknown[] };
    const users = all.Users ?? [];
    const next = offset + limit;
    return {
      Users: users.slice(offset, next),
      ...(next < users.length ? { NextToken: tokenOf(next) } : {}),
    };
  };
}
