import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { surveysCases } from "../forms/cases/surveys.ts";
import { createBody, openHarness, submitCase, type Harness } from "../forms/harness.ts";

/**
 * An answer by a single-use link is one record per link, so the forms harness treats it as an
 * action; its form still carries a submission key, and the same submission sent again (a double
 * click, a retry, 20 at once) lands on the thanks page — never on "this link was used" (410).
 */
const answerCase = surveysCases["routes/surveys/answer.$token.tsx"]![0]!;

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("answering a survey, replayed", () => {
  it("20 parallel identical answers all land on the thanks page, one response stored", async () => {
    const url = await answerCase.url(h.demo);
    const body = await createBody(h, answerCase, 1, randomUUID());
    const answers = await Promise.all(Array.from({ length: 20 }, () => submitCase(h, answerCase, body, url)));
    expect(answers.map((a) => `${a.status} ${a.location}`)).toEqual(Array.from({ length: 20 }, () => `302 ${url}?thanks=1`));
    const again = await submitCase(h, answerCase, body, url);
    expect(`${again.status} ${again.location}`).toBe(`302 ${url}?thanks=1`);
    // Another submission (a new key) on the used link: refused as used.
    const other = await submitCase(h, answerCase, await createBody(h, answerCase, 2), url);
    expect(other.status).toBe(410);
  });
});
