import { Link, redirect } from "react-router";
import type { Route } from "./+types/sessions.new";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { FieldErrorMap, FormValues } from "../../modules/forms/fields.ts";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { createTrainingSession } from "../../modules/training/save-session.server.ts";
import { sessionFormOptions } from "../../modules/training/session-form-data.server.ts";
import { sessionSchema } from "../../modules/training/session-schema.ts";
import { SessionForm } from "../../components/training/session-form.tsx";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.new.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return sessionFormOptions(args.context.db, user.partnershipId);
}

type ActionResult = { errors: FieldErrorMap; values: FormValues };

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const input = await parseForm(args.request, sessionSchema);
  if (!input.ok) return input.reply;
  const values = input.values;
  // One session per submission key: a double click or a retry lands on the first one.
  const submission = submissionOf(values, "training.sessions.new", user.accountId);
  if (!submission) return expiredReply(values);
  const partnershipId = user.partnershipId;
  const outcome = await createOnce(args.context.db, submission, (tx) => createTrainingSession(tx, actorOf(user, args.context), partnershipId, input.data), (id) => `/training?saved=1&session=${id}`);
  return respond(outcome, (location) => redirect(location), { body: { values } as Omit<ActionResult, "errors"> });
}

export default function NewTrainingSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to="/training">{t("training.title")}</Link>
      </p>
      <h1>{t("training.new.title")}</h1>
      <SessionForm {...loaderData} values={(actionData && "values" in actionData ? (actionData.values as FormValues) : undefined) ?? { programId: loaderData.programs[0]?.id ?? "" }} errors={actionData?.errors} />
    </>
  );
}
