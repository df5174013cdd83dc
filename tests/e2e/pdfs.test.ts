import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { pdfPageCount, pdfText } from "../support/pdf-text.ts";
import { root } from "./server-process.ts";
import { ensureLanguage, launchBrowser, newContext, signIn, url, visit } from "./support.ts";

const COORDINATOR = "coordination@filet.test";
const WORKER = "intervenant.ecole@filet.test";
const TABLE = { fr: "Table régionale de concertation sur l'exploitation sexuelle des mineurs — Capitale-Nationale", en: "Capitale-Nationale Regional Partnership Table on the Sexual Exploitation of Minors" };
const out = path.join(root, "test-results", "pdfs");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  fs.mkdirSync(out, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Where pdftoppm is installed, each page as a PNG beside the PDF, to be looked at. */
function keep(name: string, bytes: Buffer) {
  const file = path.join(out, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(out, name)], { stdio: "ignore" });
  } catch {
    // No poppler-utils here: the PDFs are still checked below.
  }
}

/** Downloads a PDF and checks what a funder gets: the shared layout in the reader's language. */
async function download(page: Page, pathname: string, name: string, locale: "fr" | "en"): Promise<string> {
  const response = await page.request.get(url(pathname));
  expect(response.status(), pathname).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const bytes = await response.body();
  keep(`${name}-${locale}`, bytes);
  const raw = bytes.toString("latin1");
  expect(raw).toContain("/FontFile2");
  expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  expect(raw).toContain(`/Lang (${locale}-CA)`);
  const text = pdfText(bytes);
  const pages = pdfPageCount(bytes);
  expect(text).toContain(TABLE[locale]);
  for (let n = 1; n <= pages; n++) expect(text).toContain(locale === "fr" ? `Page ${n} sur ${pages}` : `Page ${n} of ${pages}`);
  expect(text).toMatch(locale === "fr" ? /Généré le \d{1,2} [a-zéû]+\.? \d{4}/ : /Generated on [A-Z][a-z]{2}\.? \d{1,2}, \d{4}/);
  expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  return text;
}

describe("documents that can go to a funder", () => {
  it("the coordinator downloads the year-end report, the minutes and the guide in French and English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATOR);
    await visit(page, "/meetings");
    const meeting = await page.locator("main a", { hasText: "Rencontre de la Table — bilan d'implantation" }).first().getAttribute("href");
    expect(meeting).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    for (const locale of ["fr", "en"] as const) {
      await ensureLanguage(page, locale);
      const report = await download(page, "/action-plan/2010/report/pdf", "year-end-report", locale);
      expect(report).toContain(locale === "fr" ? "Bilan du plan d'action 2010" : "Year-end report of the 2010 action plan");
      const minutes = await download(page, `${meeting}/pdf`, "minutes", locale);
      expect(minutes).toContain("Rapport intérimaire de l'évaluation");
      expect(minutes).toContain(locale === "fr" ? "16 juin 2010" : "Jun 16, 2010");
      await download(page, "/guide/pdf", "guide", locale);
    }
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("a participant downloads her certificate in the shared layout", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, WORKER);
    await ensureLanguage(page, "fr");
    await visit(page, "/training/mine");
    const href = await page.locator("main a", { hasText: "Télécharger mon attestation" }).first().getAttribute("href");
    expect(href).toMatch(/^\/training\/sessions\/[0-9a-f-]{36}\/certificate$/);
    const text = await download(page, href!, "certificate", "fr");
    expect(text).toContain("Attestation de formation");
    expect(pdfPageCount(fs.readFileSync(path.join(out, "certificate-fr.pdf")))).toBe(1);
    await context.close();
  });
});
