import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { organization } from "../governance/tables.ts";
import { issueInvitation } from "../identity/invite-person.server.ts";
import { account, accountToken } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { translator } from "../../i18n/catalog.ts";
import { pivotDeliveries } from "./reachable-pivots.server.ts";

export type NewPivotNotice = "told" | "invited" | "already_invited" | "unreachable";

/** An invitation link still usable: the person was invited and has not answered yet. */
async function hasLiveInvitation(tx: Database, personId: string, now: Date): Promise<boolean> {
  const rows = await tx
    .select({ id: accountToken.id })
    .from(accountToken)
    .innerJoin(account, eq(account.id, accountToken.accountId))
    .where(and(eq(account.personId, personId), eq(accountToken.kind, "invitation"), isNull(accountToken.usedAt), gt(accountToken.expiresAt, now)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Tells a person just designated pivot, in the designation's transaction: an account holder
 * gets "you are now pivot for …"; someone without one gets the invitation that opens it (once:
 * a pending, still valid invitation is not sent again). Nobody to write to: nothing is sent,
 * and no consultation link will name them (pivotDeliveries).
 */
export async function tellNewPivot(
  tx: Database,
  actor: AuditActor,
  input: { partnershipId: string; organizationId: string; personId: string; publicUrl: string; now?: Date },
): Promise<NewPivotNotice> {
  const now = input.now ?? new Date();
  const [delivery] = await pivotDeliveries(tx, input.partnershipId, [input.personId]);
  if (!delivery) return "unreachable";
  const [org] = await tx
    .select({ nameFr: organization.nameFr, nameEn: organization.nameEn })
    .from(organization)
    .where(eq(organization.id, input.organizationId));
  const [who] = await tx.select({ givenName: person.givenName }).from(person).where(eq(person.id, input.personId));
  const t = translator(delivery.locale);
  const organizationName = (delivery.locale === "en" ? org?.nameEn : org?.nameFr) ?? "";
  if (delivery.active) {
    await queueEmail(tx, {
      to: delivery.email,
      subject: t("directory.email.designated.subject"),
      text: `${t("directory.email.designated.body", { name: who?.givenName ?? "", organization: organizationName, link: `${input.publicUrl}/directory/mine` })}\n\n${t("directory.email.footer")}\n`,
      partnershipId: input.partnershipId,
    });
    return "told";
  }
  if (await hasLiveInvitation(tx, input.personId, now)) return "already_invited";
  await issueInvitation(tx, actor, {
    personId: input.personId,
    partnershipId: input.partnershipId,
    email: delivery.email,
    locale: delivery.locale,
    publicUrl: input.publicUrl,
    reason: "pivot.designated",
    letter: (vars, locale) => {
      const tl = translator(locale);
      return {
        subject: tl("directory.email.invited.subject"),
        text: `${tl("directory.email.invited.body", { ...vars, organization: organizationName })}\n\n${tl("directory.email.footer")}\n`,
      };
    },
  });
  return "invited";
}
