import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { checkA11y, ensureLanguage, followLink, heading, launchBrowser, mainText, newContext, screenshot, signIn, submit, visit } from "./support.ts";

const DELEGATE = "delegue.cjq@filet.test";
const COORDINATOR = "coordination@filet.test";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("partners: profiles, contribution matrix, written commitments", () => {
  it("lets a delegate edit their own row of the matrix, and only that one", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DELEGATE);
    await ensureLanguage(page, "fr");
    await visit(page, "/partners", "partners-list-fr");
    expect(await heading(page)).toBe("Partenaires de la Table");
    expect(await mainText(page)).toMatch(/(aucun|\d+) changements? de délégué·e/);
    await followLink(page, page.locator("main table a", { hasText: "Centre jeunesse de Québec" }));
    await checkA11y(page, "/partners/:cjq (fr)");
    await screenshot(page, "partners-profile-cjq-fr");
    const profile = await mainText(page);
    expect(profile).toContain("Isabelle Gingras");
    expect(profile).toContain("Historique des délégué·e·s");
    expect(profile).toMatch(/Substitut·e.*Catherine Roy/);

    await visit(page, "/partners/matrix", "partners-matrix-delegate-fr");
    // One edit control: the delegate's own organization's row.
    const editLinks = page.locator("main table a", { hasText: "Modifier" });
    expect(await editLinks.count()).toBe(1);
    expect(await editLinks.first().textContent()).toContain("Centre jeunesse de Québec");
    await followLink(page, editLinks.first());
    await checkA11y(page, "/partners/matrix/:cjq (fr)");
    await page.locator("#field-communication").fill("Capsules d'information pour les familles hébergées.");
    await submit(page, page.locator('main form button[type="submit"]'));
    expect(new URL(page.url()).pathname).toBe("/partners/matrix");
    const after = await mainText(page);
    expect(after).toContain("Ligne de la matrice enregistrée.");
    expect(after).toContain("Capsules d'information pour les familles hébergées.");
    await checkA11y(page, "/partners/matrix (saved, fr)");

    // Another organization's row: not offered, and the address answers 404.
    const spvqRow = page.locator("main table tbody tr", { has: page.locator('abbr[title*="police"]') });
    expect(await spvqRow.locator("a").count()).toBe(0);
    const ownId = (await editLinks.first().getAttribute("href"))!.split("/").pop()!;
    await page.goto(new URL("/partners", page.url()).toString());
    const ids = await page.locator('main table a[href^="/partners/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split("/").pop()!));
    const otherId = ids.find((id) => id !== ownId)!;
    const forged = await page.request.post(new URL(`/partners/matrix/${otherId}`, page.url()).toString(), {
      form: { prevention: "forgé" },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(forged.status()).toBe(404);

    await ensureLanguage(page, "en");
    await visit(page, "/partners/matrix", "partners-matrix-delegate-en");
    expect(await heading(page)).toBe("Contribution matrix");
    await visit(page, "/partners/matrix/print", "partners-matrix-print-en");
    await visit(page, "/partners/commitments", "partners-commitments-delegate-en");
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("lets the coordinator record a signed commitment with its PDF, and the overview updates", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATOR);
    await ensureLanguage(page, "fr");
    await visit(page, "/partners/commitments", "partners-commitments-fr");
    const traic = page.locator("main table.commitment-overview tbody tr", { hasText: "TRAIC Jeunesse" });
    expect(await traic.getAttribute("data-status")).toBe("late");
    expect(await mainText(page)).toContain("À renouveler");

    await followLink(page, page.locator("main a", { hasText: "Inscrire un engagement signé" }));
    await checkA11y(page, "/partners/commitments/new (fr)");
    await page.locator("#field-organizationId").selectOption({ label: "TRAIC Jeunesse" });
    await page.locator("#field-startsOn").fill(iso(-5));
    await page.locator("#field-endsOn").fill(iso(3 * 365));
    await page.locator("#field-signatoryName").fill("Sébastien Drolet");
    await page.locator("#field-signatoryTitle").fill("Directeur général");
    await page.locator("#field-signedOn").fill(iso(-6));
    // A wrong file first: a clear error on the field.
    await page.locator("#field-document").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf at all") });
    await submit(page, page.locator('main form button[type="submit"]'));
    expect(await mainText(page)).toContain("Ce fichier n'est pas un PDF.");
    await checkA11y(page, "/partners/commitments/new (error, fr)");
    await screenshot(page, "partners-commitment-upload-error-fr");
    await page.locator("#field-document").setInputFiles({ name: "engagement-traic-signe.pdf", mimeType: "application/pdf", buffer: PDF });
    await submit(page, page.locator('main form button[type="submit"]'));
    expect(new URL(page.url()).pathname).toBe("/partners/commitments");
    expect(await mainText(page)).toContain("Engagement inscrit.");
    const updated = page.locator("main table.commitment-overview tbody tr", { hasText: "TRAIC Jeunesse" });
    expect(await updated.getAttribute("data-status")).toBe("signed");
    await checkA11y(page, "/partners/commitments (after, fr)");
    await screenshot(page, "partners-commitments-after-fr");

    await followLink(page, updated.locator("a", { hasText: "Détails" }));
    await checkA11y(page, "/partners/commitments/:id (fr)");
    const download = page.locator("main a[download]");
    expect(await download.textContent()).toContain("engagement-traic-signe.pdf");
    const file = await page.request.get(new URL((await download.getAttribute("href"))!, page.url()).toString());
    expect(file.headers()["content-type"]).toBe("application/pdf");

    await visit(page, "/partners/commitments/text", "partners-text-fr");
    await ensureLanguage(page, "en");
    await visit(page, "/partners/commitments", "partners-commitments-en");
    expect(await heading(page)).toBe("Written commitments");
    await visit(page, "/partners/commitments/text", "partners-text-en");
    await visit(page, "/partners", "partners-list-en");
    await followLink(page, page.locator("main table a", { hasText: "Québec Youth Centre" }));
    await checkA11y(page, "/partners/:cjq (en)");
    await screenshot(page, "partners-profile-cjq-en");
    await followLink(page, page.locator("main a", { hasText: "Manage delegates" }));
    await checkA11y(page, "/partners/:cjq/delegates (en)");
    await screenshot(page, "partners-delegates-en");
    await followLink(page, page.locator("main a", { hasText: "Québec Youth Centre" }).first());
    await followLink(page, page.locator("main a", { hasText: "Edit the profile" }));
    await checkA11y(page, "/partners/:cjq/edit (en)");
    await ensureLanguage(page, "fr");
    await context.close();
  });
});
