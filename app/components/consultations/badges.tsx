import { useT } from "../../i18n/use-t.ts";
import type { ConsultationStatus, Urgency } from "../../modules/consultations/consultation-schema.ts";

export function StatusBadge({ status }: { status: ConsultationStatus }) {
  const { t } = useT();
  return (
    <span className="badge" data-status={status}>
      {t("consultations.badge", { label: t("consultations.list.status"), value: t(`consultations.status.${status}`) })}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useT();
  return (
    <span className={urgency === "high" ? "badge urgency-high" : "badge"} data-urgency={urgency}>
      {t("consultations.badge", { label: t("consultations.list.urgency"), value: t(`consultations.urgency.${urgency}`) })}
    </span>
  );
}
