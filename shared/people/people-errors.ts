/**
 * What the people screen's use cases refuse, as classes the handlers tell
 * apart by type: each carries its HTTP status and the problems (Thai and
 * English, with a fix) to show.
 */

import type { ValidationProblem } from '../validation/validation-problem.js';

export abstract class PeopleRefusalError extends Error {
  abstract readonly status: 400 | 403 | 404 | 409 | 422;
  readonly problems: readonly ValidationProblem[];

  constructor(problems: readonly ValidationProblem[]) {
    super(problems.map((p) => `${p.code}: ${p.message.en}`).join('; '));
    this.problems = problems;
  }
}

/** The request body is not a request this route understands. */
export class InvalidPeopleRequestError extends PeopleRefusalError {
  override readonly name = 'InvalidPeopleRequestError';
  readonly status = 400;
}

/** The caller lacks the role (coordinator, or national operator) the change needs. */
export class NotPermittedError extends PeopleRefusalError {
  override readonly name = 'NotPermittedError';
  readonly status = 403;
}

/** Someone tried to give themselves a role or a division. */
export class SelfGrantError extends PeopleRefusalError {
  override readonly name = 'SelfGrantError';
  readonly status = 403;
}

export class SelfDisableError extends PeopleRefusalError {
  override readonly name = 'SelfDisableError';
  readonly status = 403;
}

/** The change would leave the agency without an enabled coordinator. */
export class LastCoordinatorError extends PeopleRefusalError {
  override readonly name = 'LastCoordinatorError';
  readonly status = 409;
}

/** Nobody with that id holds any of the agency's groups (another agency's people look the same). */
export class PersonNotFoundError extends PeopleRefusalError {
  override readonly name = 'PersonNotFoundError';
  readonly status = 404;
}

/** Disabling would reach into another agency, where the person also works. */
export class PersonInOtherAgencyError extends PeopleRefusalError {
  override readonly name = 'PersonInOtherAgencyError';
  readonly status = 409;
}

/** The user pool already has an account for the address invited. */
export class PersonExistsError extends PeopleRefusalError {
  override readonly name = 'PersonExistsError';
  readonly status = 409;
}

/** An agency that already has a coordinator is not created again. */
export class AgencyHasCoordinatorError extends PeopleRefusalError {
  override readonly name = 'AgencyHasCoordinatorError';
  readonly status = 409;
}

/** An invitation that grants nothing. */
export class NothingGrantedError extends PeopleRefusalError {
  override readonly name = 'NothingGrantedError';
  readonly status = 422;
}
