import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, heading, launchBrowser, mainText, newContext, screenshot, settled, signIn, submit, switchLanguage, url } from "./support.ts";

/*
 * The evaluation dashboard (issue 12) in a browser. evaluation@ (the evaluator) reads and
 * downloads, and switches to English and back to French; coordination@ sets a Table target on
 * training_sessions_given (no demo target) and removes it; admin@ only reads the audit log.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fr = catalog.fr;

/**
 * A figure that may be shown to someone without exact figures: the suppression mark, the empty
 * dash, zero, a count of at least 5, a percentage or a duration. A count from 1 to 4 is not.
 */
function disclosable(text: string): boolean {
  const t = text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  if (t === "" || t === "x" || t === "—") return true;
  if (/%/.test(t) || /\d (min|h)\b/.test(t)) return true;
  const n = Number(t.replace(/ /g, "").replace(",", "."));
  return Number.isFinite(n) && (n === 0 || n >= 5);
}

interface Cell {
  where: string;
  row: string;
  column: string;
  text: string;
}

/** Every figure cell of the main region's tables, with its row and column headers; target columns left out (they are goals, not counts). */
async function figureCells(page: Page, options: { numOnly: boolean; skipColumns: string[] }): Promise<Cell[]> {
  const where = new URL(page.url()).pathname + new URL(page.url()).search;
  const cells = await page.evaluate(({ numOnly, skipColumns }) => {
    const found: { row: string; column: string; text: string }[] = [];
    for (const table of document.querySelectorAll("main table")) {
      const heads = [...table.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").trim());
      for (const tr of table.querySelectorAll("tbody tr")) {
        let col = 0;
        const row = (tr.querySelector("th")?.textContent ?? "").trim();
        for (const cell of tr.children) {
          const column = heads[col] ?? "";
          col += (cell as HTMLTableCellElement).colSpan || 1;
          if (cell.tagName !== "TD" || (numOnly && !cell.classList.contains("num")) || skipColumns.includes(column)) continue;
          found.push({ row, column, text: cell.textContent ?? "" });
        }
      }
    }
    return found;
  }, options);
  return cells.map((c) => ({ where, ...c }));
}

const unsafe = (cells: Cell[]) => cells.filter((c) => !disclosable(c.text));

/** A CSV file (RFC 4180, BOM, CRLF) as lines of cells. */
function parseCsv(body: string): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let cell = "";
  let quoted = false;
  const text = body.replace(/^\uFEFF/, "");
  const endCell = () => {
    line.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n") {
      endCell();
      lines.push(line);
      line = [];
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || line.length) {
    endCell();
    lines.push(line);
  }
  return lines;
}

/** Count columns of a download: all but the group and the rates (%) and medians (min). */
const isCountColumn = (label: string, index: number) => index > 0 && !/\((%|min)\)$/.test(label.trim());

