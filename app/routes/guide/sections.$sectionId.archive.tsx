import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/sections.$sectionId.archive";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { z } from "zod";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { guideLinks } from "../../components/guide/guide-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { archiveGuideSection, guideSectionExists } from "../../modules/guide/organize-guide.server.ts";
import { getGuideSection } from "../../modules/guide/read-guide.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** The confirm step before a section leaves the guide (archived: its history is kept). */
export const policy = needs("guide.edit");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "guide.archive.linkShort");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sectionId)) notFound();
  const entry = await getGuideSection(args.context.db, user.partnershipId, args.params.sectionId);
  if (!entry) notFound();
  const v = entry.published ?? entry.latest;
  return { sectionId: entry.id, title: v?.content.titleFr ?? "", published: !!entry.published };
}

/** The confirm button names its step: a body without it (or with anything else) is refused. */
const archiveSchema = z.object({ intent: z.literal("archive", { message: "form.invalid" }) });

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sectionId)) notFound();
  // Another Table's section (or none) is a 404 whatever the body says.
  if (!(await guideSectionExists(args.context.db, user.partnershipId, args.params.sectionId))) notFound();
  const input = await parseForm(args.request, archiveSchema);
  if (!input.ok) return input.reply;
  // Archiving twice (a double click) is one archive: the second finds it done and changes nothing.
  const result = await archiveGuideSection(args.context.db, actorOf(user, args.context), {
    partnershipId: user.partnershipId,
    personId: user.personId,
    sectionId: args.params.sectionId,
  });
  return respond(result, () => redirect("/guide?done=archived"));
}

export default function ArchiveGuideSection({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { sectionId, title, published } = loaderData;
  return (
    <>
      <h1>{t("guide.archive.title", { title })}</h1>
      <p>{t("guide.archive.explain")}</p>
      {published ? <p className="alert warning">{t("guide.archive.published")}</p> : null}
      <Form method="post" className="actions">
        <button type="submit" name="intent" value="archive" className="danger">
          {t("guide.archive.confirm")}
        </button>
        <Link to={`/guide/sections/${sectionId}`}>{t("guide.archive.cancel")}</Link>
      </Form>
    </>
  );
}
