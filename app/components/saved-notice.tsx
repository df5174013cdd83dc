import { useSearchParams } from "react-router";
import type { MessageKey } from "../i18n/catalog.ts";
import type { MessageVars } from "../i18n/format.ts";
import { useT } from "../i18n/use-t.ts";

interface SavedNoticeProps {
  /** The confirmation to show; without it, `form.saved` when the URL carries ?saved=1. */
  message?: MessageKey;
  values?: MessageVars;
  /** Added to the alert's classes, e.g. `no-print` on a sheet meant for paper. */
  className?: string;
  /**
   * "success" (green) when the write did what was asked; "neutral" when it was taken but the
   * outcome is not what the person hoped (a waiting list): never green for that.
   */
  tone?: "success" | "neutral";
}

/**
 * The confirmation shown after a write (post/redirect/get, or an action's answer): every page
 * draws it the same way, so a screen reader announces it the same way everywhere.
 */
export function SavedNotice({ message, values, className, tone = "success" }: SavedNoticeProps) {
  const { t } = useT();
  const [params] = useSearchParams();
  const key = message ?? (params.get("saved") ? "form.saved" : null);
  if (!key) return null;
  return (
    <p className={["alert", tone === "success" ? "success" : null, className].filter(Boolean).join(" ")} role="status">
      {t(key, values)}
    </p>
  );
}
