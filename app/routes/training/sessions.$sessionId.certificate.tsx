import type { Route } from "./+types/sessions.$sessionId.certificate";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { pdfContext } from "../../modules/pdf/pdf-context.server.ts";
import { pdfResponse } from "../../modules/pdf/pdf-response.server.ts";
import { formatCode } from "../../modules/training-evaluation/certificate-code.ts";
import { formatDays, renderCertificatePdf } from "../../modules/training-evaluation/certificate-pdf.server.ts";
import { issueCertificate } from "../../modules/training-evaluation/certificates.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/**
 * Resource route: the participant's own certificate of completion (issued on first download,
 * audited), in their language. Anyone without a completed registration in the session: 404.
 */
export const policy = needs("partnership.view");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sessionId)) notFound();
  const certificate = await issueCertificate(args.context.db, actorOf(user, args.context), {
    partnershipId: user.partnershipId,
    sessionId: args.params.sessionId,
    personId: user.personId,
  });
  if (!certificate) notFound();
  const ctx = await pdfContext(args.context.db, user.partnershipId, resolveLocale(args.request, user.locale));
  const { t, locale } = ctx;
  const code = formatCode(certificate.code);
  const verifyUrl = `${args.context.config.publicUrl}/certificates/verify?code=${code}`;
  const pdf = await renderCertificatePdf({
    title: t("trainingEval.certificate.pdfTitle"),
    intro: t("trainingEval.certificate.pdfIntro"),
    holderName: certificate.holderName,
    completed: t("trainingEval.certificate.pdfCompleted"),
    programName: locale === "en" ? certificate.programNameEn : certificate.programNameFr,
    dates: t("trainingEval.certificate.pdfDates", { dates: formatDays(certificate.dates, locale) }),
    trainers: certificate.trainerOrganizations.length ? t("trainingEval.certificate.pdfTrainers", { organizations: certificate.trainerOrganizations.join(", ") }) : "",
    codeLine: t("trainingEval.certificate.pdfCode", { code }),
    verifyLine: t("trainingEval.certificate.pdfVerify", { url: verifyUrl }),
  }, ctx);
  return pdfResponse(pdf, `attestation-${certificate.dates[0] ?? "formation"}.pdf`);
});
