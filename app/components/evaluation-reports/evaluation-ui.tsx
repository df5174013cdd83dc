import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import type { Rates } from "../../modules/evaluation-reports/rates.ts";
import type { RecommendationStatus, Verification } from "../../modules/evaluation-reports/vocabulary.ts";

export function usePercent() {
  const { locale } = useT();
  const format = new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { style: "percent", maximumFractionDigits: 0 });
  return (share: number) => format.format(share);
}

/** The status in words, with the verification's result and the overdue flag. */
export function RecommendationStatusBadge({ status, verification, overdue, responseLate }: { status: RecommendationStatus; verification: Verification | null; overdue: boolean; responseLate: boolean }) {
  const { t } = useT();
  return (
    <>
      <span className={`badge status-${status}`}>{verification ? t(`evalReports.verification.${verification}` as MessageKey) : t(`evalReports.status.${status}` as MessageKey)}</span>
      {overdue ? <span className="badge warning"> {t("evalReports.overdue")}</span> : null}
      {responseLate ? <span className="badge warning"> {t("evalReports.responseLate")}</span> : null}
    </>
  );
}

export function ProgressValue({ progress }: { progress: number | null }) {
  const { t } = useT();
  const percent = usePercent();
  if (progress === null) return <span className="muted">{t("evalReports.progress.none")}</span>;
  return (
    <>
      <progress max={100} value={progress} aria-hidden="true" /> {percent(progress / 100)}
    </>
  );
}

function Rate({ share, count, total }: { share: number | null; count: number; total: number }) {
  const { t } = useT();
  const percent = usePercent();
  if (share === null) return <>{t("evalReports.rates.none")}</>;
  return <>{t("evalReports.rates.value", { percent: percent(share), count, total })}</>;
}

/** One row of the rates table: acceptance, implementation, overdue. */
export function RatesRow({ label, rates }: { label: string; rates: Rates }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <Rate share={rates.acceptance} count={rates.accepted} total={rates.responded} />
      </td>
      <td>
        <Rate share={rates.implementation} count={rates.implemented + rates.partiallyImplemented} total={rates.verified} />
      </td>
      <td>
        <Rate share={rates.overdueShare} count={rates.overdue} total={rates.open} />
      </td>
    </tr>
  );
}

/** A recommendation quoted, with its addressee, priority, status and progress: the report page's list and its own page. */
export function RecommendationSummaryBlock({
  r,
}: {
  r: { text: string; addressee: string; priority: string; status: RecommendationStatus; verification: Verification | null; overdue: boolean; responseLate: boolean; progress: number | null };
}) {
  const { t } = useT();
  return (
    <>
      <blockquote>
        <p>{r.text}</p>
      </blockquote>
      <dl className="summary">
        <dt>{t("evalReports.addressee")}</dt>
        <dd>{t(`evalReports.addressee.${r.addressee}` as MessageKey)}</dd>
        <dt>{t("evalReports.priority")}</dt>
        <dd>{t(`evalReports.priority.${r.priority}` as MessageKey)}</dd>
        <dt>{t("evalReports.status")}</dt>
        <dd>
          <RecommendationStatusBadge status={r.status} verification={r.verification} overdue={r.overdue} responseLate={r.responseLate} />
        </dd>
        <dt>{t("evalReports.progress")}</dt>
        <dd>
          <ProgressValue progress={r.progress} />
        </dd>
      </dl>
    </>
  );
}
