import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { organization, partnership } from "./tables.ts";

export async function getHomeSummary(db: Database, user: CurrentUser) {
  const [table] = user.partnershipId
    ? await db
        .select({ nameFr: partnership.nameFr, nameEn: partnership.nameEn })
        .from(partnership)
        .where(eq(partnership.id, user.partnershipId))
    : [];
  const [org] =
    user.organizationId && user.partnershipId
      ? await db
          .select({ nameFr: organization.nameFr, nameEn: organization.nameEn })
          .from(organization)
          .where(and(eq(organization.id, user.organizationId), eq(organization.partnershipId, user.partnershipId)))
      : [];
  return { partnership: table ?? null, organization: org ?? null };
}
