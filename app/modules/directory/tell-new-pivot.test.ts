import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { systemActor } from "../audit/record-audit-event.server.ts";
import { auditEvent } from "../audit/tables.ts";
import { seedDemo } from "../demo/seed-demo.server.ts";
import { emailMessage } from "../email/tables.ts";
import { organization } from "../governance/tables.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import type { CreateDesignationValues } from "./designation-schema.ts";
import { pivotDeliveries } from "./reachable-pivots.server.ts";
import { createDesignation } from "./save-designation.server.ts";

let handle: DatabaseHandle;
let partnershipId: string;
let organizationId: string;
const publicUrl = "https://filet.example";

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  const [org] = await handle.db.select().from(organization).where(eq(organization.acronym, "SPVQ"));
  partnershipId = org!.partnershipId;
  organizationId = org!.id;
});
afterAll(async () => {
  await handle.close();
});

async function newPerson(email: string, givenName = "Nadia") {
  const [row] = await handle.db
    .insert(person)
    .values({ partnershipId, organizationId, givenName, familyName: "Essai", email })
    .returning({ id: person.id });
  return row!.id;
}

function values(personId: string, over: Partial<CreateDesignationValues> = {}): CreateDesignationValues {
  return {
    organizationId,
    personId,
    siteId: null,
    rank: "primary",
    since: "2025-01-06",
    until: null,
    languages: ["fr"],
    clienteles: [],
    expertise: [],
    availability: "",
    contactPhone: "",
    contactEmail: "",
    contactNotes: "",
    ...over,
  };
}

const designate = (v: CreateDesignationValues) =>
  createDesignation(handle.db, systemActor("test", partnershipId), { partnershipId, organizationIds: "all" }, v, { publicUrl });

const mailsTo = (to: string) => handle.db.select().from(emailMessage).where(eq(emailMessage.toAddress, to));

describe("a person designated pivot is told", () => {
  it("invites someone without an account, once, even when designated again", async () => {
    const email = "nadia.essai@filet.test";
    const personId = await newPerson(email);
    expect((await designate(values(personId))).ok).toBe(true);
    expect((await designate(values(personId, { rank: "backup", since: "2025-02-03" }))).ok).toBe(true);
    const [invited] = await handle.db.select().from(account).where(eq(account.personId, personId));
    expect(invited).toMatchObject({ status: "invited", email });
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Vous êtes désigné·e personne pivot sur Filet");
    expect(mails[0]!.textBody).toContain("Service de police de la Ville de Québec");
    expect(mails[0]!.textBody).toMatch(new RegExp(`${publicUrl}/invitation/[A-Za-z0-9_-]{43}`));
    const audits = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "account.invited"), eq(auditEvent.targetId, invited!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ reason: "pivot.designated" });
  });

  it("tells an account holder they are now pivot, with no invitation", async () => {
    const [held] = await handle.db.select().from(account).where(eq(account.email, "intervenant.ecole@filet.test"));
    const [me] = await handle.db.select({ organizationId: person.organizationId }).from(person).where(eq(person.id, held!.personId));
    const result = await createDesignation(
      handle.db,
      systemActor("test", partnershipId),
      { partnershipId, organizationIds: "all" },
      values(held!.personId, { organizationId: me!.organizationId! }),
      { publicUrl },
    );
    expect(result.ok).toBe(true);
    const mails = await mailsTo("intervenant.ecole@filet.test");
    expect(mails.map((m) => m.subject)).toEqual(["Vous êtes maintenant personne pivot"]);
    expect(mails[0]!.textBody).toContain(`${publicUrl}/directory/mine`);
    expect(mails[0]!.textBody).not.toContain("/invitation/");
  });

  it("sends nothing, and offers no consultation, when there is no address at all", async () => {
    const personId = await newPerson("", "Sans");
    expect((await designate(values(personId))).ok).toBe(true);
    expect(await handle.db.select().from(account).where(eq(account.personId, personId))).toEqual([]);
    expect(await pivotDeliveries(handle.db, partnershipId, [personId])).toEqual([]);
  });

  it("invites at the designation's address when the person's record has none, unless another account uses it", async () => {
    const own = await newPerson("", "Contact");
    await designate(values(own, { contactEmail: "contact.pivot@filet.test" }));
    expect(await pivotDeliveries(handle.db, partnershipId, [own])).toEqual([{ personId: own, email: "contact.pivot@filet.test", locale: "fr", active: false }]);
    const taken = await newPerson("", "Partage");
    await designate(values(taken, { contactEmail: "pivot.cjq@filet.test" }));
    expect(await pivotDeliveries(handle.db, partnershipId, [taken])).toEqual([]);
    expect(await handle.db.select().from(account).where(eq(account.personId, taken))).toEqual([]);
  });
});
