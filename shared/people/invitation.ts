/**
 * An invitation to the user pool: who (address, name, position) and the
 * groups they start with. The pool mails the Thai invitation with a
 * temporary password unless told to stay silent.
 */

export interface Invitation {
  email: string;
  name: string;
  position: string;
  /** The username; the e-mail address when absent. */
  username?: string;
  groups: readonly string[];
  /** Create without sending the invitation (the local demo people only). */
  silent?: boolean;
}
