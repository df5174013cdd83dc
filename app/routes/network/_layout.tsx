import { Outlet } from "react-router";
import type { Route } from "./+types/_layout";
import { publicRoute } from "../../modules/authz/policy.ts";
import { pageMessages } from "../../i18n/page-messages.server.ts";
import { revalidateOnEveryPage } from "../../i18n/revalidate-section.ts";

/**
 * The network section's layout: the messages of the page shown (route-namespaces.generated.server.ts; the root sends only the chrome's).
 * Public on purpose: it sends only translations; each page checks its own policy.
 */
export const policy = publicRoute;

export const shouldRevalidate = revalidateOnEveryPage;

export async function loader(args: Route.LoaderArgs) {
  const { messages } = await pageMessages(args);
  return { messages };
}

export default function NetworkLayout() {
  return <Outlet />;
}
