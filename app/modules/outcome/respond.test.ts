import { describe, expect, it } from "vitest";
import { notFound } from "../authz/guard.server.ts";
import { conflictReply, invalidReply } from "../forms/read-form.server.ts";
import { conflict, invalid, invalidFields, map, missing, ok, refusal, type Outcome } from "./outcome.ts";
import { found, replyTo, respond, valueOf } from "./respond.server.ts";

type Answer = { data: unknown; init: { status?: number } | null };

function thrown(run: () => unknown): Answer {
  try {
    run();
  } catch (e) {
    return e as Answer;
  }
  throw new Error("nothing thrown");
}

describe("respond", () => {
  it("gives the value to the ok handler", () => {
    expect(respond(ok(3), (n) => n + 1)).toBe(4);
    expect(respond(ok(), () => "done")).toBe("done");
  });

  it("answers not_found exactly like notFound(): 404, the same body as a missing record", () => {
    const viaOutcome = thrown(() => respond(missing(), () => "never", { body: { intent: "x" } }));
    const direct = thrown(() => notFound());
    expect(viaOutcome.init?.status).toBe(404);
    expect(viaOutcome).toEqual(direct);
    expect(viaOutcome.data).toEqual({ message: "not_found" });
  });

  it("answers conflict like conflictReply: 409, form.conflict, the form's own fields", () => {
    const reply = respond(conflict(), () => null, { body: { intent: "grant", values: { a: "1" } }, conflict: { values: undefined } }) as Answer;
    const reference = conflictReply({ intent: "grant", values: undefined }) as unknown as Answer;
    expect(reply.init?.status).toBe(409);
    expect(reply.data).toEqual(reference.data);
    expect((respond(conflict({ version: 4 }), () => null) as Answer).data).toEqual({ errors: {}, formError: "form.conflict", current: { version: 4 } });
  });

  it("answers invalid like invalidReply: 400 with the field errors and the summary", () => {
    const values = { title: "" };
    const reply = replyTo(invalidFields({ title: ["form.required"] }, "form.errors"), { body: { values } }) as unknown as Answer;
    expect(reply.init?.status).toBe(400);
    expect(reply.data).toEqual((invalidReply({ title: ["form.required"] }, values) as unknown as Answer).data);
    // One field: no summary unless the route asks for its message as the summary.
    expect((replyTo(invalid("year", "actionPlan.plan.yearTaken")) as unknown as Answer).data).toEqual({ errors: { year: ["actionPlan.plan.yearTaken"] } });
    expect((replyTo(invalid("year", "actionPlan.plan.yearTaken"), { summary: "first-error" }) as unknown as Answer).data).toEqual({
      errors: { year: ["actionPlan.plan.yearTaken"] },
      formError: "actionPlan.plan.yearTaken",
    });
  });

  it("answers a refusal with the status the route gives its reason (409 unless told)", () => {
    const closed = refusal("meetings.close.minutesMissing", { items: 2 });
    expect(replyTo(closed) as unknown as Answer).toMatchObject({ init: { status: 409 }, data: { errors: {}, formError: "meetings.close.minutesMissing", vars: { items: 2 } } });
    expect((replyTo(closed, { refused: 400 }) as unknown as Answer).init?.status).toBe(400);
    expect((replyTo(refusal("handover.unchecked"), { refused: { "handover.unchecked": 400 } }) as unknown as Answer).init?.status).toBe(400);
    const custom = replyTo(refusal("x"), { refused: () => invalidReply({}, {}, "custom") as never }) as unknown as Answer;
    expect(custom.data).toMatchObject({ formError: "custom" });
  });

  it("valueOf and found: the value, or the 404 of a missing record", () => {
    expect(valueOf(ok("v"))).toBe("v");
    expect(thrown(() => valueOf(missing())).init?.status).toBe(404);
    expect(() => valueOf(conflict() as Outcome<string>)).toThrow(/unexpected/);
    expect(found(0)).toBe(0);
    expect(thrown(() => found(null)).data).toEqual({ message: "not_found" });
  });

  it("map keeps a failure and maps a value", () => {
    expect(map(ok(2), (n) => n * 2)).toEqual(ok(4));
    expect(map(missing() as Outcome<number>, (n) => n * 2)).toEqual(missing());
  });
});
