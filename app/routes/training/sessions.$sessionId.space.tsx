import { data, Form, Link, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/sessions.$sessionId.space";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { anyDocument } from "../../modules/files/file-types.ts";
import { readUpload } from "../../modules/files/read-upload.server.ts";
import { isUuid, requiredId, requiredText } from "../../modules/forms/fields.ts";
import { expiredReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { listGuideExercises } from "../../modules/guide/list-guide-exercises.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { hasAnswered } from "../../modules/training-evaluation/evaluation.server.ts";
import { sessionAccess, seesSessionSpace } from "../../modules/training-evaluation/session-access.server.ts";
import {
  addSessionDocument,
  listSessionDocuments,
  listSessionExercises,
  removeSessionDocument,
  setSessionExercise,
} from "../../modules/training-evaluation/session-materials.server.ts";
import { StatusBadge } from "../../components/training/training-ui.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { ConfirmDelete } from "../../components/forms/confirm-delete.tsx";
import { DocumentList, DocumentUpload } from "../../components/documents.tsx";

/**
 * A session's shared space: its documents and the guide exercises it uses, for its trainers,
 * observer and participants and the coordinator; the trainers and the coordinator add and
 * remove them. Links to the observation grid, the evaluation, the results and the certificate,
 * each shown only to whom it is for. Anyone else: 404.
 */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.space.pageTitle");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sessionId)) notFound();
  const access = await sessionAccess(args.context.db, user, args.params.sessionId);
  if (!access || !seesSessionSpace(access)) notFound();
  return { user, partnershipId: user.partnershipId, access };
}

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId, access } = await scoped(args);
  const db = args.context.db;
  const editor = access.coordinator || access.trainer;
  const [documents, exercises, guideExercises] = await Promise.all([
    listSessionDocuments(db, partnershipId, access.session.id),
    listSessionExercises(db, partnershipId, access.session.id),
    editor ? listGuideExercises(db, partnershipId) : Promise.resolve([]),
  ]);
  const participant = access.participant;
  const given = access.session.status === "given";
  return {
    session: { id: access.session.id, dates: access.session.dates, status: access.session.status, place: access.session.place, online: access.session.online },
    documents: documents.map((d) => ({ id: d.id, fileName: d.fileName, byteSize: d.byteSize })),
    exercises,
    available: guideExercises.filter((e) => !exercises.some((x) => x.key === e.key)),
    editor,
    links: {
      edit: access.coordinator,
      observation: access.observer || access.coordinator || access.trainer,
      evaluation: !!participant && given,
      answered: participant && given ? await hasAnswered(db, partnershipId, participant.id) : false,
      results: access.results || access.trainer,
      certificate: !!participant?.completedAt,
    },
  };
}

/**
 * The space's forms: an upload (a create: one document per submission key) and the idempotent
 * steps remove a document, attach or detach an exercise. An unknown intent is a 400.
 */
const intentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("removeDocument"), fileId: requiredId }),
    z.object({ intent: z.literal("attachExercise"), exerciseKey: requiredText(100) }),
    z.object({ intent: z.literal("detachExercise"), exerciseKey: requiredText(100) }),
    z.object({ intent: z.literal("upload") }),
  ],
  { message: "form.invalid" },
);

const doneSteps = ["uploaded", "removed", "attached", "detached"] as const;
type Done = (typeof doneSteps)[number];
/** Each step lands back on the space with its outcome (post/redirect/get): reloading repeats nothing. */
const spacePage = (sessionId: string, done: Done, anchor = "") => `/training/sessions/${sessionId}/space?done=${done}${anchor}`;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, access } = await scoped(args);
  if (!(access.coordinator || access.trainer)) notFound();
  // The body cap of an upload (10 MB and the form's overhead) is the reading layer's.
  const read = await readForm(args.request, { files: ["document"] });
  if (!read.ok) return read.reply;
  const parsed = parseValues(read, intentSchema);
  if (!parsed.ok) return parsed.reply;
  const actor = actorOf(user, args.context);
  const sessionId = access.session.id;
  const input = parsed.data;
  if (input.intent === "upload") {
    const upload = await readUpload(read.form, "document", anyDocument);
    if (!upload.ok) return data({ ok: false as const, error: `trainingEval.space.upload.${upload.error}` }, { status: 400 });
    const submission = submissionOf(read.values, `training.sessions.space:upload`, user.accountId);
    if (!submission) return expiredReply(read.values);
    const outcome = await submitOnce(args.context.db, submission, async (tx) => {
      const file = await addSessionDocument(tx, actor, { partnershipId, sessionId, upload: upload.upload, personId: user.personId });
      return file ? created(spacePage(sessionId, "uploaded", `#document-${file.id}`)) : refused(null);
    });
    if (outcome.created) return redirect(outcome.location);
    notFound();
  }
  if (input.intent === "removeDocument") {
    // Removing twice: the second finds nothing (404), nothing else changes.
    if (!(await removeSessionDocument(args.context.db, actor, { partnershipId, sessionId, fileId: input.fileId }))) notFound();
    return redirect(spacePage(sessionId, "removed"));
  }
  const attached = input.intent === "attachExercise";
  if (!(await setSessionExercise(args.context.db, actor, { partnershipId, sessionId, exerciseKey: input.exerciseKey, attached }))) notFound();
  return redirect(spacePage(sessionId, attached ? "attached" : "detached"));
}

