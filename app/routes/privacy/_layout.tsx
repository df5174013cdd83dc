import { Outlet } from "react-router";
import type { Route } from "./+types/_layout";
import { PrivacyNav } from "../../components/privacy/privacy-nav.tsx";
import { pageMessages } from "../../i18n/page-messages.server.ts";
import { revalidateOnEveryPage } from "../../i18n/revalidate-section.ts";
import { can } from "../../modules/authz/decide.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { keepsRetention, keepsTableRegister, privacyAccessOf } from "../../modules/privacy/privacy-access.server.ts";

/**
 * The privacy section's layout: the messages of the page shown, and the section's navigation
 * (only the links the reader's roles open). Public on purpose: it sends only translations and
 * those links; each page checks its own policy.
 */
export const policy = publicRoute;

export const shouldRevalidate = revalidateOnEveryPage;

export async function loader(args: Route.LoaderArgs) {
  const { messages, user } = await pageMessages(args);
  const partnershipId = user?.partnershipId ?? null;
  const access = user ? privacyAccessOf(user) : null;
  const target = { partnershipId, organizationId: null };
  return {
    messages,
    nav: user && partnershipId
      ? { officer: !!access, tableOfficer: !!access && keepsTableRegister(access), audit: can(user.roles, "audit.read", target), counts: can(user.roles, "privacy.incident_counts", target), retention: keepsRetention(user) }
      : null,
  };
}

export default function PrivacyLayout({ loaderData }: Route.ComponentProps) {
  return (
    <>
      {loaderData.nav ? <PrivacyNav flags={loaderData.nav} /> : null}
      <Outlet />
    </>
  );
}
