import { Form } from "react-router";
import type { Route } from "./+types/certificates.verify";
import { useT, useDay } from "../../i18n/use-t.ts";
import { guard } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { formatCode, normalizeCode } from "../../modules/training-evaluation/certificate-code.ts";
import { findCertificate } from "../../modules/training-evaluation/certificates.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

/**
 * Public: anyone holding a certificate's code checks it. The page shows only what the
 * certificate itself prints (name, program, dates, trainers' organizations); codes carry 80
 * random bits, so they cannot be guessed. A revoked certificate shows as revoked, nothing more.
 */
export const policy = publicRoute;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.verify.title");

type Outcome =
  | { state: "none" | "malformed" | "unknown" | "revoked"; code: string }
  | {
      state: "valid";
      code: string;
      certificate: { holderName: string; programNameFr: string; programNameEn: string; dates: string[]; trainerOrganizations: string[]; issuedOn: string };
    };

export async function loader(args: Route.LoaderArgs): Promise<Outcome> {
  await guard(args, policy);
  const typed = (requestUrl(args.request).searchParams.get("code") ?? "").slice(0, 64);
  if (!typed.trim()) return { state: "none", code: "" };
  const code = normalizeCode(typed);
  if (!code) return { state: "malformed", code: typed };
  const row = await findCertificate(args.context.db, code);
  if (!row) return { state: "unknown", code: formatCode(code) };
  if (row.revokedAt) return { state: "revoked", code: formatCode(code) };
  return {
    state: "valid",
    code: formatCode(code),
    certificate: {
      holderName: row.holderName,
      programNameFr: row.programNameFr,
      programNameEn: row.programNameEn,
      dates: row.dates,
      trainerOrganizations: row.trainerOrganizations,
      issuedOn: row.issuedAt.toISOString().slice(0, 10),
    },
  };
}

export default function VerifyCertificate({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const outcome = loaderData;
  return (
    <>
      <h1>{t("trainingEval.verify.title")}</h1>
      <p>{t("trainingEval.verify.intro")}</p>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="field-code">{t("trainingEval.verify.code")}</label>
          <p className="hint" id="field-code-hint">
            {t("trainingEval.verify.codeHint")}
          </p>
          <input id="field-code" name="code" type="text" required defaultValue={outcome.code} autoComplete="off" spellCheck={false} maxLength={64} aria-describedby="field-code-hint" />
        </div>
        <div className="actions">
          <button type="submit">{t("trainingEval.verify.submit")}</button>
        </div>
      </Form>
      {outcome.state === "valid" ? (
        <section className="alert success" role="status" aria-labelledby="verify-result">
          <h2 id="verify-result">{t("trainingEval.verify.valid")}</h2>
          <dl>
            <dt>{t("trainingEval.verify.holder")}</dt>
            <dd>{outcome.certificate.holderName}</dd>
            <dt>{t("trainingEval.verify.program")}</dt>
            <dd>{locale === "en" ? outcome.certificate.programNameEn : outcome.certificate.programNameFr}</dd>
            <dt>{t("trainingEval.verify.dates")}</dt>
            <dd>{outcome.certificate.dates.map((d) => day(d)).join(" · ")}</dd>
            {outcome.certificate.trainerOrganizations.length ? (
              <>
                <dt>{t("trainingEval.verify.trainers")}</dt>
                <dd>{outcome.certificate.trainerOrganizations.join(", ")}</dd>
              </>
            ) : null}
            <dt>{t("trainingEval.verify.code")}</dt>
            <dd>
              <code>{outcome.code}</code>
            </dd>
          </dl>
        </section>
      ) : outcome.state === "none" ? null : (
        <section className={`alert ${outcome.state === "revoked" ? "warning" : "error"}`} role="status" aria-labelledby="verify-result">
          <h2 id="verify-result">{t(`trainingEval.verify.${outcome.state}`)}</h2>
          <p>{t(`trainingEval.verify.${outcome.state}Help`)}</p>
        </section>
      )}
    </>
  );
}
