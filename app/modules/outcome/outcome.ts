import type { FieldErrorMap } from "../forms/fields.ts";

/**
 * What a use case answers, in one shape for every module (plain: no React Router, no Drizzle).
 * A use case declares the kinds it can produce (`Ok<string> | NotFound | Conflict`); the route
 * hands the outcome to `respond` (respond.server.ts), the one place that turns each kind into
 * an HTTP answer: not_found → 404 (like a record of another organization), conflict → 409,
 * invalid → 400 with field errors, refused → the status the route gives the reason.
 */
export type Ok<T = undefined> = { kind: "ok"; value: T };
export type NotFound = { kind: "not_found" };
/** The record changed since the form was drawn; `current` is what the page may show instead. */
export type Conflict<C = unknown> = { kind: "conflict"; current?: C };
/** Input a field cannot take; `message`, when set, is the form-level summary ("form.expired"…). */
export type Invalid = { kind: "invalid"; errors: FieldErrorMap; message?: string };
/** A rule of the domain says no (a closed session, a handover not checked…), named by `reason`. */
export type Refused<R extends string = string> = { kind: "refused"; reason: R; vars?: Record<string, string | number>; errors?: FieldErrorMap };

export type Failure<R extends string = string> = NotFound | Conflict | Invalid | Refused<R>;
export type Outcome<T = undefined, R extends string = string> = Ok<T> | Failure<R>;

export function ok(): Ok<undefined>;
export function ok<T>(value: T): Ok<T>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { kind: "ok", value };
}

export const missing = (): NotFound => ({ kind: "not_found" });

export const conflict = <C = never>(current?: C): Conflict<C> => (current === undefined ? { kind: "conflict" } : { kind: "conflict", current });

/** One field refused (the route decides whether its message is also the form's summary). */
export const invalid = (field: string, message: string): Invalid => ({ kind: "invalid", errors: { [field]: [message] } });

/** Several fields refused at once (a schema's errors). */
export const invalidFields = (errors: FieldErrorMap, message?: string): Invalid => (message === undefined ? { kind: "invalid", errors } : { kind: "invalid", errors, message });

export function refusal<R extends string>(reason: R, vars?: Record<string, string | number>, errors?: FieldErrorMap): Refused<R> {
  const r: Refused<R> = { kind: "refused", reason };
  if (vars) r.vars = vars;
  if (errors) r.errors = errors;
  return r;
}

/** The form-level summary of invalid input: its own message, else the first field's first error. */
export function summaryOf(failure: Invalid): string | undefined {
  if (failure.message !== undefined) return failure.message;
  for (const messages of Object.values(failure.errors)) if (messages?.length) return messages[0];
  return undefined;
}

export const isOk = <T, R extends string>(outcome: Outcome<T, R>): outcome is Ok<T> => outcome.kind === "ok";

/** The same failure under another success type (a failure carries no value). */
export function map<T, U, R extends string>(outcome: Outcome<T, R>, f: (value: T) => U): Outcome<U, R> {
  return outcome.kind === "ok" ? ok(f(outcome.value)) : outcome;
}
