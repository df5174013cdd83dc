import { Outlet } from "react-router";
import type { Route } from "./+types/_layout";
import { publicRoute } from "../../modules/authz/policy.ts";
import { pageMessages } from "../../i18n/page-messages.server.ts";
import { revalidateOnEveryPage } from "../../i18n/revalidate-section.ts";
import { DirectoryNav } from "../../components/directory-ui.tsx";
import { organizationsWhere } from "../../modules/authz/decide.ts";

/**
 * The directory section's layout: the messages of the page shown (route-namespaces.generated.server.ts; the root sends only the chrome's), and its navigation, drawn once for every page of the section.
 * Public on purpose: it sends only translations and which links the reader's own roles open; each page checks its own policy.
 */
export const policy = publicRoute;

export const shouldRevalidate = revalidateOnEveryPage;

export async function loader(args: Route.LoaderArgs) {
  const { messages, user } = await pageMessages(args);
  const designates = user?.partnershipId ? organizationsWhere(user.roles, "pivot.designate", user.partnershipId) : [];
  return { messages, nav: { designations: designates === "all" || designates.length > 0 } };
}

export default function DirectoryLayout({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <DirectoryNav designations={loaderData.nav.designations} />
      <Outlet />
    </>
  );
}
