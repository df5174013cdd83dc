import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { readUpload, uploadTooLarge } from "../../app/modules/files/read-upload.server.ts";
import { fileDownloadResponse, getFile, listFiles, storeFile } from "../../app/modules/files/stored-files.server.ts";
import { pdfOnly } from "../../app/modules/files/file-types.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { createPartnership } from "../support/fixtures.ts";

const tinyPdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function formWith(file: File): FormData {
  const form = new FormData();
  form.set("document", file);
  return form;
}

describe("uploaded documents", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("accepts a PDF judged by its bytes and cleans its name", async () => {
    const result = await readUpload(formWith(new File([tinyPdf], "../../Entente signée 2026.pdf", { type: "text/html" })), "document", pdfOnly);
    expect(result).toEqual({ ok: true, upload: { fileName: "Entente signée 2026.pdf", mediaType: "application/pdf", bytes: tinyPdf } });
  });

  it("refuses a file whose bytes are not an accepted type, whatever its name says", async () => {
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    expect(await readUpload(formWith(new File([html], "entente.pdf", { type: "application/pdf" })), "document", pdfOnly)).toEqual({ ok: false, error: "wrong_type" });
  });

  it("refuses a file over the limit and a missing file", async () => {
    const big = new Uint8Array(2048);
    big.set(tinyPdf);
    expect(await readUpload(formWith(new File([big], "a.pdf")), "document", pdfOnly, 1024)).toEqual({ ok: false, error: "too_large" });
    expect(await readUpload(new FormData(), "document", pdfOnly)).toEqual({ ok: false, error: "missing" });
    const request = new Request("http://x/", { method: "POST", headers: { "content-length": String(50 * 1024 * 1024) } });
    expect(uploadTooLarge(request)).toBe(true);
  });

  it("stores bytes intact and serves them only for their own record and Table", async () => {
    const partnershipId = await createPartnership(handle.db);
    const other = await createPartnership(handle.db);
    const owner = { partnershipId, ownerType: "commitment", ownerId: randomUUID() };
    const stored = await storeFile(handle.db, owner, { fileName: "a.pdf", mediaType: "application/pdf", bytes: tinyPdf }, null);
    expect(stored.byteSize).toBe(tinyPdf.byteLength);
    expect((await listFiles(handle.db, owner)).map((f) => f.id)).toEqual([stored.id]);
    const file = await getFile(handle.db, owner, stored.id);
    expect(Buffer.from(file!.content).equals(Buffer.from(tinyPdf))).toBe(true);
    expect(await getFile(handle.db, { ...owner, partnershipId: other }, stored.id)).toBeNull();
    expect(await getFile(handle.db, { ...owner, ownerId: randomUUID() }, stored.id)).toBeNull();
    const response = fileDownloadResponse(file!);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
