import { Form, Link } from "react-router";
import { Field, SelectField, type FieldErrors } from "../form.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { FormAlert, NewPasswordFields, RecoveryCodes } from "./identity-ui.tsx";
import { TableScroll } from "../table-scroll.tsx";

export interface ProfileActionData {
  intent: "details" | "password" | "mfa-disable" | "recovery-codes" | "revoke-others";
  ok?: boolean;
  errors?: FieldErrors;
  formError?: string;
  codes?: string[];
  count?: number;
}

function Intent({ value }: { value: ProfileActionData["intent"] }) {
  return <input type="hidden" name="intent" value={value} />;
}

export function DetailsSection({
  profile,
  result,
}: {
  profile: { email: string; givenName: string; familyName: string; title: string; phone: string; locale: "fr" | "en"; version: number };
  result?: ProfileActionData;
}) {
  const { t } = useT();
  return (
    <section aria-labelledby="profile-details">
      <h2 id="profile-details">{t("identity.profile.details")}</h2>
      {result?.ok ? <FormAlert message="form.saved" tone="success" /> : null}
      {result?.errors ? <FormAlert message="form.errors" /> : <FormAlert message={result?.formError} />}
      {/* The key re-mounts the form after a save so the fields show the stored values and version. */}
      <Form method="post" className="stack" noValidate key={profile.version}>
        <Intent value="details" />
        <input type="hidden" name="version" value={profile.version} />
        <div className="field">
          <strong>{t("identity.profile.email")}</strong>
          <span>{profile.email}</span>
          <span className="muted">{t("identity.profile.emailHint")}</span>
        </div>
        <Field name="givenName" label={t("identity.profile.givenName")} autoComplete="given-name" required defaultValue={profile.givenName} errors={result?.errors} />
        <Field name="familyName" label={t("identity.profile.familyName")} autoComplete="family-name" required defaultValue={profile.familyName} errors={result?.errors} />
        <Field name="title" label={t("identity.profile.jobTitle")} autoComplete="organization-title" defaultValue={profile.title} errors={result?.errors} />
        <Field name="phone" type="tel" label={t("identity.profile.phone")} autoComplete="tel" defaultValue={profile.phone} errors={result?.errors} />
        <SelectField
          name="locale"
          label={t("identity.profile.locale")}
          required
          defaultValue={profile.locale}
          errors={result?.errors}
          options={[
            { value: "fr", label: "Français" },
            { value: "en", label: "English" },
          ]}
        />
        <p className="actions">
          <button type="submit">{t("identity.profile.save")}</button>
        </p>
      </Form>
    </section>
  );
}

export function PasswordSection({ email, result }: { email: string; result?: ProfileActionData }) {
  const { t } = useT();
  return (
    <section aria-labelledby="profile-password">
      <h2 id="profile-password">{t("identity.profile.password.title")}</h2>
      {result?.ok ? <FormAlert message="identity.profile.password.changed" tone="success" /> : null}
      {result?.errors ? <FormAlert message="form.errors" /> : null}
      <Form method="post" className="stack" noValidate>
        <Intent value="password" />
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          name="currentPassword"
          type="password"
          label={t("identity.profile.password.current")}
          autoComplete="current-password"
          required
          errors={result?.errors}
        />
        <NewPasswordFields errors={result?.errors} />
        <p className="actions">
          <button type="submit">{t("identity.profile.password.submit")}</button>
        </p>
      </Form>
    </section>
  );
}

