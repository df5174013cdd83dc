import { Link } from "react-router";
import { useT } from "../../i18n/use-t.ts";
import type { MessageKey } from "../../i18n/catalog.ts";
import { Field, type FieldErrors } from "../form.tsx";

/** The page for a link that is unknown, used or expired (answered with 410, never a stack trace). */
export function InvalidLinkPage({ help }: { help: { to: string; label: MessageKey } | { text: MessageKey } }) {
  const { t } = useT();
  return (
    <>
      <h1>{t("identity.link.invalidTitle")}</h1>
      <p>{t("identity.link.invalidBody")}</p>
      <p>{"to" in help ? <Link to={help.to}>{t(help.label)}</Link> : t(help.text)}</p>
    </>
  );
}

/** A form-level message with variables (ErrorSummary takes keys without variables). */
export function FormAlert({ message, vars, tone = "error" }: { message?: string | null; vars?: Record<string, string | number>; tone?: "error" | "success" | "warning" }) {
  const { t } = useT();
  if (!message) return null;
  return (
    <div className={`alert ${tone}`} role={tone === "error" ? "alert" : "status"}>
      <p>{t(message as MessageKey, vars)}</p>
    </div>
  );
}

/** Recovery codes, shown once right after they are made. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useT();
  return (
    <section aria-labelledby="recovery-codes-title" className="card">
      <h2 id="recovery-codes-title">{t("identity.mfa.recovery.title")}</h2>
      <p>{t("identity.mfa.recovery.intro")}</p>
      <ul aria-label={t("identity.mfa.recovery.listLabel")} className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** New password + confirmation, with the policy in plain words. */
export function NewPasswordFields({ errors, label }: { errors?: FieldErrors | null; label?: string }) {
  const { t } = useT();
  return (
    <>
      <Field
        name="password"
        type="password"
        label={label ?? t("identity.password.new")}
        hint={t("identity.password.hint")}
        autoComplete="new-password"
        required
        errors={errors}
      />
      <Field name="confirm" type="password" label={t("identity.password.confirm")} autoComplete="new-password" required errors={errors} />
    </>
  );
}
