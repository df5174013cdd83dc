import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { permissionRules } from "../authz/permissions.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { account, type Role } from "../identity/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { translator } from "../../i18n/catalog.ts";
import { isLocale } from "../../i18n/types.ts";

/**
 * The roles that review the guide inside a Table, read from the one permission vocabulary
 * (guide.review with a Table scope): coordinators, delegates, pivot coordinators, pivots,
 * trainers. Platform administrators are not members of a Table and get no notice.
 */
export const guideReviewerRoles: Role[] = permissionRules["guide.review"].filter(([, scope]) => scope === "partnership").map(([role]) => role);

/** Active accounts holding a reviewer role in this Table (one row per email address). */
export async function listGuideReviewers(db: Database, partnershipId: string): Promise<{ personId: string; email: string; locale: string }[]> {
  const rows = await db
    .selectDistinct({ personId: person.id, email: account.email, locale: account.locale })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .innerJoin(account, eq(account.personId, person.id))
    .where(
      and(
        eq(roleAssignment.partnershipId, partnershipId),
        inArray(roleAssignment.role, guideReviewerRoles),
        isNull(roleAssignment.revokedAt),
        eq(account.status, "active"),
      ),
    )
    .orderBy(asc(account.email));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.email) && seen.add(r.email));
}

/**
 * A version was put in review: one notice per reviewer of the Table, in their language, with
 * the link only — never a word of the section (an email leaves the platform).
 */
export async function notifyGuideReviewers(
  tx: Database,
  input: { partnershipId: string; versionId: string; exceptPersonId: string; publicUrl: string },
): Promise<number> {
  const link = `${input.publicUrl}/guide/versions/${input.versionId}`;
  let sent = 0;
  for (const r of await listGuideReviewers(tx, input.partnershipId)) {
    if (r.personId === input.exceptPersonId) continue;
    const t = translator(isLocale(r.locale) ? r.locale : "fr");
    await queueEmail(tx, {
      to: r.email,
      subject: t("guide.email.review.subject"),
      text: `${t("guide.email.review.body", { link })}\n`,
      partnershipId: input.partnershipId,
    });
    sent++;
  }
  return sent;
}
