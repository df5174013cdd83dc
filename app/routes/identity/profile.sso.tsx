import { data, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/profile.sso";
import { PostButton } from "../../components/form.tsx";
import { FormAlert } from "../../components/identity/identity-ui.tsx";
import { localName } from "../../i18n/names.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { authenticated } from "../../modules/authz/policy.ts";
import { dispatchIntent, intentOf } from "../../modules/forms/dispatch-intent.ts";
import { requiredId } from "../../modules/forms/fields.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { canLinkProvider, getProfileSso, unlinkIdentity } from "../../modules/sso/sso-accounts.server.ts";
import { serializeSsoCookie } from "../../modules/sso/sso-cookie.server.ts";
import { startSsoSignIn } from "../../modules/sso/sso-sign-in.server.ts";
import { ProviderHandoff } from "../../components/sso/provider-handoff.tsx";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "sso.profile.title");

/** One's own linked identities: link (from this signed-in session only) and unlink. */
export const policy = authenticated;

export async function loader(args: Route.LoaderArgs) {
  const user = (await guard(args, policy))!;
  const sso = await getProfileSso(args.context.db, { accountId: user.accountId });
  const linked = requestUrl(args.request).searchParams.get("linked") === "1";
  return { ...sso, justLinked: linked };
}

const linkForm = z.object({ providerId: requiredId });
const unlinkForm = z.object({ identityId: requiredId });

/** One reply shape for the page: a form error, or the hand-over to the provider. */
const reply = (body: { formError?: string; handoff?: string }, init?: ResponseInit) => data(body, init);

export async function action(args: Route.ActionArgs) {
  const user = (await guard(args, policy))!;
  const read = await readForm(args.request);
  if (!read.ok) return reply({ formError: "form.errors" }, { status: 400 });
  return dispatchIntent(
    intentOf(read.values),
    {
      link: async () => {
        const parsed = parseValues(read, linkForm);
        if (!parsed.ok) return reply({ formError: "form.errors" }, { status: 400 });
        // Only a provider of the person's own organization (another's answers like a missing one).
        if (!(await canLinkProvider(args.context.db, { accountId: user.accountId, providerId: parsed.data.providerId }))) notFound();
        const started = await startSsoSignIn(args.context, { providerId: parsed.data.providerId, purpose: "link", accountId: user.accountId, redirectTo: "/profile/sso" });
        if (started.kind === "refused") return reply({ formError: started.reason }, { status: 400 });
        return reply({ handoff: started.url }, { headers: { "Set-Cookie": serializeSsoCookie(started.stateId, args.context.config.isProduction) } });
      },
      unlink: async () => {
        const parsed = parseValues(read, unlinkForm);
        if (!parsed.ok) return reply({ formError: "form.errors" }, { status: 400 });
        const outcome = await unlinkIdentity(args.context.db, actorOf(user, args.context), { accountId: user.accountId, identityId: parsed.data.identityId });
        return respond(outcome, () => redirect("/profile/sso?unlinked=1"), { refused: 409 });
      },
    },
    undefined,
    () => reply({ formError: "form.errors" }, { status: 400 }),
  );
}

export default function ProfileSso({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { dateTime } = useFormatters();
  const { linked, linkable, justLinked } = loaderData;
  const formError = actionData && "formError" in actionData ? (actionData.formError as string) : null;
  if (actionData && "handoff" in actionData && actionData.handoff) return <ProviderHandoff to={actionData.handoff} kind="signIn" />;
  return (
    <>
      <p>
        <Link to="/profile">{t("sso.profile.back")}</Link>
      </p>
      <h1>{t("sso.profile.title")}</h1>
      {justLinked && !actionData ? <FormAlert message="sso.profile.linkedNotice" tone="success" /> : null}
      <FormAlert message={formError} />
      <p>{t("sso.profile.intro")}</p>
      <h2>{t("sso.profile.linkedHeading")}</h2>
      {linked.length === 0 ? (
        <p>{t("sso.profile.none")}</p>
      ) : (
        <ul className="stack">
          {linked.map((l) => (
            <li key={l.id} className="card">
              <p>
                <strong>{localName(locale, l)}</strong>
              </p>
              <p className="muted">
                {t("sso.profile.linkedOn", { date: dateTime(l.createdAt) })}
                {l.lastLoginAt ? ` · ${t("sso.profile.lastUsed", { date: dateTime(l.lastLoginAt) })}` : ""}
              </p>
              <PostButton fields={{ intent: "unlink", identityId: l.id }} className="secondary">
                {t("sso.profile.unlink", { organization: localName(locale, l) })}
              </PostButton>
            </li>
          ))}
        </ul>
      )}
      {linkable.length ? (
        <>
          <h2>{t("sso.profile.linkHeading")}</h2>
          <p>{t("sso.profile.linkIntro")}</p>
          {linkable.map((p) => (
            <PostButton key={p.providerId} fields={{ intent: "link", providerId: p.providerId }}>
              {t("sso.profile.link", { organization: localName(locale, p) })}
            </PostButton>
          ))}
        </>
      ) : null}
    </>
  );
}
