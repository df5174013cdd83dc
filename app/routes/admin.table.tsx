import { redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/admin.table";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { isUuid } from "../modules/forms/fields.ts";
import { switchActivePartnership } from "../modules/governance/switch-partnership.server.ts";
import { safeRedirectPath } from "../modules/http/safe-redirect.ts";

/** A platform admin switches the Table they work in (kept on the session). */
export const policy = needs("partnership.manage");

const schema = z.object({ partnershipId: z.string().refine(isUuid), redirectTo: z.string().optional() });

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user) notFound();
  const parsed = schema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) notFound();
  const switched = await switchActivePartnership(args.context.db, actorOf(user, args.context), {
    sessionIdHash: user.sessionIdHash,
    partnershipId: parsed.data.partnershipId,
  });
  if (!switched) notFound();
  return redirect(safeRedirectPath(parsed.data.redirectTo, "/admin"));
}

export async function loader(args: Route.LoaderArgs) {
  await guard(args, policy);
  return redirect("/admin");
}
