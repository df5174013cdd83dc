import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/trainers.$trainerId";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { LanguagesFieldset, languageValues, type FormValues } from "../../components/admin-fields.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid, versionField, type FieldErrorMap } from "../../modules/forms/fields.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { listTrainers } from "../../modules/training/list-training.server.ts";
import { trainerSchema, updateTrainerProfile } from "../../modules/training/update-trainer.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** The coordinator edits a trainer's pool profile (languages, accreditation, maximum). */
export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.trainer.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.trainerId)) notFound();
  const trainer = (await listTrainers(args.context.db, user.partnershipId)).find((t) => t.id === args.params.trainerId);
  if (!trainer) notFound();
  return { user, partnershipId: user.partnershipId, trainer };
}

export async function loader(args: Route.LoaderArgs) {
  const { trainer } = await scoped(args);
  return { trainer };
}

type ActionResult = { errors: FieldErrorMap; values?: FormValues; formError?: string };

// A 409 reloads the profile as it is now (its version and values).
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, trainer } = await scoped(args);
  const read = await readForm(args.request, { arrays: ["languages"] });
  if (!read.ok) return read.reply;
  const parsed = parseValues(read, trainerSchema);
  if (!parsed.ok) return parsed.reply;
  const version = versionField.safeParse(read.values.version);
  if (!version.success) return data<ActionResult>({ errors: {}, values: read.values, formError: "form.invalid" }, { status: 400 });
  const result = await updateTrainerProfile(args.context.db, actorOf(user, args.context), { partnershipId, trainerId: trainer.id, version: version.data, values: parsed.data });
  // After a conflict, not the stale values: the page shows the profile as the other person left it.
  return respond(result, () => redirect("/training?saved=1"), { conflict: { values: undefined } });
}

export default function EditTrainer({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { trainer } = loaderData;
  const values: FormValues = actionData?.values ?? {
    ...languageValues(trainer.languages),
    accreditedOn: trainer.accreditedOn ?? "",
    maxSessions: trainer.maxSessions,
    active: trainer.active ? "on" : "",
  };
  return (
    <>
      <p>
        <Link to="/training">{t("training.title")}</Link>
      </p>
      <h1>{t("training.trainer.title")}</h1>
      <p>
        {trainer.name} — {trainer.organizationName}
      </p>
      {/* Keyed by version: after a 409 the fields show the current profile, not the stale one. */}
      <Form method="post" className="stack" noValidate key={trainer.version}>
        <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
        <input type="hidden" name="version" value={trainer.version} />
        <LanguagesFieldset values={values} errors={actionData?.errors} />
        <Field name="accreditedOn" type="date" label={t("training.pool.accredited")} defaultValue={String(values.accreditedOn ?? "")} errors={actionData?.errors} />
        <Field name="maxSessions" type="number" inputMode="numeric" label={t("training.pool.max")} required defaultValue={String(values.maxSessions ?? "")} errors={actionData?.errors} />
        <div className="field">
          <label>
            <input type="checkbox" name="active" defaultChecked={values.active === "on"} /> {t("training.trainer.active")}
          </label>
        </div>
        <div className="actions">
          <button type="submit">{t("training.trainer.save")}</button>
        </div>
      </Form>
    </>
  );
}
