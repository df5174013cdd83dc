import { redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/table";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid, optionalText } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { switchActivePartnership } from "../../modules/governance/switch-partnership.server.ts";
import { safeRedirectPath } from "../../modules/http/safe-redirect.ts";

/** A platform admin switches the Table they work in (kept on the session). */
export const policy = needs("partnership.manage");

const schema = z.object({ partnershipId: optionalText(100), redirectTo: optionalText(2000) });

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user) notFound();
  const input = await parseForm(args.request, schema);
  if (!input.ok) return input.reply;
  // An id that names no Table answers like an unknown Table.
  if (!isUuid(input.data.partnershipId)) notFound();
  const switched = await switchActivePartnership(args.context.db, actorOf(user, args.context), {
    sessionIdHash: user.sessionIdHash,
    partnershipId: input.data.partnershipId.toLowerCase(),
  });
  if (!switched) notFound();
  return redirect(safeRedirectPath(input.data.redirectTo || undefined, "/admin"));
}

export async function loader(args: Route.LoaderArgs) {
  await guard(args, policy);
  return redirect("/admin");
}

/**
 * Never drawn (the loader always redirects): its presence makes this a page route, so a
 * refusal renders the normal translated 404 page instead of raw JSON.
 */
export default function SwitchTable() {
  return null;
}
