import { Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/_index";
import { ErrorSummary } from "../../components/form.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { listGuideModules } from "../../modules/guide/read-guide.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { listPrograms, listSessions, listTrainers } from "../../modules/training/list-training.server.ts";
import { programModuleKinds } from "../../modules/training/program-schema.ts";
import { groupSessions, isToClose } from "../../modules/training/session-groups.ts";
import { syncTrainerPool } from "../../modules/training/sync-trainer-pool.server.ts";
import { StatusBadge, trainerLabel, type TrainerOption } from "../../components/training/training-ui.tsx";
import type { SessionStatus } from "../../modules/training/vocabulary.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { quebecDay } from "../../modules/time/days.ts";
import { TableScroll } from "../../components/table-scroll.tsx";
import { resolveLocale } from "../../i18n/locale.server.ts";

/** The coordinator's training overview: program, sessions, trainer pool. */
export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const [programs, sessions, trainers, guideModules] = await Promise.all([
    listPrograms(args.context.db, user.partnershipId),
    listSessions(args.context.db, user.partnershipId),
    listTrainers(args.context.db, user.partnershipId),
    listGuideModules(args.context.db, user.partnershipId),
  ]);
  const url = requestUrl(args.request);
  // The guide modules a program covers, by their titles in the Table's guide (the stored keys are internal).
  const moduleOf = new Map(guideModules.map((m) => [m.kind, m]));
  // Only what the page shows, in the reader's language (issue 10: the page was over 40 KB).
  const en = resolveLocale(args.request, user.locale) === "en";
  const views = programs.map((p) => ({
    id: p.id,
    name: en ? p.nameEn : p.nameFr,
    summary: en ? p.summaryEn : p.summaryFr,
    days: p.days.map((d) => ({ title: en ? d.titleEn : d.titleFr, objectives: en ? d.objectivesEn : d.objectivesFr })),
    modules: programModuleKinds(p.guideModules).map((kind) => {
      const m = moduleOf.get(kind);
      return { kind, id: m?.id ?? null, title: (en ? m?.titleEn : m?.titleFr) ?? null };
    }),
  }));
  const rows = sessions.map((s) => ({
    id: s.id,
    dates: s.dates,
    place: s.place,
    online: s.online,
    language: s.language,
    status: s.status,
    trainerAId: s.trainerAId,
    trainerBId: s.trainerBId,
  }));
  const { current, past } = groupSessions(rows);
  // The archive grows every year: only the year asked for (the latest by default) is sent with its sessions.
  const asked = url.searchParams.get("year");
  const shown = past.find((y) => y.year === asked) ?? past[0] ?? null;
  return {
    programs: views,
    current,
    years: past.map((y) => ({ year: y.year, count: y.sessions.length })),
    archive: shown,
    total: sessions.length,
    trainers: trainers.map((tr) => ({
      id: tr.id,
      name: tr.name,
      organizationName: tr.organizationName,
      organizationAcronym: tr.organizationAcronym,
      languages: tr.languages,
      accreditedOn: tr.accreditedOn,
      maxSessions: tr.maxSessions,
    })),
    today: quebecDay(),
    saved: url.searchParams.has("saved"),
  };
}

/** The page's one form: bring the trainer role holders into the pool (repeating it adds nobody twice). */
const syncSchema = z.object({ intent: z.literal("sync", "form.invalid") });

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const input = await parseForm(args.request, syncSchema);
  if (!input.ok) return input.reply;
  const added = await syncTrainerPool(args.context.db, actorOf(user, args.context), user.partnershipId);
  return { added };
}

