import { useSearchParams } from "react-router";
import type { MessageKey } from "../i18n/catalog.ts";
import type { MessageVars } from "../i18n/format.ts";
import { useT } from "../i18n/use-t.ts";

interface SavedNoticeProps {
  /** The confirmation to show; without it, `form.saved` when the URL carries ?saved=1. */
  message?: MessageKey;
  values?: MessageVars;
  /** Added to `alert success`, e.g. `no-print` on a sheet meant for paper. */
  className?: string;
}

/**
 * The confirmation shown after a write (post/redirect/get, or an action's answer): every page
 * draws it the same way, so a screen reader announces it the same way everywhere.
 */
export function SavedNotice({ message, values, className }: SavedNoticeProps) {
  const { t } = useT();
  const [params] = useSearchParams();
  const key = message ?? (params.get("saved") ? "form.saved" : null);
  if (!key) return null;
  return (
    <p className={className ? `alert success ${className}` : "alert success"} role="status">
      {t(key, values)}
    </p>
  );
}
