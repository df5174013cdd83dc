import { Outlet } from "react-router";
import type { Route } from "./+types/_layout";
import { publicRoute } from "../../modules/authz/policy.ts";
import { pageMessages } from "../../i18n/page-messages.server.ts";
import { revalidateOnEveryPage } from "../../i18n/revalidate-section.ts";
import { PathwayAdminNav } from "../../components/pathway/pathway-ui.tsx";
import { can } from "../../modules/authz/decide.ts";

/**
 * The pathway section's layout: the messages of the page shown (route-namespaces.generated.server.ts; the root sends only the chrome's), and its navigation, drawn once for every page of the section.
 * Public on purpose: it sends only translations and which links the reader's own roles open; each page checks its own policy.
 */
export const policy = publicRoute;

export const shouldRevalidate = revalidateOnEveryPage;

export async function loader(args: Route.LoaderArgs) {
  const { messages, user } = await pageMessages(args);
  return { messages, nav: { edit: !!user && can(user.roles, "pathway.edit", { partnershipId: user.partnershipId }) } };
}

export default function PathwayLayout({ loaderData }: Route.ComponentProps) {
  return (
    <>
      {loaderData.nav.edit ? <PathwayAdminNav /> : null}
      <Outlet />
    </>
  );
}
