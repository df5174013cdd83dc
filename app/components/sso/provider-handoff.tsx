import { useT } from "../../i18n/use-t.ts";

/**
 * The page that hands the browser over to an organization's identity provider (sign-in, linking,
 * sign-out there). A redirect would do with JavaScript, but a plain form's redirect to another
 * origin is blocked by our CSP (`form-action 'self'`): the page goes there itself with a
 * zero-delay refresh (not a form navigation), and offers the link to follow by hand.
 */
export function ProviderHandoff({ to, kind }: { to: string; kind: "signIn" | "signOut" }) {
  const { t } = useT();
  return (
    <>
      <meta httpEquiv="refresh" content={`0;url=${to}`} />
      <h1>{t(kind === "signIn" ? "sso.handoff.signInTitle" : "sso.handoff.signOutTitle")}</h1>
      <p>{t(kind === "signIn" ? "sso.handoff.signInBody" : "sso.handoff.signOutBody")}</p>
      <p>
        <a href={to}>{t("sso.handoff.continue")}</a>
      </p>
    </>
  );
}
