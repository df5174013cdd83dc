import { Outlet } from "react-router";
import type { Route } from "./+types/_layout";
import { publicRoute } from "../../modules/authz/policy.ts";
import { pageMessages } from "../../i18n/page-messages.server.ts";
import { revalidateOnEveryPage } from "../../i18n/revalidate-section.ts";
import { MeetingsNav } from "../../components/responsibilities/responsibility-ui.tsx";
import { can } from "../../modules/authz/decide.ts";

/**
 * The meetings section's layout: the messages of the page shown (route-namespaces.generated.server.ts; the root sends only the chrome's), and its navigation, drawn once for every page of the section.
 * Public on purpose: it sends only translations and which links the reader's own roles open; each page checks its own policy.
 */
export const policy = publicRoute;

export const shouldRevalidate = revalidateOnEveryPage;

export async function loader(args: Route.LoaderArgs) {
  const { messages, user } = await pageMessages(args);
  return { messages, nav: { signedIn: !!user?.partnershipId, viewMeetings: !!user?.partnershipId && can(user.roles, "meeting.view", { partnershipId: user.partnershipId, organizationId: null }) } };
}

export default function MeetingsLayout({ loaderData }: Route.ComponentProps) {
  return (
    <>
      {loaderData.nav.signedIn ? <MeetingsNav viewMeetings={loaderData.nav.viewMeetings} /> : null}
      <Outlet />
    </>
  );
}
