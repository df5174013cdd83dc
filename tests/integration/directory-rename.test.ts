import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { searchDirectory } from "../../app/modules/directory/search-directory.server.ts";
import { updatePerson } from "../../app/modules/people/save-person.server.ts";
import { getPerson } from "../../app/modules/people/get-person.server.ts";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { person } from "../../app/modules/people/tables.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { eq } from "drizzle-orm";
import { refreshDirectorySearchText } from "../../app/modules/directory/search-text.server.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
});
afterAll(async () => {
  await handle.close();
});

describe("renaming a person in the admin screens", () => {
  it("is found in the directory under the new name at once", async () => {
    const [table] = await handle.db.select().from(partnership).where(eq(partnership.slug, "quebec"));
    const [pivot] = await handle.db.select().from(person).where(eq(person.email, "pivot.cjq@filet.test"));
    const partnershipId = table!.id;
    const detail = await getPerson(handle.db, { partnershipId, organizationIds: "all", personId: pivot!.id });
    expect(detail).not.toBeNull();
    const result = await updatePerson(handle.db, systemActor("test", partnershipId), {
      partnershipId,
      organizationIds: "all",
      personId: pivot!.id,
      version: pivot!.version,
      givenName: "Zéphirine",
      familyName: pivot!.familyName,
      title: pivot!.title,
      email: pivot!.email,
      phone: pivot!.phone,
      organizationId: pivot!.organizationId,
      siteId: pivot!.siteId,
      languages: pivot!.languages,
    } as Parameters<typeof updatePerson>[2], refreshDirectorySearchText);
    expect(result).toMatchObject({ ok: true });
    const found = await searchDirectory(handle.db, { partnershipId, q: "zephirine" } as Parameters<typeof searchDirectory>[1]);
    expect(JSON.stringify(found)).toContain("Zéphirine");
  });
});
