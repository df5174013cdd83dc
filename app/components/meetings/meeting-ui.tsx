import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { builtInMeetingKinds, type CustomMeetingKind } from "../../modules/meetings/vocabulary.ts";
/** The label of a kind, built-in or added by the Table (unknown keys show as they are). */
export function useKindLabel(custom: readonly CustomMeetingKind[]) {
  const { t, locale } = useT();
  return (kind: string) => {
    if ((builtInMeetingKinds as readonly string[]).includes(kind)) return t(`meetings.kind.${kind}` as MessageKey);
    const c = custom.find((k) => k.key === kind);
    return c ? (locale === "en" ? c.labelEn : c.labelFr) : kind;
  };
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useT();
  return <span className="badge">{t(`meetings.status.${status}` as MessageKey)}</span>;
}

