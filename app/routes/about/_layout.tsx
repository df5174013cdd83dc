import { Outlet } from "react-router";
import type { Route } from "./+types/_layout";
import { publicRoute } from "../../modules/authz/policy.ts";
import { pageMessages } from "../../i18n/page-messages.server.ts";
import { revalidateOnEveryPage } from "../../i18n/revalidate-section.ts";

/**
 * The "about" pages linked from every footer (privacy notice, accessibility statement): their
 * messages (route-namespaces.generated.server.ts). Public: anyone may read them, signed in or not.
 */
export const policy = publicRoute;

export const shouldRevalidate = revalidateOnEveryPage;

export async function loader(args: Route.LoaderArgs) {
  const { messages } = await pageMessages(args);
  return { messages };
}

export default function AboutLayout() {
  return <Outlet />;
}
