/**
 * An optional setting kept in AWS Secrets Manager (the chat webhook's URL),
 * read at first use through Powertools' SecretsProvider and cached for a
 * few minutes, so a busy queue does not read it per notice and a value put
 * later is picked up without a redeploy.
 *
 * "No value" has two shapes in Secrets Manager: a secret created without
 * one (GetSecretValue answers ResourceNotFoundException: no AWSCURRENT
 * version) and an empty string. Both mean the channel is off, and that
 * answer is cached as long as a value would be (Powertools caches values
 * only). Anything else — AccessDenied above all — is a fault the caller
 * must see, so it is thrown as SecretReadError.
 */

import type { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { OptionalSecret } from '../workflow/ports.js';

/** The secret could not be read (refused, throttled, unreachable): not the same as empty. */
export class SecretReadError extends Error {
  override readonly name = 'SecretReadError';
  constructor(
    readonly secretId: string,
    /** The service's error name (AccessDeniedException …), for logs and alarms. */
    readonly serviceError: string,
    options?: { cause?: unknown },
  ) {
    super(`reading the secret ${secretId} failed: ${serviceError}`, options);
  }
}

/** How long a value (or its absence) is kept before the secret is read again. */
export const SECRET_MAX_AGE_SECONDS = 300;

const NO_VALUE = 'ResourceNotFoundException';

/** The SDK error Powertools wraps in its GetParameterError (its `cause`). */
function serviceErrorOf(error: unknown): { name: string; cause: unknown } {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return { name: cause instanceof Error ? cause.name : String(cause), cause };
}

export class SecretsManagerSecret implements OptionalSecret {
  private absentUntil = 0;

  constructor(
    private readonly provider: SecretsProvider,
    private readonly secretId: string,
    private readonly maxAgeSeconds = SECRET_MAX_AGE_SECONDS,
    private readonly clock: () => number = Date.now,
  ) {}

  async value(): Promise<string | undefined> {
    if (this.clock() < this.absentUntil) return undefined;
    let stored: string | Uint8Array | undefined;
    try {
      stored = await this.provider.get(this.secretId, { maxAge: this.maxAgeSeconds });
    } catch (error) {
      const { name, cause } = serviceErrorOf(error);
      if (name !== NO_VALUE) throw new SecretReadError(this.secretId, name, { cause });
    }
    const text = (
      typeof stored === 'string' ? stored : stored ? new TextDecoder().decode(stored) : ''
    ).trim();
    if (text) return text;
    this.absentUntil = this.clock() + this.maxAgeSeconds * 1000;
    return undefined;
  }
}
