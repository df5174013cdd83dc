import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/training.sessions.$sessionId";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { fieldErrors, formValues, isUuid, versionField, type FieldErrorMap, type FormValues } from "../modules/governance/form-fields.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { listAvailability, loadSession } from "../modules/training/list-training.server.ts";
import { updateTrainingSession } from "../modules/training/save-session.server.ts";
import { sessionFormOptions } from "../modules/training/session-form-data.server.ts";
import { sessionSchema } from "../modules/training/session-schema.ts";
import { SessionForm, trainerLabel, useDayFormatter } from "../modules/training/training-ui.tsx";

export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sessionId)) notFound();
  // Another Table's session reads exactly like a missing one.
  const session = await loadSession(args.context.db, user.partnershipId, args.params.sessionId);
  if (!session) notFound();
  return { user, partnershipId: user.partnershipId, session };
}

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId, session } = await scoped(args);
  const [options, availability] = await Promise.all([
    sessionFormOptions(args.context.db, partnershipId),
    listAvailability(args.context.db, partnershipId, [session.id]),
  ]);
  const answers = options.trainers.map((tr) => ({ trainer: tr, available: availability.get(`${session.id}|${tr.id}`) ?? null }));
  const values: FormValues = {
    programId: session.programId,
    day1: session.dates[0] ?? "",
    day2: session.dates[1] ?? "",
    place: session.place,
    online: session.online ? "on" : "",
    capacity: String(session.capacity),
    language: session.language,
    status: session.status,
    trainerAId: session.trainerAId ?? "",
    trainerBId: session.trainerBId ?? "",
    observerPersonId: session.observerPersonId ?? "",
    notes: session.notes,
  };
  return { ...options, session, values, answers };
}

type ActionResult = { errors: FieldErrorMap; values: FormValues; formError?: string };

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, session } = await scoped(args);
  const values = formValues(await args.request.formData());
  const version = versionField.safeParse(values.version);
  const parsed = sessionSchema.safeParse(values);
  if (!parsed.success || !version.success) {
    return data<ActionResult>({ errors: parsed.success ? {} : fieldErrors(parsed.error), values, formError: version.success ? undefined : "form.invalid" }, { status: 400 });
  }
  const result = await updateTrainingSession(args.context.db, actorOf(user, args.context), partnershipId, session.id, version.data, parsed.data);
  if (result.status === "invalid") return data<ActionResult>({ errors: { [result.field]: [result.message] }, values }, { status: 400 });
  if (result.status === "conflict") return data<ActionResult>({ errors: {}, values, formError: "form.conflict" }, { status: 409 });
  if (result.status === "not_found") notFound();
  return redirect("/training?saved=1");
}

export default function EditTrainingSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDayFormatter();
  const { session, answers } = loaderData;
  return (
    <>
      <p>
        <Link to="/training">{t("training.title")}</Link>
      </p>
      <h1>{t("training.edit.title", { date: day(session.dates[0]) })}</h1>
      <SessionForm
        programs={loaderData.programs}
        trainers={loaderData.trainers}
        observers={loaderData.observers}
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors}
        formError={actionData?.formError}
        version={session.version}
      />
      <h2>{t("training.availability.sessionTitle")}</h2>
      <table>
        <caption>{t("training.availability.sessionCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("training.pool.name")}</th>
            <th scope="col">{t("training.availability.answer")}</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((a) => (
            <tr key={a.trainer.id}>
              <th scope="row">{trainerLabel(a.trainer)}</th>
              <td>
                {a.available === null
                  ? t("training.availability.unanswered")
                  : a.available
                    ? t("training.availability.yes")
                    : t("training.availability.no")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
