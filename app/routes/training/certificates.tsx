import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/certificates";
import { ErrorSummary, PostButton } from "../../components/form.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requiredId } from "../../modules/forms/fields.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { formatCode } from "../../modules/training-evaluation/certificate-code.ts";
import { listCertificates, revokeCertificate } from "../../modules/training-evaluation/certificates.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";

/** The coordinator's list of issued certificates; one issued by mistake can be revoked. */
export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.certificates.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const rows = await listCertificates(args.context.db, user.partnershipId);
  return {
    certificates: rows.map((c) => ({
      id: c.id,
      holderName: c.holderName,
      dates: c.dates,
      code: formatCode(c.code),
      issuedOn: c.issuedAt.toISOString().slice(0, 10),
      revoked: !!c.revokedAt,
    })),
  };
}

/** Revoking is an action: repeating it changes nothing more. */
const revokeSchema = z.object({ certificateId: requiredId });

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  // A malformed id reads like an unknown certificate (404), as it always has.
  const input = parseValues(read, revokeSchema);
  if (!input.ok) notFound();
  const { certificateId } = input.data;
  if (!(await revokeCertificate(args.context.db, actorOf(user, args.context), user.partnershipId, certificateId))) {
    // Revoked already (a second click): the same answer. Unknown or another Table's: 404.
    const known = (await listCertificates(args.context.db, user.partnershipId)).find((c) => c.id === certificateId);
    if (!known?.revokedAt) notFound();
  }
  return data({ revoked: true });
}

export default function Certificates({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  return (
    <>
      <h1>{t("trainingEval.certificates.title")}</h1>
      <p>{t("trainingEval.certificates.intro")}</p>
      {actionData && "formError" in actionData ? <ErrorSummary errors={actionData.errors} formError={actionData.formError} /> : null}
      {actionData && "revoked" in actionData ? <SavedNotice message="trainingEval.certificates.revokedDone" /> : null}
      {loaderData.certificates.length === 0 ? (
        <p>{t("trainingEval.certificates.empty")}</p>
      ) : (
        <TableScroll label={t("trainingEval.certificates.caption")}>
          <table>
            <caption>{t("trainingEval.certificates.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("trainingEval.verify.holder")}</th>
                <th scope="col">{t("trainingEval.verify.dates")}</th>
                <th scope="col">{t("trainingEval.verify.code")}</th>
                <th scope="col">{t("trainingEval.certificates.issued")}</th>
                <th scope="col">{t("trainingEval.certificates.state")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.certificates.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.holderName}</th>
                  <td>{c.dates.map((d) => day(d)).join(" · ")}</td>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>{day(c.issuedOn)}</td>
                  <td>
                    {c.revoked ? (
                      <span className="badge">{t("trainingEval.certificates.revoked")}</span>
                    ) : (
                      <PostButton fields={{ certificateId: c.id }} className="button secondary small">
                        {t("trainingEval.certificates.revoke", { name: c.holderName })}
                      </PostButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
