import { can, organizationsWhere, type HeldRole } from "../authz/decide.ts";

export type AdminSection = "tables" | "settings" | "organizations" | "people" | "approvals" | "audit" | "outbox" | "identityProviders";

/**
 * The administration sections a user may open, computed with the same decision function as the
 * routes, so the menu never offers a page that would answer 404.
 */
export function adminSections(roles: readonly HeldRole[], partnershipId: string | null) {
  const target = { partnershipId, organizationId: null };
  const sections: AdminSection[] = [];
  const some = (scope: "all" | string[]) => scope === "all" || scope.length > 0;
  const orgScope = (permission: "site.manage" | "person.manage" | "account.approve") =>
    partnershipId ? organizationsWhere(roles, permission, partnershipId) : can(roles, permission, target) ? "all" : [];
  if (can(roles, "partnership.manage", target)) sections.push("tables");
  if (partnershipId && can(roles, "partnership.configure", target)) sections.push("settings");
  if (can(roles, "organization.manage", target)) sections.push("organizations");
  if (some(orgScope("person.manage"))) sections.push("people");
  if (some(orgScope("account.approve"))) sections.push("approvals");
  if (can(roles, "audit.read", target)) sections.push("audit");
  if (can(roles, "outbox.read", target)) sections.push("outbox");
  if (partnershipId && can(roles, "identity_provider.manage", target)) sections.push("identityProviders");
  // Pivot coordinators manage their own organization's sites without the Table-wide list.
  const siteScope = orgScope("site.manage");
  const ownOrganizationIds = sections.includes("organizations") || siteScope === "all" ? [] : siteScope;
  return { sections, ownOrganizationIds };
}