describe("the evaluation dashboard", () => {
  it("answers the evaluator with the themes' tables, a period filter without JavaScript and the chart as an image beside its table", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "evaluation@filet.test");
    await ensureLanguage(page, "fr");
    const response = await page.goto(url("/evaluation"));
    expect(response?.status()).toBe(200);
    await settled(page);
    expect(await heading(page)).toBe(fr["evaluation.title"]);
    expect(await page.locator("main section table.indicators").count()).toBeGreaterThanOrEqual(3);

    const figure = page.locator("main figure.chart-figure").first();
    const img = figure.locator("img");
    const src = await img.getAttribute("src");
    expect(src).toMatch(/^\/evaluation\/chart\.svg\?chart=progress&period=/);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const chart = await page.request.get(url(src!));
    expect(chart.status()).toBe(200);
    expect(chart.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
    const svg = await chart.text();
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<title[ >]/);
    expect(svg).not.toContain("<style");
    // The figures of the chart are in a table of the same figure, after the image.
    const follows = await figure.evaluate((el) => {
      const image = el.querySelector("img");
      const table = el.querySelector("table");
      return Boolean(image && table && image.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(follows).toBe(true);
    await context.close();

    const noJs = await newContext(browser, { javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await signIn(plain, "evaluation@filet.test");
    await plain.goto(url("/evaluation"));
    const select = plain.locator('main select[name="period"]');
    const current = await select.inputValue();
    const other = (await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== current)!;
    expect(other).toBeTruthy();
    await select.selectOption(other);
    await submit(plain, plain.locator('main form.filters button[type="submit"]'));
    expect(new URL(plain.url()).searchParams.get("period")).toBe(other);
    expect(await plain.locator('main select[name="period"]').inputValue()).toBe(other);
    expect(await heading(plain)).toBe(fr["evaluation.title"]);
    await noJs.close();
  });

  it("never shows the evaluator a count from 1 to 4 — pages, /activities and both downloads — while the coordinator sees the exact figure", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "evaluation@filet.test");
    await ensureLanguage(page, "fr");
    const skipColumns = [fr["evaluation.col.target"]];

    await page.goto(url("/evaluation?by=organization"));
    await settled(page);
    const dashboard = await figureCells(page, { numOnly: true, skipColumns });
    expect(dashboard.length).toBeGreaterThan(20);
    expect(unsafe(dashboard)).toEqual([]);

    // Every indicator page with the same breakdown (its links carry the period and by).
    const links = await page.locator("main table.indicators tbody th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(links.length).toBeGreaterThanOrEqual(15);
    for (const href of links) {
      await page.goto(url(href));
      const cells = await figureCells(page, { numOnly: true, skipColumns });
      expect(cells.length, href).toBeGreaterThan(0);
      expect(unsafe(cells), href).toEqual([]);
    }

    const pivotPath = "/evaluation/indicators/pivot_activities?by=organization";
    await page.goto(url(pivotPath));
    const protectedCells = await figureCells(page, { numOnly: true, skipColumns });
    const marked = protectedCells.filter((c) => c.text.trim() === "x");
    expect(marked.length, "the demo has small activity counts to protect").toBeGreaterThan(0);

    // /activities: the counts table (the hours column is a duration in decimals, left out).
    await page.goto(url("/activities"));
    const activityCells = await figureCells(page, { numOnly: false, skipColumns: [fr["activities.counts.hours"]] });
    expect(activityCells.length).toBeGreaterThan(0);
    expect(unsafe(activityCells)).toEqual([]);
    // The feed names pivots: the evaluator reads why it is not shown instead.
    expect(await mainText(page)).toContain(fr["activities.feed.evaluator"].replace(/\s+/g, " "));

    // The downloads, read back: every count cell is x, 0 or at least 5.
    await page.goto(url("/evaluation?by=organization"));
    const csvHref = await page.locator('main a[href^="/evaluation/export.csv"]').getAttribute("href");
    const xlsxHref = await page.locator('main a[href^="/evaluation/export.xlsx"]').getAttribute("href");
    expect(csvHref).toContain("by=organization");
    const csv = await page.request.get(url(csvHref!));
    expect(csv.status()).toBe(200);
    const blocks: string[][][] = [[]];
    for (const line of parseCsv(await csv.text())) {
      if (line.length === 1 && line[0] === "") blocks.push([]);
      else blocks[blocks.length - 1]!.push(line);
    }
    const tables = blocks.filter((b) => b.length >= 2 && b[1]![0] === fr["evaluation.col.group"]);
    expect(tables.length).toBeGreaterThanOrEqual(15);
    const csvBad: string[] = [];
    let csvCounts = 0;
    for (const [title, header, ...rows] of tables) {
      for (const row of rows)
        header!.forEach((label, i) => {
          if (!isCountColumn(label, i)) return;
          csvCounts++;
          if (!disclosable(row[i] ?? "")) csvBad.push(`${title![0]} / ${row[0]} / ${label}: ${row[i]}`);
        });
    }
    expect(csvCounts).toBeGreaterThan(50);
    expect(csvBad).toEqual([]);

    const xlsx = await page.request.get(url(xlsxHref!));
    expect(xlsx.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(15);
    const xlsxBad: string[] = [];
    let xlsxCounts = 0;
    for (const sheet of workbook.worksheets) {
      const labels = (sheet.getRow(3).values as unknown[]).slice(1).map((v) => String(v ?? ""));
      for (let r = 4; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        if (r > 4 && !row.getCell(1).value && !row.getCell(2).value) break; // the blank line before the footnotes
        labels.forEach((label, i) => {
          if (!isCountColumn(label, i)) return;
          const value = row.getCell(i + 1).value;
          xlsxCounts++;
          const ok = value === null || value === "x" || (typeof value === "number" && (value === 0 || value >= 5));
          if (!ok) xlsxBad.push(`${sheet.name} / ${String(row.getCell(1).value)} / ${label}: ${String(value)}`);
        });
      }
    }
    expect(xlsxCounts).toBeGreaterThan(50);
    expect(xlsxBad).toEqual([]);
    await context.close();

    // The rule is at work, not vacuous: where the evaluator reads x, the coordinator reads 1 to 4 somewhere.
    const coordinator = await newContext(browser);
    const cpage = await coordinator.newPage();
    await signIn(cpage, "coordination@filet.test");
    await ensureLanguage(cpage, "fr");
    await cpage.goto(url(pivotPath));
    const exact = await figureCells(cpage, { numOnly: true, skipColumns });
    const revealed = marked.map((m) => exact.find((e) => e.row === m.row && e.column === m.column)?.text.trim() ?? "").filter((t) => /^[1-4]$/.test(t));
    expect(revealed.length, "a figure from 1 to 4 that the evaluator sees as x").toBeGreaterThan(0);
    await coordinator.close();

    // The download is in the audit log, in words.
    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await signIn(admin, "admin@filet.test");
    await ensureLanguage(admin, "fr");
    await admin.goto(url("/admin/audit"));
    await expect.poll(() => mainText(admin)).toContain(fr["audit.action.evaluation.exported"]);
    await adminContext.close();
  });

  it("lets the coordinator set a Table target that the dashboard shows, then remove it", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "coordination@filet.test");
    await ensureLanguage(page, "fr");
    const code = "training_sessions_given";
    await page.goto(url(`/evaluation/indicators/${code}`));
    await settled(page);
    expect(await mainText(page)).toContain(fr["evaluation.target.none"]);
    const add = page.locator('main form:has(input[name="intent"][value="set"])');
    expect(await add.locator('select[name="scope"]').inputValue()).toBe("table");
    await add.locator('input[name="target"]').fill("37");
    await submit(page, add.locator('button[type="submit"]'));
    await expect.poll(() => page.locator('main [role="status"]').textContent()).toBe(fr["evaluation.target.saved"]);

    await page.goto(url("/evaluation"));
    await settled(page);
    const row = page.locator(`main table.indicators tbody tr:has(a[href^="/evaluation/indicators/${code}?"])`);
    expect((await row.locator("td.num").nth(2).textContent())?.trim()).toBe("37");

    await page.goto(url(`/evaluation/indicators/${code}`));
    await settled(page);
    const card = page.locator("main li.card", { hasText: fr["evaluation.target.scope.table"] });
    await card.locator("details.confirm-delete summary").click();
    await submit(page, card.locator("details.confirm-delete button.danger"));
    await expect.poll(() => page.locator('main [role="status"]').textContent()).toBe(fr["evaluation.target.removed"]);
    expect(await mainText(page)).toContain(fr["evaluation.target.none"]);
    await page.goto(url("/evaluation"));
    await settled(page);
    expect((await row.locator("td.num").nth(2).textContent())?.trim()).not.toBe("37");
    await context.close();
  });

  it("passes axe in French and English, and is photographed at 1280 and 390 px", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "evaluation@filet.test");
    await ensureLanguage(page, "fr");
    const pages = [
      ["/evaluation", "evaluation-dashboard"],
      ["/evaluation/indicators/pivot_activities?by=organization", "evaluation-indicator"],
    ] as const;
    for (const [path, shot] of pages) {
      await page.goto(url(path));
      await settled(page);
      await checkA11y(page, `${path} (fr)`);
      await screenshot(page, `${shot}-1280`);
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, `${shot}-390`);
      // At phone width the page itself does not scroll sideways (wide tables scroll in their box).
      const width = await page.evaluate(() => {
        const viewport = document.documentElement.clientWidth;
        // The outermost elements that stick out, for the failure message (a table box scrolling inside is fine).
        const sticksOut = (el: Element | null) => Boolean(el && el.getBoundingClientRect().right > viewport + 1);
        const wide = [...document.querySelectorAll("body *")]
          .filter((el) => sticksOut(el) && !sticksOut(el.parentElement) && !el.closest(".table-scroll"))
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join(".")}` : ""} (${Math.round(el.getBoundingClientRect().width)} px)`);
        return { document: document.documentElement.scrollWidth, viewport, wide };
      });
      expect.soft(width.document, `${path} at 390 px; too wide: ${width.wide.join(", ")}`).toBeLessThanOrEqual(width.viewport + 1);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    await switchLanguage(page);
    try {
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      for (const [path] of pages) {
        await page.goto(url(path));
        await settled(page);
        expect(await heading(page)).not.toBe("");
        await checkA11y(page, `${path} (en)`);
      }
    } finally {
      // evaluation@ keeps the language it chose: leave the shared demo account in French.
      await ensureLanguage(page, "fr");
    }
    await context.close();
  });
});
