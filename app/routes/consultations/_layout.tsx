import { Outlet } from "react-router";
import type { Route } from "./+types/_layout";
import { publicRoute } from "../../modules/authz/policy.ts";
import { pageMessages } from "../../i18n/page-messages.server.ts";

/**
 * The consultations section's layout: its messages (the root sends only the chrome's).
 * Public on purpose: it sends only translations; each page checks its own policy.
 */
export const policy = publicRoute;

export const messageNamespaces = ["consultations"] as const;

export async function loader(args: Route.LoaderArgs) {
  const { messages } = await pageMessages(args, messageNamespaces);
  return { messages };
}

export default function ConsultationsLayout() {
  return <Outlet />;
}
