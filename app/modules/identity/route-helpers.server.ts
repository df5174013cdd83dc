import type { AppLoadContext } from "react-router";
import { z } from "zod";
import { safeRedirectPath } from "../http/safe-redirect.ts";
import type { FieldErrorMap } from "../forms/fields.ts";
import { readDeviceEntries, serializeDeviceCookie } from "./device-cookie.server.ts";
import { clearSessionCookie, serializeSessionCookie } from "./session.server.ts";

/** Field errors as the identity pages show them (undefined entries dropped). */
export function shownErrors(errors: FieldErrorMap): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).filter((e): e is [string, string[]] => !!e[1]?.length));
}

/** A field value read back for re-rendering (a string, cut to a sane length). */
export function shownValue(values: Record<string, unknown>, name: string, max = 320): string {
  const value = values[name];
  return (typeof value === "string" ? value : "").slice(0, max);
}

export function userAgentOf(request: Request): string {
  return request.headers.get("user-agent") ?? "";
}

export function sessionCookieHeaders(context: AppLoadContext, token: string): HeadersInit {
  return { "Set-Cookie": serializeSessionCookie(token, context.config.isProduction) };
}

/** The browser's device cookie entries (see device-cookie.server.ts). */
export function deviceEntriesOf(context: AppLoadContext, request: Request): string[] {
  return readDeviceEntries(request, context.config.isProduction);
}

/** After a password sign-in: the new session cookie, then the renewed device cookie. */
export function signInCookieHeaders(context: AppLoadContext, token: string, deviceEntries: readonly string[] | null): Headers {
  const headers = new Headers();
  headers.append("Set-Cookie", serializeSessionCookie(token, context.config.isProduction));
  if (deviceEntries?.length) headers.append("Set-Cookie", serializeDeviceCookie(deviceEntries, context.config.isProduction));
  return headers;
}

export function clearedSessionCookieHeaders(context: AppLoadContext): HeadersInit {
  return { "Set-Cookie": clearSessionCookie(context.config.isProduction) };
}

/**
 * Where to go after signing in: a same-site path only, and never back into the sign-in pages
 * (that would loop).
 */
export function afterSignInPath(value: unknown): string {
  const path = safeRedirectPath(value, "/");
  return /^\/(login|logout)(\/|\?|$)/.test(path) ? "/" : path;
}

const passwordText = z.string().nullish().transform((v) => v ?? "");

/** A password as typed (never trimmed): required, and not absurdly long. */
export const passwordField = passwordText.pipe(z.string().min(1, "form.required").max(1024, "identity.password.tooLong"));

/** "Choose a password" forms: the policy itself is checked by the domain function (it knows the email). */
export const newPasswordForm = z
  .object({
    password: passwordField,
    confirm: passwordText.pipe(z.string().max(1024, "identity.password.tooLong")),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "identity.password.mismatch" });

/**
 * The account's address, carried by the "choose a password" forms for password managers: it
 * must be the address the link was sent to (a body not drawn by that page is refused).
 */
export const usernameField = z.string().nullish().transform((v) => (v ?? "").trim().toLowerCase());

/** An e-mail address typed in a form (lower-cased; 320 characters at most). */
export const emailField = z
  .string()
  .nullish()
  .transform((v) => (v ?? "").trim().toLowerCase())
  .pipe(z.string().max(320, "identity.form.emailInvalid").pipe(z.email("identity.form.emailInvalid")));
