import { data } from "react-router";
import { notFound } from "../authz/guard.server.ts";
import type { FieldErrorMap } from "../forms/fields.ts";
import { summaryOf, type Failure, type Outcome, type Refused } from "./outcome.ts";

/** The body of a 400/409 form reply: the forms layer's `{ errors, formError }` plus the form's own fields. */
export type Reply<B extends object = object> = B & {
  errors: FieldErrorMap;
  formError?: string;
  vars?: Record<string, string | number>;
  current?: unknown;
};

/** How a form's error answers look; every field is optional and the defaults are the forms layer's. */
export interface ReplyOptions<R extends string = string, B extends object = object> {
  /** Fields every 400/409 body of this form carries: the intent, the values typed, the row… */
  body?: B;
  /** Fields the 409 body carries on top of `body` (e.g. `values: undefined`: the page shows the current record). */
  conflict?: Partial<B> & Record<string, unknown>;
  /**
   * The formError of a 400 for invalid input. Always the outcome's own summary when it has one
   * ("form.expired"…); otherwise none (default) or, with "first-error", the first field's message.
   */
  summary?: "none" | "first-error";
  /** A refusal: its status (default 409), or the whole reply. */
  refused?: number | { [K in R]?: number } | ((refusal: Refused<R>) => ReturnType<typeof data<Reply<B>>>);
}

/**
 * The one mapping from a use case's failure to HTTP:
 * - `not_found` throws exactly what `notFound()` throws (404, `{ message: "not_found" }`), so
 *   another organization's record answers like a missing one;
 * - `conflict` answers 409 with formError "form.conflict" (as `conflictReply`);
 * - `invalid` answers 400 with the field errors (as `invalidReply`);
 * - `refused` answers the status the route gives its reason (409 unless told): formError is the
 *   reason, unless the refusal names fields (then the field errors speak, as on the form).
 */
export function replyTo<R extends string, B extends object = object>(failure: Failure<R>, options: ReplyOptions<R, B> = {}) {
  const body = (options.body ?? {}) as B;
  switch (failure.kind) {
    case "not_found":
      return notFound();
    case "conflict":
      return data<Reply<B>>(
        { errors: {}, formError: "form.conflict", ...body, ...(failure.current === undefined ? {} : { current: failure.current }), ...options.conflict },
        { status: 409 },
      );
    case "invalid": {
      const formError = options.summary === "first-error" ? summaryOf(failure) : failure.message;
      return data<Reply<B>>({ ...body, errors: failure.errors, ...(formError === undefined ? {} : { formError }) }, { status: 400 });
    }
    case "refused": {
      const how = options.refused;
      if (typeof how === "function") return how(failure);
      const status = typeof how === "number" ? how : (how?.[failure.reason] ?? 409);
      const summary = failure.errors ? {} : { formError: failure.reason };
      return data<Reply<B>>({ ...body, errors: failure.errors ?? {}, ...summary, ...(failure.vars ? { vars: failure.vars } : {}) }, { status });
    }
  }
}

/** An outcome as the route's answer: `onOk` for success, `replyTo` for every failure. */
export function respond<T, R extends string, A, B extends object = object>(outcome: Outcome<T, R>, onOk: (value: T) => A, options: ReplyOptions<R, B> = {}) {
  if (outcome.kind === "ok") return onOk(outcome.value);
  return replyTo(outcome, options);
}

/** A loader's outcome: its value, or the 404 of a missing record (any other failure is a bug: 500). */
export function valueOf<T>(outcome: Outcome<T, string>): T {
  if (outcome.kind === "ok") return outcome.value;
  if (outcome.kind === "not_found") notFound();
  throw new Error(`unexpected outcome ${outcome.kind}`);
}

/** A record a loader needs: the value, or the same 404 as a missing record. */
export function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) notFound();
  return value;
}
