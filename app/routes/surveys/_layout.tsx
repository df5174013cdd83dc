import { Outlet } from "react-router";
import type { Route } from "./+types/_layout";
import { publicRoute } from "../../modules/authz/policy.ts";
import { pageMessages } from "../../i18n/page-messages.server.ts";
import { revalidateOnEveryPage } from "../../i18n/revalidate-section.ts";

/**
 * The surveys section's layout (list, editor, answering, results): the messages of the
 * page shown. Public on purpose: it sends only translations; each page checks its own policy.
 */
export const policy = publicRoute;

export const shouldRevalidate = revalidateOnEveryPage;

export async function loader(args: Route.LoaderArgs) {
  const { messages } = await pageMessages(args);
  return { messages };
}

export default function SurveysLayout() {
  return <Outlet />;
}
