import type { Route } from "./+types/people";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { organizationsWhere } from "../../modules/authz/decide.ts";
import { authenticated, needs } from "../../modules/authz/policy.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { meetingGuard } from "../../modules/meetings/meeting-route.server.ts";
import { requireDirectoryAccess } from "../../modules/directory/directory-access.server.ts";
import { searchPeople } from "../../modules/people/search-people.server.ts";
import type { OrganizationScope } from "../../modules/people/person-scope.ts";
import { searchNominees } from "../../modules/training/nominee-search.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** Signed in; each picker then asks the permission of the page it serves (below). */
export const policy = authenticated;

const JSON_HEADERS = { "Cache-Control": "no-store", "Content-Type": "application/json; charset=utf-8" };

/**
 * Narrows a scope to one organization the page names (a responsibility of one organization, the
 * organization chosen for a designation); outside the reader's scope it is a 404, like the page.
 */
function narrowed(scope: OrganizationScope, organization: string | null): OrganizationScope {
  if (!organization) return scope;
  if (!isUuid(organization) || (scope !== "all" && !scope.includes(organization.toLowerCase()))) notFound();
  return [organization.toLowerCase()];
}

/**
 * The people picker's search with JavaScript (app/components/people-picker.tsx): the same
 * people, scope and permission as the page's own search without it, as JSON.
 * `?for=responsibility|designation|nomination&q=…&organization=…`.
 */
export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  // Signed in first: a stranger is sent to sign in whatever the purpose, before any 404.
  await guard(args, policy);
  const params = requestUrl(args.request).searchParams;
  const q = (params.get("q") ?? "").slice(0, 100);
  const organization = params.get("organization");
  const purpose = params.get("for");
  let body: unknown;
  if (purpose === "responsibility") {
    const { access } = await meetingGuard(args, needs("responsibility.own"));
    const scope: OrganizationScope = access.manageAll ? "all" : access.manageFollowupOrgs;
    if (!access.viewMeetings || (scope !== "all" && scope.length === 0)) notFound();
    body = await searchPeople(args.context.db, { partnershipId: access.partnershipId, organizationIds: narrowed(scope, organization), q });
  } else if (purpose === "designation") {
    const access = await requireDirectoryAccess(args, needs("pivot.designate"));
    body = await searchPeople(args.context.db, { partnershipId: access.partnershipId, organizationIds: narrowed(access.designates, organization), q });
  } else if (purpose === "nomination") {
    const user = await guard(args, needs("training.nominate"));
    if (!user?.partnershipId) notFound();
    const organizations = organizationsWhere(user.roles, "training.nominate", user.partnershipId);
    body = await searchNominees(args.context.db, { partnershipId: user.partnershipId, organizations, q, locale: resolveLocale(args.request, user.locale) });
  } else {
    notFound();
  }
  return new Response(JSON.stringify(body), { status: 200, headers: JSON_HEADERS });
});
