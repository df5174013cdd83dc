import { Link } from "react-router";
import type { Route } from "./+types/stats";
import { useT } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { trainingStats } from "../../modules/training-evaluation/training-stats.server.ts";
import { TableScroll } from "../../components/table-scroll.tsx";
import { can } from "../../modules/authz/decide.ts";
import { protectTrainingStats, type ProtectedTrainingStats } from "../../modules/indicators/protect-training-stats.server.ts";
import type { TrainingStats } from "../../modules/training-evaluation/training-stats.server.ts";

/** Counts at a glance: sessions given and people trained, by year, organization and milieu. */
export const policy = needs("training.results");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.stats.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const stats = await trainingStats(args.context.db, user.partnershipId);
  // The Table coordinator sees exact counts; an evaluator (anyone else) protected ones (issue 12 §2).
  if (can(user.roles, "evaluation.exact_figures", { partnershipId: user.partnershipId })) return { stats: stats as ProtectedTrainingStats | TrainingStats, protectedBelow: null };
  const shown = await protectTrainingStats(args.context.db, user.partnershipId, stats);
  return { stats: shown as ProtectedTrainingStats | TrainingStats, protectedBelow: shown.threshold };
}

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: { key: string; label: string; sessions: number | null; people: number | null }[] }) {
  const { t } = useT();
  const shown = (n: number | null) => (n === null ? t("evaluation.suppressedMark") : n);
  return (
    <TableScroll label={caption}>
      <table>
        {/* The heading above says the same: the caption is for screen reader table navigation. */}
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t("trainingEval.stats.sessions")}</th>
            <th scope="col">{t("trainingEval.stats.people")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{shown(r.sessions)}</td>
              <td>{shown(r.people)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default function TrainingStats({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { stats, protectedBelow } = loaderData;
  const shown = (n: number | null) => (n === null ? t("evaluation.suppressedMark") : n);
  // Milieux are the organization types (school, health, police…), named like everywhere else.
  const milieu = (key: string) => t(`orgType.${key}` as MessageKey);
  return (
    <>
      <h1>{t("trainingEval.stats.title")}</h1>
      <nav className="subnav" aria-label={t("trainingEval.stats.title")}>
        <Link to="/training/results">{t("trainingEval.results.title")}</Link>
      </nav>
      <dl className="key-figures">
        <div>
          <dt>{t("trainingEval.stats.sessionsGiven")}</dt>
          <dd>{shown(stats.sessionsGiven)}</dd>
        </div>
        <div>
          <dt>{t("trainingEval.stats.peopleTrained")}</dt>
          <dd>{shown(stats.peopleTrained)}</dd>
        </div>
      </dl>
      <p className="muted">{t("trainingEval.stats.note")}</p>
      {protectedBelow !== null ? <p className="notice">{t("evaluation.footnote.suppressed", { max: protectedBelow - 1 })}</p> : null}
      <h2>{t("trainingEval.stats.byYear")}</h2>
      <CountTable caption={t("trainingEval.stats.byYear")} head={t("trainingEval.stats.year")} rows={stats.byYear.map((r) => ({ ...r, label: r.key }))} />
      <h2>{t("trainingEval.stats.byMilieu")}</h2>
      <CountTable caption={t("trainingEval.stats.byMilieu")} head={t("trainingEval.stats.milieu")} rows={stats.byMilieu.map((r) => ({ ...r, label: milieu(r.key) }))} />
      <h2>{t("trainingEval.stats.byOrganization")}</h2>
      <CountTable
        caption={t("trainingEval.stats.byOrganization")}
        head={t("trainingEval.stats.organization")}
        rows={stats.byOrganization.map((r) => ({ ...r, label: r.key === "none" ? t("trainingEval.stats.noOrganization") : r.acronym ? `${r.name} (${r.acronym})` : r.name }))}
      />
    </>
  );
}
