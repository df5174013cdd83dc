import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_index";
import { UnreadBadge, useSpaceName } from "../../components/forum/forum-ui.tsx";
import stylesheet from "../../components/forum/forum.css?url";
import { SavedNotice } from "../../components/saved-notice.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { needs } from "../../modules/authz/policy.ts";
import { moderatedSpaceIds } from "../../modules/forum/access.server.ts";
import { ensureStandardSpaces } from "../../modules/forum/ensure-spaces.server.ts";
import { digestSchema } from "../../modules/forum/forum-schema.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { listSpaces } from "../../modules/forum/list-spaces.server.ts";
import { countUnreadNotifications } from "../../modules/forum/notifications.server.ts";
import { digestOf, setDigest } from "../../modules/forum/set-digest.server.ts";
import { digestRhythms } from "../../modules/forum/vocabulary.ts";
import { dispatchIntent, intentOf } from "../../modules/forms/dispatch-intent.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields, map } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** The pivot network: the spaces one reads, their unread threads, search, one's digest rhythm. */
export const policy = needs("network.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forum.title");

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader(args: Route.LoaderArgs) {
  const { user, viewer } = await forumGuard(args, policy);
  const db = args.context.db;
  // The Table's standard spaces follow its organizations (a new organization gets its space here).
  await ensureStandardSpaces(db, viewer.partnershipId);
  const target = { partnershipId: viewer.partnershipId, organizationId: null };
  const mayCreate = user.roles.some((r) => r.partnershipId === viewer.partnershipId && can([r], "network.space_create", { ...target, organizationId: r.organizationId }));
  return {
    spaces: await listSpaces(db, viewer),
    digest: await digestOf(db, viewer.personId),
    unreadNotifications: await countUnreadNotifications(db, viewer.partnershipId, viewer.personId),
    mayCreate,
    moderates: (await moderatedSpaceIds(db, viewer)).length > 0,
    saved: requestUrl(args.request).searchParams.get("saved") === "digest",
  };
}

type Ctx = { args: Route.ActionArgs; viewer: Awaited<ReturnType<typeof forumGuard>>["viewer"]; user: Awaited<ReturnType<typeof forumGuard>>["user"]; read: Extract<Awaited<ReturnType<typeof readForm>>, { ok: true }> };

const intents = {
  digest: async (c: Ctx) => {
    const parsed = parseValues(c.read, digestSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await setDigest(c.args.context.db, actorOf(c.user, c.args.context), { viewer: c.viewer, digest: parsed.data.digest }), () => "/network?saved=digest");
  },
};

export async function action(args: Route.ActionArgs) {
  const { user, viewer } = await forumGuard(args, policy);
  const read = await readForm(args.request);
  const intent = read.ok ? intentOf(read.values) : "";
  const result = read.ok ? await dispatchIntent(intent, intents, { args, viewer, user, read }, () => invalidFields({}, "form.invalid")) : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { intent } });
}

export default function NetworkHome({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const spaceName = useSpaceName();
  const { spaces, digest, unreadNotifications, mayCreate, moderates, saved } = loaderData;
  return (
    <>
      <h1>{t("forum.title")}</h1>
      <p className="lead">{t("forum.intro")}</p>
      <p className="alert warning">{t("forum.noYouthDetails")}</p>
      {saved ? <SavedNotice message="forum.saved.digest" /> : null}
      <Form method="get" action="/network/search" className="forum-search" role="search">
        <div className="field">
          <label htmlFor="network-q">{t("forum.search.label")}</label>
          <input id="network-q" name="q" type="search" />
        </div>
        <button type="submit">{t("forum.search.submit")}</button>
      </Form>
      <p className="actions">
        <Link to="/network/notifications">
          {t("forum.notifications.title")} <UnreadBadge count={unreadNotifications} />
        </Link>
        <Link to="/network/news">{t("news.title")}</Link>
        <Link to="/network/proposals">{t("proposals.title")}</Link>
        {moderates ? <Link to="/network/moderation">{t("forum.moderation.title")}</Link> : null}
        {mayCreate ? (
          <Link to="/network/spaces/new" className="button secondary">
            {t("forum.spaces.new")}
          </Link>
        ) : null}
      </p>
      <h2>{t("forum.spaces.title")}</h2>
      {spaces.length ? (
        <ul className="forum-spaces">
          {spaces.map((s) => (
            <li key={s.id}>
              <Link to={`/network/spaces/${s.id}`}>{spaceName(s)}</Link> <UnreadBadge count={s.unreadThreads} />
              <br />
              <span className="muted">
                {t(`forum.kind.${s.kind}` as MessageKey)} · {t("forum.threads.count", { count: s.threads })} · {t(`forum.level.${s.level}` as MessageKey)}
                {s.posting === "moderators" ? ` · ${t("forum.posting.moderators.short")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("forum.spaces.none")}</p>
      )}
      <h2 id="digest-title">{t("forum.digest.title")}</h2>
      <p id="digest-hint">{t("forum.digest.hint")}</p>
      <Form method="post" className="stack" aria-labelledby="digest-title">
        <input type="hidden" name="intent" value="digest" />
        <fieldset aria-describedby="digest-hint">
          <legend>{t("forum.digest.legend")}</legend>
          {digestRhythms.map((r) => (
            <div key={r} className="choice">
              <input type="radio" id={`digest-${r}`} name="digest" value={r} defaultChecked={digest === r} />
              <label htmlFor={`digest-${r}`}>{t(`forum.digest.${r}` as MessageKey)}</label>
            </div>
          ))}
        </fieldset>
        {actionData?.intent === "digest" && actionData.errors && Object.keys(actionData.errors).length ? <p className="error">{t("form.errors")}</p> : null}
        <p className="actions">
          <button type="submit" className="secondary">
            {t("forum.digest.save")}
          </button>
        </p>
      </Form>
    </>
  );
}
