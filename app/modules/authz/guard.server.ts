import { data, redirect } from "react-router";
import type { AppLoadContext } from "react-router";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { getCurrentUser, type CurrentUser } from "../identity/current-user.server.ts";
import { can, type Target } from "./decide.ts";
import type { Permission } from "./permissions.ts";

import type { RoutePolicy } from "./policy.ts";
import { requestUrl } from "../forms/request-url.ts";

// Route policies live in policy.ts (browser-safe); re-exported for existing imports.
export { authenticated, needs, publicRoute, type RoutePolicy } from "./policy.ts";

interface Args {
  request: Request;
  context: AppLoadContext;
}

export function secureCookies(context: AppLoadContext): boolean {
  return context.config.isProduction;
}

/**
 * One session lookup per page load: the root, the section layout and the page all ask. Only GET
 * and HEAD are shared (keyed by the request's context and cookie): after an action, whatever
 * it changed (sign-out, language) is read afresh.
 */
const lookups = new WeakMap<object, Map<string, Promise<CurrentUser | null>>>();

export function optionalUser({ request, context }: Args): Promise<CurrentUser | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return getCurrentUser(context.db, request, secureCookies(context));
  const cookie = request.headers.get("cookie") ?? "";
  let perContext = lookups.get(context);
  if (!perContext) lookups.set(context, (perContext = new Map()));
  let lookup = perContext.get(cookie);
  if (!lookup) {
    lookup = getCurrentUser(context.db, request, secureCookies(context));
    perContext.set(cookie, lookup);
    // A failed lookup is not remembered: the next loader asks again.
    lookup.catch(() => perContext.delete(cookie));
  }
  return lookup;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back && back !== "/" ? `/login?redirectTo=${encodeURIComponent(back)}` : "/login");
}

/** Paths a signed-in person may reach before finishing MFA set-up. */
const MFA_SETUP_PATHS = new Set(["/mfa/setup", "/logout", "/locale"]);

/**
 * Signed in, second factor passed when the account has one, and set up when a role requires it
 * (outside demo mode). Redirects otherwise.
 */
export async function requireUser(args: Args): Promise<CurrentUser> {
  const user = await optionalUser(args);
  if (!user) loginRedirect(args.request);
  const path = requestUrl(args.request).pathname;
  if (user.mfaEnabled && !user.mfaPassed) throw redirect("/login/mfa");
  // A session whose second factor was asserted by the identity provider (single sign-on) has one;
  // any other session of a privileged role without a Filet second factor sets one up first.
  if (user.mfaRequired && !user.mfaEnabled && !(user.mfaPassed && user.mfaByProvider) && !args.context.demoMode && !MFA_SETUP_PATHS.has(path)) {
    throw redirect("/mfa/setup");
  }
  return user;
}

export function actorOf(user: CurrentUser | null, context: AppLoadContext): AuditActor {
  const primary = user?.roles[0];
  return {
    accountId: user?.accountId ?? null,
    role: user ? user.roles.map((r) => r.role).join(",") || "none" : "anonymous",
    organizationId: user?.organizationId ?? primary?.organizationId ?? null,
    partnershipId: user?.partnershipId ?? null,
    requestId: context.requestId,
    ip: context.ip,
  };
}

export function notFound(): never {
  throw data({ message: "not_found" }, { status: 404 });
}

/**
 * Checks a permission on a target; a denial is audited and answers 404, exactly like a record
 * that does not exist, so probing reveals nothing.
 */
export async function authorize(
  args: Args,
  user: CurrentUser,
  permission: Permission,
  target: Target = { partnershipId: user.partnershipId, organizationId: null },
): Promise<void> {
  if (can(user.roles, permission, target)) return;
  await args.context.db.transaction(async (tx) => {
    await recordAuditEvent(tx, actorOf(user, args.context), {
      action: "access.denied",
      targetType: "route",
      targetId: requestUrl(args.request).pathname,
      details: { permission, method: args.request.method },
    });
  });
  notFound();
}

/** The whole guard in one call: parse the policy, sign-in, permission on the user's current Table. */
export async function guard(args: Args, policy: RoutePolicy): Promise<CurrentUser | null> {
  if (policy.kind === "public") return optionalUser(args);
  const user = await requireUser(args);
  if (policy.kind === "permission") {
    // Organization-scoped permissions are checked again against the record by the route.
    const anyOrg = user.roles.some(
      (r) => r.partnershipId === user.partnershipId && r.organizationId &&
        can([r], policy.permission, { partnershipId: user.partnershipId, organizationId: r.organizationId }),
    );
    if (!anyOrg) await authorize(args, user, policy.permission);
  }
  return user;
}
