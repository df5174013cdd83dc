import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm, readForm } from "./read-form.server.ts";
import { optionalDate, optionalInt, requiredText } from "./fields.ts";

const post = (body: BodyInit, contentType: string | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/x", {
    method: "POST",
    body,
    headers: { ...(contentType ? { "content-type": contentType } : {}), ...headers },
    // Node needs this for a streamed body.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) p.append(k, item);
  return post(p.toString(), "application/x-www-form-urlencoded");
};

async function statusOf(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (thrown) {
    return (thrown as { init?: { status?: number } }).init?.status ?? -1;
  }
}

describe("readForm", () => {
  it("reads a form with its repeated fields", async () => {
    const read = await readForm(form({ title: "Réunion", tags: ["a", "b"] }), { arrays: ["tags", "empty"] });
    expect(read).toMatchObject({ ok: true, values: { title: "Réunion", tags: ["a", "b"], empty: [] } });
  });

  it("refuses bodies no form sends: JSON, text, none, broken multipart → 415/400", async () => {
    expect(await statusOf(readForm(post('{"a":1}', "application/json")))).toBe(415);
    expect(await statusOf(readForm(post("a=1", "text/plain")))).toBe(415);
    expect(await statusOf(readForm(post("a=1", null)))).toBe(415);
    expect(await statusOf(readForm(post("--x\r\nbroken", "multipart/form-data; boundary=x")))).toBe(400);
    expect(await statusOf(readForm(post("a=1", "multipart/form-data")))).toBe(400);
  });

  it("refuses a body over the limit, announced or streamed, without reading it all", async () => {
    const big = "a=" + "x".repeat(1024 * 1024 + 10);
    expect(await statusOf(readForm(post(big, "application/x-www-form-urlencoded")))).toBe(413);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(97));
      },
    });
    expect(await statusOf(readForm(post(endless, "application/x-www-form-urlencoded")))).toBe(413);
    expect(pulled).toBeLessThan(40);
    // The refusal says which language to answer in.
    try {
      await readForm(post(big, "application/x-www-form-urlencoded", { cookie: "filet_lang=en" }));
    } catch (thrown) {
      expect((thrown as { data: unknown }).data).toEqual({ problem: "too_large", locale: "en" });
    }
  });

  it("turns NUL, lone surrogates, repeated single fields and files into field errors, values kept printable", async () => {
    const read = await readForm(form({ title: "a\u0000b", note: "ok", kind: ["x", "y"] }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual({ title: ["form.badCharacters"], kind: ["form.oneValue"] });
    expect(read.values.title).toBe("a\uFFFDb");
    const fd = new FormData();
    fd.append("title", new File(["x"], "x.txt"));
    const withFile = await readForm(new Request("http://localhost:3000/x", { method: "POST", body: fd }));
    expect(withFile.ok).toBe(false);
  });

  it("drops field names no form has, __proto__ included", async () => {
    const read = await readForm(form({ __proto__: "x", "a b": "y", ok: "z" }));
    expect(read).toMatchObject({ ok: true, values: { ok: "z" } });
    if (read.ok) expect(Object.keys(read.values)).toEqual(["ok"]);
  });
});

describe("parseForm and the field building blocks", () => {
  const schema = z.object({ title: requiredText(10), day: optionalDate, count: optionalInt(0, 1000) });

  it("answers 400 with field errors for impossible dates and numbers out of range", async () => {
    const bad = await parseForm(form({ title: "", day: "9999-99-99", count: "99999999999999999999" }), schema);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toMatchObject({ title: ["form.required"], day: ["form.invalidDate"], count: ["form.invalidNumber"] });
    expect(bad.reply.init?.status).toBe(400);
    const good = await parseForm(form({ title: "Oui", day: "2026-12-23", count: "12" }), schema);
    expect(good).toMatchObject({ ok: true, data: { title: "Oui", day: "2026-12-23", count: 12 } });
  });
});
