import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { listContactPivots, type ContactPivot } from "../directory/list-contact-pivots.server.ts";
import { reachablePivotIds } from "../directory/reachable-pivots.server.ts";
import { readSettingsRow } from "../governance/settings-row.server.ts";
import { person } from "../people/tables.ts";
import { defaultPathwayContent } from "./default-content.ts";
import { getPublishedPathway } from "./get-published-pathway.server.ts";
import { textsOf, type PathwayLanguage, type PathwayTextKey } from "./steps.ts";

export interface PathwayPage {
  number: number | null;
  publishedAt: Date | null;
  validatedByTable: boolean;
  texts: Record<PathwayTextKey, string>;
  dpjPhone: string;
  own: ContactPivot[];
  others: ContactPivot[];
  /** The pivots a "Demander conseil" link may name: Filet reaches them, and the reader may ask. */
  askable: string[];
}

/**
 * Everything the "I have a doubt" page shows, in the reader's language: the published texts,
 * the Table's DPJ line and the pivots to call (the reader's own organization and site first).
 */
export async function getPathwayPage(
  db: Database,
  input: { partnershipId: string; personId: string; organizationId: string | null; language: PathwayLanguage; mayAsk: boolean },
): Promise<PathwayPage> {
  // Sequential on purpose: the first visit may open a transaction, and PGlite has one connection.
  const published = await getPublishedPathway(db, input.partnershipId);
  const settings = await readSettingsRow(db, input.partnershipId);
  const me = await db
    .select({ siteId: person.siteId, organizationId: person.organizationId })
    .from(person)
    .where(and(eq(person.id, input.personId), eq(person.partnershipId, input.partnershipId)))
    .limit(1);
  const organizationId = me[0]?.organizationId ?? input.organizationId;
  const { own, others } = await listContactPivots(db, {
    partnershipId: input.partnershipId,
    organizationId,
    siteId: me[0]?.siteId ?? null,
  });
  const reachable = input.mayAsk ? await reachablePivotIds(db, input.partnershipId, [...own, ...others].map((p) => p.personId)) : new Set<string>();
  return {
    number: published?.number ?? null,
    publishedAt: published?.publishedAt ?? null,
    validatedByTable: published?.validatedByTable ?? false,
    texts: textsOf(published?.content ?? defaultPathwayContent, input.language),
    dpjPhone: settings.dpjPhone,
    own,
    others,
    askable: [...reachable].filter((id) => id !== input.personId),
  };
}