export default function SessionSpace({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const { session, documents, exercises, available, links, editor } = loaderData;
  const when = session.dates.map((d) => day(d)).join(" · ");
  const [params] = useSearchParams();
  const done = doneSteps.find((d) => d === params.get("done"));
  return (
    <>
      <p>
        <Link to="/training/mine">{t("trainingEval.mine.title")}</Link>
      </p>
      <h1>{t("trainingEval.space.title", { date: when })}</h1>
      <p>
        <StatusBadge status={session.status} /> {session.online ? t("training.sessions.online") : session.place}
      </p>
      {actionData ? (
        <p className="alert error" role="alert">
          {t(("error" in actionData ? actionData.error : actionData.formError) as Parameters<typeof t>[0])}
        </p>
      ) : done ? (
        <SavedNotice message={`trainingEval.space.done.${done}`} />
      ) : null}
      <ul className="actions session-links" aria-label={t("trainingEval.space.linksLabel")}>
        {links.certificate ? (
          <li>
            <a className="button" href={`/training/sessions/${session.id}/certificate`} download>
              {t("trainingEval.space.certificate")}
            </a>
          </li>
        ) : null}
        {links.evaluation ? (
          <li>
            <Link to={`/training/sessions/${session.id}/evaluation`}>{links.answered ? t("trainingEval.space.evaluationDone") : t("trainingEval.space.evaluation")}</Link>
          </li>
        ) : null}
        {links.observation ? (
          <li>
            <Link to={`/training/sessions/${session.id}/observation`}>{t("trainingEval.space.observation")}</Link>
          </li>
        ) : null}
        {links.results ? (
          <li>
            <Link to={`/training/sessions/${session.id}/results`}>{t("trainingEval.space.results")}</Link>
          </li>
        ) : null}
        {links.edit ? (
          <li>
            <Link to={`/training/sessions/${session.id}`}>{t("trainingEval.space.edit")}</Link>
          </li>
        ) : null}
      </ul>
      <h2>{t("trainingEval.space.exercises")}</h2>
      {exercises.length === 0 ? (
        <p>{t("trainingEval.space.noExercises")}</p>
      ) : (
        <ul>
          {exercises.map((e) => (
            <li key={e.key}>
              <Link to={e.href}>{locale === "en" ? e.titleEn : e.titleFr}</Link> <span className="muted">({t("trainingEval.space.minutes", { n: e.durationMinutes })})</span>
              {editor ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="detachExercise" />
                  <input type="hidden" name="exerciseKey" value={e.key} />
                  <button type="submit" className="button secondary small">
                    {t("trainingEval.space.detach", { title: locale === "en" ? e.titleEn : e.titleFr })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editor && available.length ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="attachExercise" />
          <div className="field">
            <label htmlFor="field-exerciseKey">{t("trainingEval.space.attachLabel")}</label>
            <select id="field-exerciseKey" name="exerciseKey" required>
              {available.map((e) => (
                <option key={e.key} value={e.key}>
                  {locale === "en" ? e.titleEn : e.titleFr}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit">{t("trainingEval.space.attach")}</button>
          </div>
        </Form>
      ) : null}
      <h2>{t("trainingEval.space.documents")}</h2>
      <DocumentList
        documents={documents.map((d) => ({
          id: d.id,
          fileName: d.fileName,
          href: `/training/sessions/${session.id}/documents/${d.id}`,
          details: t("trainingEval.space.size", { n: Math.max(1, Math.round(d.byteSize / 1024)) }),
        }))}
        empty={t("trainingEval.space.noDocuments")}
        remove={editor ? (d) => <ConfirmDelete name={d.fileName} summary={t("trainingEval.space.remove", { name: d.fileName })} fields={{ intent: "removeDocument", fileId: d.id }} /> : undefined}
      />
      {editor ? (
        <DocumentUpload
          intent="upload"
          inputId="field-document"
          label={t("trainingEval.space.uploadLabel")}
          hint={t("trainingEval.space.uploadHint")}
          submitLabel={t("trainingEval.space.upload")}
        />
      ) : null}
    </>
  );
}