export default function Training({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const { programs, current, years, archive, total, trainers } = loaderData;
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
      {loaderData.saved ? <SavedNotice message="training.saved" /> : null}
      {actionData && "added" in actionData ? <SavedNotice message="training.pool.synced" values={{ count: actionData.added }} /> : null}
      {actionData && "formError" in actionData ? <ErrorSummary errors={actionData.errors} formError={actionData.formError} /> : null}
      <h2>{t("training.programs.title")}</h2>
      {programs.map((p) => (
        <section key={p.id} id={`program-${p.id}`} className="card">
          <h3>{p.name}</h3>
          <p>
            <Link to={`/training/programs/${p.id}`}>{t("trainingEval.nav.programEdit", { name: p.name })}</Link>
          </p>
          <p>{p.summary}</p>
          {p.days.map((d, i) => (
            <div key={i}>
              <h4>{d.title}</h4>
              <ul>
                {d.objectives.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </div>
          ))}
          {p.modules.length ? (
            <p className="muted">
              {t("training.programs.guideModulesLabel")}{" "}
              {p.modules.map((m, i) => {
                const title = m.title ?? t(`trainingEval.program.module.${m.kind}`);
                return (
                  <span key={m.kind}>
                    {i > 0 ? ", " : null}
                    {m.id ? <Link to={`/guide#module-${m.id}`}>{title}</Link> : title}
                  </span>
                );
              })}
            </p>
          ) : null}
        </section>
      ))}
      <section aria-labelledby="current-sessions">
        <h2 id="current-sessions">{t("training.sessions.currentTitle", { count: current.length })}</h2>
        {current.length === 0 ? (
          <p>{total === 0 ? t("training.sessions.empty") : t("training.sessions.noCurrent")}</p>
        ) : (
          <SessionTable sessions={current} trainers={byId} caption={t("training.sessions.currentCaption")} today={loaderData.today} />
        )}
        {current.some((s) => isToClose(s, loaderData.today)) ? <p className="hint">{t("training.sessions.toCloseNote")}</p> : null}
      </section>
      {archive ? (
        <section aria-labelledby="past-sessions" id="past">
          <h2 id="past-sessions">{t("training.sessions.pastTitle", { count: total - current.length })}</h2>
          <p>{t("training.sessions.pastIntro")}</p>
          <nav className="session-years" aria-label={t("training.sessions.yearsNav")}>
            <ul>
              {years.map((y) => (
                <li key={y.year}>
                  <Link to={`?year=${y.year}#past`} aria-current={y.year === archive.year ? "page" : undefined} preventScrollReset>
                    {t("training.sessions.year", { year: y.year, count: y.count })}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <h3>{t("training.sessions.year", { year: archive.year, count: archive.sessions.length })}</h3>
          <SessionTable sessions={archive.sessions} trainers={byId} caption={t("training.sessions.yearCaption", { year: archive.year })} today={loaderData.today} />
        </section>
      ) : null}
      <h2>{t("training.pool.title", { count: trainers.length })}</h2>
      {trainers.length === 0 ? <p>{t("training.pool.empty")}</p> : (
        <TableScroll label={t("training.pool.caption")}>
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
        </TableScroll>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="sync" />
        <button type="submit" className="button secondary">{t("training.pool.sync")}</button>
      </Form>
    </>
  );
}

interface SessionView {
  id: string;
  dates: string[];
  place: string;
  online: boolean;
  language: "fr" | "en";
  status: SessionStatus;
  trainerAId: string | null;
  trainerBId: string | null;
}

/** One table of sessions (the current ones, or one year of the archive). */
function SessionTable({ sessions, trainers, caption, today }: { sessions: SessionView[]; trainers: Map<string, TrainerOption>; caption: string; today: string }) {
  const { t } = useT();
  const day = useDay();
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
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
            const pair = [s.trainerAId, s.trainerBId].map((id) => (id ? trainers.get(id) : undefined)).filter((x) => !!x);
            return (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/training/sessions/${s.id}`}>{s.dates.map((d) => day(d)).join(" · ")}</Link>
                </th>
                <td>{s.online ? t("training.sessions.online") : s.place}</td>
                <td>{t(`training.language.${s.language}`)}</td>
                <td>
                  <StatusBadge status={s.status} />
                  {isToClose(s, today) ? (
                    <>
                      {" "}
                      <span className="badge to-close">{t("training.sessions.toClose")}</span>
                    </>
                  ) : null}
                </td>
                <td>{pair.length ? pair.map((tr) => trainerLabel(tr)).join(" + ") : <span className="muted">{t("training.sessions.noPair")}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
