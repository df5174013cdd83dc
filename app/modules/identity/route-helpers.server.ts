import type { AppLoadContext } from "react-router";
import { z } from "zod";
import { safeRedirectPath } from "../http/safe-redirect.ts";
import { clearSessionCookie, serializeSessionCookie } from "./session.server.ts";

/** Form fields as strings (files and repeated names are not used by identity forms). */
export async function readForm(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !(key in values)) values[key] = value;
  return values;
}

/** Zod issues → { field: [i18n keys] } as Field and ErrorSummary expect. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

export function userAgentOf(request: Request): string {
  return request.headers.get("user-agent") ?? "";
}

export function sessionCookieHeaders(context: AppLoadContext, token: string): HeadersInit {
  return { "Set-Cookie": serializeSessionCookie(token, context.config.isProduction) };
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

/** "Choose a password" forms: the policy itself is checked by the domain function (it knows the email). */
export const newPasswordForm = z
  .object({
    password: z.string().min(1, "form.required").max(1024, "identity.password.tooLong"),
    confirm: z.string().max(1024, "identity.password.tooLong"),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "identity.password.mismatch" });
