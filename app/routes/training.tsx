import { Form, Link } from "react-router";
import type { Route } from "./+types/training";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { listPrograms, listSessions, listTrainers } from "../modules/training/list-training.server.ts";
import { syncTrainerPool } from "../modules/training/sync-trainer-pool.server.ts";
import { StatusBadge, trainerLabel, useDayFormatter } from "../modules/training/training-ui.tsx";

/** The coordinator's training overview: program, sessions, trainer pool. */
export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const [programs, sessions, trainers] = await Promise.all([
    listPrograms(args.context.db, user.partnershipId),
    listSessions(args.context.db, user.partnershipId),
    listTrainers(args.context.db, user.partnershipId),
  ]);
  const url = new URL(args.request.url);
  return { programs, sessions, trainers, saved: url.searchParams.has("saved") };
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const added = await syncTrainerPool(args.context.db, actorOf(user, args.context), user.partnershipId);
  return { added };
}

export default function Training({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDayFormatter();
  const { programs, sessions, trainers } = loaderData;
  const byId = new Map(trainers.map((tr) => [tr.id, tr]));
  return (
    <>
      <h1>{t("training.title")}</h1>
      <p>{t("training.intro")}</p>
      <nav className="subnav" aria-label={t("training.title")}>
        <Link to="/training/sessions/new">{t("training.sessions.new")}</Link> <Link to="/training/pairs">{t("training.nav.pairs")}</Link>
        <Link to="/training/questionnaires/observation">{t("trainingEval.nav.observation")}</Link>
        <Link to="/training/questionnaires/evaluation">{t("trainingEval.nav.evaluation")}</Link>
        <Link to="/training/results">{t("trainingEval.nav.results")}</Link>
        <Link to="/training/stats">{t("trainingEval.nav.stats")}</Link>
        <Link to="/training/certificates">{t("trainingEval.nav.certificates")}</Link>
        <Link to="/training/programs/new">{t("trainingEval.program.new")}</Link>
      </nav>
      {loaderData.saved ? <p className="alert success" role="status">{t("training.saved")}</p> : null}
      {actionData ? <p className="alert success" role="status">{t("training.pool.synced", { count: actionData.added })}</p> : null}
      <h2>{t("training.programs.title")}</h2>
      {programs.map((p) => (
        <section key={p.id} className="card">
          <h3>{locale === "en" ? p.nameEn : p.nameFr}</h3>
          <p>
            <Link to={`/training/programs/${p.id}`}>{t("trainingEval.nav.programEdit", { name: locale === "en" ? p.nameEn : p.nameFr })}</Link>
          </p>
          <p>{locale === "en" ? p.summaryEn : p.summaryFr}</p>
          {p.days.map((d, i) => (
            <div key={i}>
              <h4>{locale === "en" ? d.titleEn : d.titleFr}</h4>
              <ul>
                {(locale === "en" ? d.objectivesEn : d.objectivesFr).map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </div>
          ))}
          {p.guideModules.length ? <p className="muted">{t("training.programs.guideModules", { modules: p.guideModules.join(", ") })}</p> : null}
        </section>
      ))}
      <h2>{t("training.sessions.title", { count: sessions.length })}</h2>
      {sessions.length === 0 ? (
        <p>{t("training.sessions.empty")}</p>
      ) : (
        <table>
          <caption>{t("training.sessions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("training.sessions.dates")}</th>
              <th scope="col">{t("training.sessions.place")}</th>
              <th scope="col">{t("training.sessions.language")}</th>
              <th scope="col">{t("training.sessions.status")}</th>
              <th scope="col">{t("training.sessions.trainers")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const pair = [s.trainerAId, s.trainerBId].map((id) => (id ? byId.get(id) : undefined)).filter((x) => !!x);
              return (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/training/sessions/${s.id}`}>
                      {s.dates.map((d) => day(d)).join(" · ")}
                    </Link>
                  </th>
                  <td>{s.online ? t("training.sessions.online") : s.place}</td>
                  <td>{t(`training.language.${s.language}`)}</td>
                  <td>
                    <StatusBadge status={s.status} />
                  </td>
                  <td>{pair.length ? pair.map((tr) => trainerLabel(tr)).join(" + ") : <span className="muted">{t("training.sessions.noPair")}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2>{t("training.pool.title", { count: trainers.length })}</h2>
      {trainers.length === 0 ? <p>{t("training.pool.empty")}</p> : (
        <table>
          <caption>{t("training.pool.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("training.pool.name")}</th>
              <th scope="col">{t("training.pool.organization")}</th>
              <th scope="col">{t("training.pool.languages")}</th>
              <th scope="col">{t("training.pool.accredited")}</th>
              <th scope="col">{t("training.pool.max")}</th>
            </tr>
          </thead>
          <tbody>
            {trainers.map((tr) => (
              <tr key={tr.id}>
                <th scope="row">
                  <Link to={`/training/trainers/${tr.id}`} aria-label={t("training.trainer.edit", { name: tr.name })}>
                    {tr.name}
                  </Link>
                </th>
                <td>{tr.organizationName}</td>
                <td>{tr.languages.join(", ")}</td>
                <td>{day(tr.accreditedOn)}</td>
                <td>{tr.maxSessions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form method="post">
        <button type="submit" className="button secondary">{t("training.pool.sync")}</button>
      </Form>
    </>
  );
}
