import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/training.sessions.new";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { fieldErrors, formValues, type FieldErrorMap, type FormValues } from "../modules/forms/fields.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { createTrainingSession } from "../modules/training/save-session.server.ts";
import { sessionFormOptions } from "../modules/training/session-form-data.server.ts";
import { sessionSchema } from "../modules/training/session-schema.ts";
import { SessionForm } from "../modules/training/training-ui.tsx";

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
  const values = formValues(await args.request.formData());
  const parsed = sessionSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createTrainingSession(args.context.db, actorOf(user, args.context), user.partnershipId, parsed.data);
  if (result.status === "invalid") return data<ActionResult>({ errors: { [result.field]: [result.message] }, values }, { status: 400 });
  if (result.status !== "ok") notFound();
  return redirect("/training?saved=1");
}

export default function NewTrainingSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to="/training">{t("training.title")}</Link>
      </p>
      <h1>{t("training.new.title")}</h1>
      <SessionForm {...loaderData} values={actionData?.values ?? { programId: loaderData.programs[0]?.id ?? "" }} errors={actionData?.errors} />
    </>
  );
}
