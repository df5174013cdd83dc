import { useT } from "../../i18n/use-t.ts";
import type { SessionStatus } from "../../modules/training/vocabulary.ts";

export function StatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useT();
  return <span className="badge">{t(`training.status.${status}`)}</span>;
}

export interface TrainerOption {
  id: string;
  name: string;
  organizationAcronym: string;
  organizationName: string;
}

export const trainerLabel = (t: TrainerOption) => `${t.name} (${t.organizationAcronym || t.organizationName})`;
