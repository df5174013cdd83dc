import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { downloadResponse, sha256Hex } from "./download.server.ts";

describe("an export as a download", () => {
  it("sends a CSV as an attachment named in ASCII and in UTF-8, never cached", async () => {
    const response = downloadResponse("\uFEFFa,b\r\n", { filename: "Évaluation 2026 — «Table».csv", type: "csv" });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Evaluation 2026 - _Table_.csv"; filename*=UTF-8''%C3%89valuation%202026%20%E2%80%94%20%C2%ABTable%C2%BB.csv`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(Buffer.from("\uFEFFa,b\r\n")));
  });

  it("sends an XLSX with its type, adds the extension, and keeps quotes and slashes out of the name", () => {
    const response = downloadResponse(Buffer.from([1, 2, 3]), { filename: 'a"b/c', type: "xlsx" });
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="a_b-c.xlsx"; filename*=UTF-8''a%22b-c.xlsx`);
    expect(response.headers.get("content-length")).toBe("3");
  });

  it("hashes the bytes sent", () => {
    expect(sha256Hex("é")).toBe(createHash("sha256").update(Buffer.from("é", "utf8")).digest("hex"));
    expect(sha256Hex(Buffer.from([1, 2, 3]))).toBe(createHash("sha256").update(Buffer.from([1, 2, 3])).digest("hex"));
  });
});
