import type { Route } from "./+types/hsds.organizations";
import { authorize, requireUser } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { exportHsdsOrganizations } from "../../modules/directory/hsds-export.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

export const policy = needs("partnership.view");

const JSON_HEADERS = { "Cache-Control": "no-store", "Content-Type": "application/json; charset=utf-8" };

/**
 * HSDS 3.0 export of the current Table (organizations with services, locations, contacts,
 * phones). An API answers in JSON: 401 without a (fully signed-in) session instead of the
 * sign-in redirect; 404 for someone outside the Table, like every other page.
 */
export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  let user;
  try {
    user = await requireUser(args);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status >= 300 && thrown.status < 400) {
      return new Response(JSON.stringify({ error: "unauthenticated" }), { status: 401, headers: JSON_HEADERS });
    }
    throw thrown;
  }
  if (!user.partnershipId) return new Response(JSON.stringify({ error: "not_found" }), { status: 404, headers: JSON_HEADERS });
  try {
    await authorize(args, user, "partnership.view", { partnershipId: user.partnershipId, organizationId: null });
  } catch {
    return new Response(JSON.stringify({ error: "not_found" }), { status: 404, headers: JSON_HEADERS });
  }
  const organizations = await exportHsdsOrganizations(args.context.db, { partnershipId: user.partnershipId });
  return new Response(JSON.stringify(organizations), { status: 200, headers: JSON_HEADERS });
});
