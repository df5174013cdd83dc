import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { readConsultationRetentionMonths } from "../consultations/retention-settings.server.ts";
import { getTableFooter } from "../governance/get-table-footer.server.ts";
import type { TableFooter } from "../governance/table-contact.ts";
import { person, roleAssignment } from "../people/tables.ts";

export interface PrivacyOfficer {
  name: string;
  title: string;
  email: string;
}

export interface AboutPage {
  /** The reader's Table; null before sign-in (the notice then speaks of "the Table"). */
  table: TableFooter | null;
  /** Law 25 (art. 3.1, 3.2): the person in charge of personal information is made known. */
  privacyOfficers: PrivacyOfficer[];
  consultationRetentionMonths: number | null;
}

/** What the privacy notice and the accessibility statement say about the reader's Table. */
export async function getAboutPage(db: Database, partnershipId: string | null): Promise<AboutPage> {
  const table = await getTableFooter(db, partnershipId);
  if (!partnershipId || !table) return { table: null, privacyOfficers: [], consultationRetentionMonths: null };
  const officers = await db
    .selectDistinct({ givenName: person.givenName, familyName: person.familyName, title: person.title, email: person.email })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .where(
      and(
        eq(roleAssignment.partnershipId, partnershipId),
        eq(person.partnershipId, partnershipId),
        eq(roleAssignment.role, "privacy_officer"),
        isNull(roleAssignment.revokedAt),
      ),
    )
    .orderBy(asc(person.familyName), asc(person.givenName));
  return {
    table,
    privacyOfficers: officers.map((o) => ({ name: `${o.givenName} ${o.familyName}`, title: o.title, email: o.email })),
    consultationRetentionMonths: await readConsultationRetentionMonths(db, partnershipId),
  };
}
