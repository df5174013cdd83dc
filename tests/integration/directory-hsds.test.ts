import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { createDirectoryWorld, type DirectoryWorld } from "./directory-fixtures.ts";
import * as hsdsRoute from "../../app/routes/api/hsds.organizations.tsx";
import { exportHsdsOrganizations, stableUuid } from "../../app/modules/directory/hsds-export.server.ts";

const schemaPath = new URL("../../../shared/standards/hsds-3.0/compiled/organization.json", import.meta.url);

let world: DirectoryWorld;
beforeAll(async () => {
  world = await createDirectoryWorld();
});
afterAll(async () => {
  await world?.handle.close();
});

async function fetchAs(email: string | null): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers = new Headers();
  if (email) headers.set("cookie", await world.cookie(email));
  const request = new Request("http://localhost:3000/api/hsds/organizations", { headers });
  const response = (await hsdsRoute.loader({ request, params: {}, context: world.context } as never)) as Response;
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe("GET /api/hsds/organizations", () => {
  it("answers 401 in JSON without a session", async () => {
    const r = await fetchAs(null);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: "unauthenticated" });
  });

  it("exports the member's Table as HSDS 3.0 organizations that validate against the schema", async () => {
    const r = await fetchAs("intervenant.ecole@filet.test");
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const orgs = r.body as Record<string, unknown>[];
    expect(orgs.length).toBeGreaterThanOrEqual(12);

    // The compiled schema has no $schema: it is draft-07 style, so Ajv's default class applies.
    // Its extra keywords (name, core, constraints, example…) are annotations: strict mode off.
    const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8")) as Record<string, unknown>;
    expect(schema.$schema).toBeUndefined();
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    for (const org of orgs) {
      const ok = validate(org);
      expect(ok, `${String(org.name)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }

    const csssvc = orgs.find((o) => o.id === world.orgs["CSSS VC"]) as { contacts: { name: string; email?: string; phones: { number: string }[] }[]; locations: { name: string; addresses: unknown[] }[]; services: { name: string; status: string }[] };
    expect(csssvc.contacts.map((c) => c.name)).toEqual(["Hélène Bouchard"]);
    expect(csssvc.contacts[0]!.email).toBe("helene.bouchard@filet.test");
    expect(csssvc.contacts[0]!.phones[0]!.number).toBe("418 555-0124");
    expect(csssvc.locations.map((l) => l.name)).toContain("CLSC de la Basse-Ville");
    expect(csssvc.locations[0]!.addresses).toHaveLength(1);
    expect(csssvc.services.some((s) => s.status === "active")).toBe(true);
    // Nothing of the other Table.
    expect(JSON.stringify(orgs)).not.toContain("Morissette");
  });

  it("gives the other Table's member their own Table only", async () => {
    const r = await fetchAs("coordination.ca@filet.test");
    const orgs = r.body as { id: string }[];
    expect(orgs.map((o) => o.id).sort()).toEqual([world.orgs["CISSS-CA"], world.orgs["SPVL"]].sort());
  });

  it("keeps the same ids from one export to the next", async () => {
    const a = await exportHsdsOrganizations(world.db, { partnershipId: world.tables.quebec! });
    const b = await exportHsdsOrganizations(world.db, { partnershipId: world.tables.quebec! });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(stableUuid("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
