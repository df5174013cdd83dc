import { useSearchParams } from "react-router";
import { useT } from "../i18n/use-t.ts";

/** The confirmation shown after a redirect that carries ?saved=1 (post/redirect/get). */
export function SavedNotice() {
  const { t } = useT();
  const [params] = useSearchParams();
  if (!params.get("saved")) return null;
  return (
    <p className="alert success" role="status">
      {t("form.saved")}
    </p>
  );
}
