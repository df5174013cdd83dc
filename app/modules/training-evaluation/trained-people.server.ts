import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { Locale } from "../../i18n/types.ts";
import { trainingCertificate } from "./tables.ts";

/**
 * The programs each of these people holds a valid certificate of (the proof they were trained:
 * attendance that earned one), named in the reader's language. Scoped by Table; a person with
 * none is absent from the map.
 */
export async function trainedPrograms(db: Database, input: { partnershipId: string; personIds: string[]; locale: Locale }): Promise<Map<string, string[]>> {
  const byPerson = new Map<string, string[]>();
  if (input.personIds.length === 0) return byPerson;
  const rows = await db
    .selectDistinct({ personId: trainingCertificate.personId, nameFr: trainingCertificate.programNameFr, nameEn: trainingCertificate.programNameEn })
    .from(trainingCertificate)
    .where(and(eq(trainingCertificate.partnershipId, input.partnershipId), inArray(trainingCertificate.personId, input.personIds), isNull(trainingCertificate.revokedAt)));
  for (const r of rows) {
    const name = input.locale === "en" ? r.nameEn : r.nameFr;
    const list = byPerson.get(r.personId) ?? [];
    if (!list.includes(name)) list.push(name);
    byPerson.set(r.personId, list);
  }
  return byPerson;
}
