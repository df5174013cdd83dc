import { Link } from "react-router";
import type { Route } from "./+types/mine";
import { useT, useDay } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { listMySessions } from "../../modules/training-evaluation/my-sessions.server.ts";
import { StatusBadge } from "../../components/training/training-ui.tsx";

/** "My training": the sessions one attends, gives or observes, with the certificate when completed. */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.mine.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return { sessions: await listMySessions(args.context.db, user.partnershipId, user.personId) };
}

export default function MyTraining({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const { sessions } = loaderData;
  return (
    <>
      <h1>{t("trainingEval.mine.title")}</h1>
      <nav className="subnav" aria-label={t("trainingEval.mine.title")}>
        <Link to="/training/register">{t("training.register.title")}</Link>
      </nav>
      {sessions.length === 0 ? (
        <p>{t("trainingEval.mine.empty")}</p>
      ) : (
        <ul className="cards">
          {sessions.map((s) => {
            const when = s.dates.map((d) => day(d)).join(" · ");
            return (
              <li key={s.id} className="card">
                <h2>
                  <Link to={`/training/sessions/${s.id}/space`}>{when}</Link>
                </h2>
                <p>
                  <StatusBadge status={s.status} /> <span className="badge">{t(`trainingEval.mine.as.${s.as}`)}</span>
                </p>
                <p>{s.online ? t("training.sessions.online") : s.place}</p>
                {s.completed ? (
                  <p>
                    <a href={`/training/sessions/${s.id}/certificate`} download>
                      {t("trainingEval.mine.certificate", { date: when })}
                    </a>
                  </p>
                ) : null}
                {s.evaluationPending ? (
                  <p>
                    <Link to={`/training/sessions/${s.id}/evaluation`}>{t("trainingEval.mine.evaluate", { date: when })}</Link>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
