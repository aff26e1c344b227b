/**
 * A person as the user directory (Cognito) knows them. The `sub` is the
 * stable id the audit trail keeps; the e-mail address is only ever a
 * destination for mail, never printed in anything published.
 */

export interface Person {
  sub: string;
  username: string;
  email?: string;
  /** Display name (the `name` attribute). */
  name?: string;
  /** ตำแหน่ง (the `custom:position` attribute). */
  position?: string;
  enabled: boolean;
  /** FORCE_CHANGE_PASSWORD until the invitation is taken up, then CONFIRMED. */
  status?: string;
  /** Last change to the account, the nearest to a last sign-in the directory reports. */
  lastModified?: string;
}

/** Whether mail can reach this person at all. */
export function isReachable(person: Person): person is Person & { email: string } {
  return person.enabled && typeof person.email === 'string' && person.email.length > 0;
}
