import type { AuditActor } from "../audit/record-audit-event.server.ts";
import type { FiletContext } from "../context.ts";
import type { HeldRole } from "../authz/decide.ts";

/** What identity functions need from the request context (routes pass `args.context`). */
export type IdentityContext = Pick<FiletContext, "db" | "config" | "requestId" | "ip" | "demoMode">;

/** Someone not signed in (yet): sign-in, sign-up, reset requests. */
export function anonymousActor(context: Pick<FiletContext, "requestId" | "ip">): AuditActor {
  return { accountId: null, role: "anonymous", organizationId: null, partnershipId: null, requestId: context.requestId, ip: context.ip };
}

/** A person acting on their own account before a session exists (invitation, reset, sign-in). */
export function accountActor(
  context: Pick<FiletContext, "requestId" | "ip">,
  who: { accountId: string; partnershipId: string | null; organizationId: string | null; roles?: readonly HeldRole[] },
): AuditActor {
  return {
    accountId: who.accountId,
    role: who.roles?.length ? who.roles.map((r) => r.role).join(",") : "self",
    organizationId: who.organizationId,
    partnershipId: who.partnershipId,
    requestId: context.requestId,
    ip: context.ip,
  };
}
