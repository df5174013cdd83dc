import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { pivotDesignation } from "../../app/modules/directory/tables.ts";
import { organization, partnership, site } from "../../app/modules/governance/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { findIdentifyingDetails } from "../../app/modules/consultations/pii/find-identifying-details.ts";
import { publicPhonesFor, tablePublicPhones } from "../../app/modules/consultations/pii/table-phones.server.ts";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { logPivotActivity } from "../../app/modules/pivot-activities/log-pivot-activity.server.ts";

let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const pivots: Record<string, { personId: string; organizationId: string }> = {};

/** A Table with a contact line, a DPJ line, one member organization and its site, one pivot. */
async function table(slug: string, n: string) {
  const db = handle.db;
  const [t] = await db
    .insert(partnership)
    .values({ slug, nameFr: slug, nameEn: slug, dpjPhone: `1 800 555-01${n}9`, settings: { contact: { email: "", phone: `418 555-01${n}0` } } })
    .returning();
  const [o] = await db.insert(organization).values({ partnershipId: t!.id, type: "community", nameFr: `Org ${slug}`, nameEn: `Org ${slug}`, phone: `(418) 555-02${n}0 poste 2` }).returning();
  await db.insert(site).values({ partnershipId: t!.id, organizationId: o!.id, name: `Site ${slug}`, phone: `418.555.03${n}0` });
  const [pivot] = await db.insert(person).values({ partnershipId: t!.id, organizationId: o!.id, givenName: "A", familyName: slug, phone: `418 555-04${n}0` }).returning();
  await db.insert(pivotDesignation).values({ partnershipId: t!.id, organizationId: o!.id, personId: pivot!.id, since: "2020-01-01", contactPhone: `581 555-05${n}0` });
  // Left the Table: its number is no longer the directory's.
  await db.insert(organization).values({ partnershipId: t!.id, type: "community", nameFr: "Ancien", nameEn: "Former", phone: `418 555-06${n}0`, leftOn: "2021-01-01" });
  ids[slug] = t!.id;
  pivots[slug] = { personId: pivot!.id, organizationId: o!.id };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await table("here", "1");
  await table("there", "2");
});
afterAll(async () => {
  await handle?.close();
});

const phones = async (slug: string, text: string) => findIdentifyingDetails(text, await tablePublicPhones(handle.db, ids[slug]!)).map((f) => f.text);

describe("the Table's public numbers pass the guard", () => {
  it("lets through the Table's contact and DPJ lines, its organizations', sites' and pivots' directory phones", async () => {
    const text =
      "DPJ : 1-800-555-0119. La Table : 418 555 0110. L'organisme : 418-555-0210, son point de service (418) 555-0310, " +
      "la personne pivot au 581.555.0510.";
    expect(await phones("here", text)).toEqual([]);
  });

  it("still flags a youth's phone in the same message", async () => {
    expect(await phones("here", "DPJ : 1 800 555-0119. La jeune : 581 555-0177.")).toEqual(["581 555-0177"]);
  });

  it("does not let through another Table's numbers", async () => {
    expect(await phones("here", "Autre Table : 418 555-0220, 581 555-0520, 1 800 555-0129.")).toEqual(["418 555-0220", "581 555-0520", "1 800 555-0129"]);
  });

  it("does not let through the person's own line when the directory shows the designation's, nor a former member's", async () => {
    expect(await phones("here", "418 555-0410 ou 418 555-0610")).toEqual(["418 555-0410", "418 555-0610"]);
  });

  it("asks the database nothing for a text without a phone", async () => {
    expect(await publicPhonesFor(handle.db, ids.here!, ["Une jeune de 15 ans.", "Tel-jeunes : 1 800 263-2266"])).toBeUndefined();
    expect((await publicPhonesFor(handle.db, ids.here!, ["DPJ : 1 800 555-0119"]))?.has("8005550119")).toBe(true);
  });
});

describe("every form that runs the guard reads the Table's numbers", () => {
  const log = (slug: string, notes: string) =>
    logPivotActivity(handle.db, systemActor("test", ids[slug]!), {
      partnershipId: ids[slug]!,
      ...pivots[slug]!,
      type: "awareness_session",
      occurredOn: "2026-01-15",
      durationMinutes: 60,
      audience: "",
      audienceSize: null,
      notes,
    });

  it("logs a pivot activity whose notes give the Table's DPJ line and its organization's phone", async () => {
    expect((await log("here", "Rappel : DPJ au 1 800 555-0119, accueil au 418 555-0210.")).status).toBe("ok");
  });

  it("refuses the same notes in another Table, whose numbers they are not", async () => {
    const refused = await log("there", "Rappel : DPJ au 1 800 555-0119, accueil au 418 555-0210.");
    expect(refused.status === "identifying_details" && refused.findings.map((f) => f.text)).toEqual(["1 800 555-0119", "418 555-0210"]);
  });
});