export function MfaSection({
  mfaEnabled,
  recoveryCodesLeft,
  mfaRequired,
  canDisable,
  result,
}: {
  mfaEnabled: boolean;
  recoveryCodesLeft: number;
  mfaRequired: boolean;
  canDisable: boolean;
  result?: ProfileActionData;
}) {
  const { t } = useT();
  const errorsFor = (intent: ProfileActionData["intent"]) => (result?.intent === intent ? result.errors : undefined);
  // Distinct names: each form's field needs its own id on the page.
  const confirmField = (intent: "recovery-codes" | "mfa-disable") => (
    <Field
      name={intent === "mfa-disable" ? "disablePassword" : "codesPassword"}
      type="password"
      label={t("identity.profile.mfa.confirmPassword")}
      autoComplete="current-password"
      required
      errors={errorsFor(intent)}
    />
  );
  return (
    <section aria-labelledby="profile-mfa">
      <h2 id="profile-mfa">{t("identity.profile.mfa.title")}</h2>
      {result?.errors ? <FormAlert message="form.errors" /> : <FormAlert message={result?.formError} />}
      {result?.ok && result.intent === "mfa-disable" ? <FormAlert message="identity.profile.mfa.disabled" tone="success" /> : null}
      {result?.codes ? <RecoveryCodes codes={result.codes} /> : null}
      {mfaRequired ? <p>{t("identity.profile.mfa.requiredNote")}</p> : null}
      {mfaEnabled ? (
        <div className="stack">
          <p>{t("identity.profile.mfa.on", { count: recoveryCodesLeft })}</p>
          <Form method="post" noValidate>
            <fieldset className="stack">
              <legend>{t("identity.profile.mfa.regenerateLegend")}</legend>
              <Intent value="recovery-codes" />
              {confirmField("recovery-codes")}
              <p className="actions">
                <button type="submit" className="secondary">
                  {t("identity.profile.mfa.regenerate")}
                </button>
              </p>
            </fieldset>
          </Form>
          {canDisable ? (
            <Form method="post" noValidate>
              <fieldset className="stack">
                <legend>{t("identity.profile.mfa.disable")}</legend>
                <Intent value="mfa-disable" />
                {confirmField("mfa-disable")}
                <p className="actions">
                  <button type="submit" className="danger">
                    {t("identity.profile.mfa.disable")}
                  </button>
                </p>
              </fieldset>
            </Form>
          ) : null}
        </div>
      ) : (
        <>
          <p>{t("identity.profile.mfa.off")}</p>
          <p>
            <Link className="button" to="/mfa/setup">
              {t("identity.profile.mfa.enable")}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

export function SessionsSection({
  sessions,
  result,
}: {
  sessions: { key: string; createdAt: Date | string; lastSeenAt: Date | string; ip: string; userAgent: string; current: boolean }[];
  result?: ProfileActionData;
}) {
  const { t } = useT();
  const f = useFormatters();
  const others = sessions.filter((s) => !s.current).length;
  return (
    <section aria-labelledby="profile-sessions">
      <h2 id="profile-sessions">{t("identity.profile.sessions.title")}</h2>
      {result?.ok ? <FormAlert message="identity.profile.sessions.revoked" vars={{ count: result.count ?? 0 }} tone="success" /> : null}
      <TableScroll label={t("identity.profile.sessions.caption")}>
        <table>
          <caption>{t("identity.profile.sessions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("identity.profile.sessions.device")}</th>
              <th scope="col">{t("identity.profile.sessions.started")}</th>
              <th scope="col">{t("identity.profile.sessions.lastSeen")}</th>
              <th scope="col">{t("identity.profile.sessions.ip")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.key}>
                <td>
                  {describeDevice(s.userAgent) ?? t("identity.profile.sessions.unknownDevice")}
                  {s.current ? (
                    <>
                      {" "}
                      <span className="badge">{t("identity.profile.sessions.current")}</span>
                    </>
                  ) : null}
                </td>
                <td>{f.dateTime(s.createdAt)}</td>
                <td>{f.dateTime(s.lastSeenAt)}</td>
                <td>{s.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {others ? (
        <Form method="post">
          <Intent value="revoke-others" />
          <button type="submit" className="secondary">
            {t("identity.profile.sessions.revokeOthers")}
          </button>
        </Form>
      ) : (
        <p className="muted">{t("identity.profile.sessions.onlyThis")}</p>
      )}
    </section>
  );
}

// Order matters: Edge's user agent also says Chrome and Safari, Chrome's also says Safari.
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/Chrome\//, "Chrome"],
  [/Safari\//, "Safari"],
];

/** "Firefox on Windows" from a user agent, without a parsing library; null when unsure. */
function describeDevice(userAgent: string): string | null {
  const name = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const os = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (!name && !os) return null;
  return [name, os].filter(Boolean).join(" · ");
}
