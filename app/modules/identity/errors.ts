/**
 * Errors the identity functions throw for callers (routes, admin screens) to turn into an
 * answer. `code` is stable; `messageKey` is an i18n key to show the person.
 */
export class IdentityError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string,
  ) {
    super(code);
    this.name = new.target.name;
  }
}

/** The account or person is missing, or outside the caller's Table/organizations: answer 404. */
export class NotFoundError extends IdentityError {
  constructor() {
    super("not_found", "error.notFound.body");
  }
}

/** The email address already belongs to another account. */
export class EmailTakenError extends IdentityError {
  constructor() {
    super("email_taken", "identity.errors.emailTaken");
  }
}

/** Not an email address we can send to. */
export class InvalidEmailError extends IdentityError {
  constructor() {
    super("invalid_email", "identity.errors.invalidEmail");
  }
}

/** The account is not in a state that allows this (e.g. inviting someone already active). */
export class AccountStateError extends IdentityError {
  constructor(readonly status: string) {
    super("invalid_state", "identity.errors.invalidState");
  }
}

/** Nobody deactivates their own account (it would lock the last admin out). */
export class SelfDeactivationError extends IdentityError {
  constructor() {
    super("self_deactivation", "identity.errors.selfDeactivation");
  }
}

export function isIdentityError(error: unknown): error is IdentityError {
  return error instanceof IdentityError;
}
