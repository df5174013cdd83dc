import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, followLink, launchBrowser, mainText, newContext, screenshot, settled, signIn, signOut, submit, url, visit } from "./support.ts";

const fr = catalog.fr;
const en = catalog.en;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The owner shown in the responsibility's summary (the first dd after "Responsable"). */
async function shownOwner(page: Page): Promise<string> {
  return ((await page.locator("dl.summary dt", { hasText: fr["responsibilities.owner"] }).locator("xpath=following-sibling::dd[1]").textContent()) ?? "").trim();
}

describe("the people picker", () => {
  it("without JavaScript: searches by GET, keeps the other fields, shows at most 20 choices, and saves the owner picked", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "coordination@filet.test");
    await page.goto(url("/responsibilities"));
    await followLink(page, page.locator("main table tbody th a").first());
    const path = new URL(page.url()).pathname;
    const edit = page.locator("section", { has: page.locator("#edit-title") });
    // The page no longer carries the Table's people: only the current owner, by name.
    expect(await edit.locator("input[type=radio][name=owner]").count()).toBeLessThanOrEqual(1);
    const what = `Tâche reprise ${Date.now()}`;
    await edit.locator("input[name=what]").fill(what);
    await edit.getByLabel(fr["picker.search"]).fill("fortier");
    await submit(page, edit.getByRole("button", { name: fr["picker.searchButton"] }));
    expect(page.url()).toContain("ownerSearch=fortier");
    // The text typed before the search is still there; the choices are the people found.
    expect(await edit.locator("input[name=what]").inputValue()).toBe(what);
    const radios = edit.locator("input[type=radio][name=owner]");
    expect(await radios.count()).toBeLessThanOrEqual(21);
    await edit.getByLabel(/Karine Fortier/).check();
    await edit.getByLabel(fr["responsibilities.owner.kind.person"]).check();
    await screenshot(page, "picker-nojs-responsibility-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "picker-nojs-responsibility-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await submit(page, edit.getByRole("button", { name: fr["responsibilities.edit.save"] }));
    expect(page.url()).toContain(`${path}?saved=edit`);
    expect(await shownOwner(page)).toBe("Karine Fortier");
    expect(await mainText(page)).toContain(what);
    // A search that finds nobody says so.
    await edit.getByLabel(fr["picker.search"]).fill("zzzz-personne");
    await submit(page, edit.getByRole("button", { name: fr["picker.searchButton"] }));
    expect(await mainText(page)).toMatch(/Personne ne correspond à «\s?zzzz-personne\s?»/u);
    await signOut(page);
    await context.close();
  }, 120_000);

  it("with JavaScript: the combobox is used by keyboard, announces its results, and the choice is saved (FR and EN, axe)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "coordination@filet.test");
    await visit(page, "/responsibilities/new");
    await settled(page);
    const combo = page.getByRole("combobox", { name: fr["responsibilities.owner.person"] });
    expect(await combo.getAttribute("aria-expanded")).toBe("false");
    await combo.focus();
    await page.keyboard.type("fortier");
    const list = page.getByRole("listbox", { name: fr["responsibilities.owner.person"] });
    await list.getByRole("option", { name: /Karine Fortier/ }).waitFor();
    expect(await combo.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("ArrowDown");
    const activeId = await combo.getAttribute("aria-activedescendant");
    expect(activeId).toBeTruthy();
    expect(await page.locator(`#${activeId}`).getAttribute("aria-selected")).toBe("true");
    await checkA11y(page, "/responsibilities/new (list open, fr)");
    await screenshot(page, "picker-combobox-open-1280");
    await page.keyboard.press("Enter");
    expect(await combo.inputValue()).toMatch(/Fortier/);
    expect(await combo.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("input[type=hidden][name=owner]").inputValue()).toMatch(/^person:[0-9a-f-]{36}$/);
    const what = `Appeler les partenaires ${Date.now()}`;
    await page.locator("input[name=what]").fill(what);
    await page.locator("input[name=dueOn]").fill("2027-03-15");
    await submit(page, page.getByRole("button", { name: fr["responsibilities.create"] }));
    expect(page.url()).toContain("saved=created");
    expect(await shownOwner(page)).toMatch(/Fortier/);
    // Editing shows the current owner by name in the combobox.
    await settled(page);
    expect(await page.getByRole("combobox", { name: fr["responsibilities.owner.person"] }).inputValue()).toMatch(/Fortier/);

    await ensureLanguage(page, "en");
    await visit(page, "/responsibilities/new");
    await settled(page);
    const comboEn = page.getByRole("combobox", { name: en["responsibilities.owner.person"] });
    await comboEn.focus();
    await page.keyboard.type("fort");
    await page.getByRole("listbox").getByRole("option").first().waitFor();
    await checkA11y(page, "/responsibilities/new (list open, en)");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "picker-combobox-open-en-390");
    await page.keyboard.press("Escape");
    expect(await comboEn.getAttribute("aria-expanded")).toBe("false");
    await page.setViewportSize({ width: 1280, height: 800 });
    await ensureLanguage(page, "fr");
    await signOut(page);
    await context.close();
  }, 150_000);

  it("the search answers only inside the page's scope: another Table's coordinator finds nobody of ours; the API needs the page's permission", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "coordination.ca@filet.test");
    const other = await page.request.get(url("/api/people?for=responsibility&q=fortier"));
    expect(other.status()).toBe(200);
    expect(((await other.json()) as { people: { name: string }[] }).people.map((p) => p.name)).not.toContain("Karine Fortier");
    await signOut(page);
    await signIn(page, "intervenant.ecole@filet.test");
    expect((await page.request.get(url("/api/people?for=nomination&q=fortier"))).status()).toBe(404);
    expect((await page.request.get(url("/api/people?for=designation&q=fortier"))).status()).toBe(404);
    await signOut(page);
    await context.close();
  });

  it("nominations and designations use the same picker (no select of every person)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "coordination@filet.test");
    for (const path of ["/training/nominate", "/directory/designations/new"]) {
      await visit(page, path);
      await settled(page);
      expect(await page.locator("select[name=personId]").count()).toBe(0);
      const combo = page.getByRole("combobox", { name: path.includes("nominate") ? fr["training.nominate.person"] : fr["directory.designation.person"] });
      await combo.focus();
      await page.keyboard.type("fortier");
      await page.getByRole("option", { name: /Karine Fortier/ }).waitFor();
      await checkA11y(page, `${path} (list open)`);
      await screenshot(page, `picker${path.replaceAll("/", "-")}-1280`);
    }
    await signOut(page);
    await context.close();
  }, 120_000);
});
