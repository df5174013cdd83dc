import type { Route } from "./+types/my-data.json";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { authenticated } from "../../modules/authz/policy.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";
import { collectOwnData } from "../../modules/privacy/collect-own-data.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** Resource route: what Filet holds about the signed-in person, as a JSON download (audited). */
export const policy = authenticated;

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user) notFound();
  const mine = await collectOwnData(args.context.db, actorOf(user, args.context), { personId: user.personId, accountId: user.accountId, partnershipId: user.partnershipId }, "json");
  return new Response(`${JSON.stringify(mine, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="mes-donnees-filet-${quebecDay(new Date())}.json"`,
      "cache-control": "private, no-store",
    },
  });
});
