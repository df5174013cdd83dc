import { describe, expect, it } from "vitest";
import { dispatchIntent, intentOf } from "./dispatch-intent.ts";

describe("dispatchIntent", () => {
  const handlers = { save: (n: number) => `save ${n}`, remove: async (n: number) => `remove ${n}` };

  it("runs the handler of the intent", async () => {
    expect(await dispatchIntent("save", handlers, 1, () => "unknown")).toBe("save 1");
    expect(await dispatchIntent("remove", handlers, 2, () => "unknown")).toBe("remove 2");
  });

  it("answers unknown for any other intent, the object's own properties included", async () => {
    for (const intent of ["", "constructor", "__proto__", "toString", "hasOwnProperty", "Save"]) {
      expect(await dispatchIntent(intent, handlers, 0, () => "unknown")).toBe("unknown");
    }
  });

  it("reads the intent field as a string only", () => {
    expect(intentOf({ intent: "save" })).toBe("save");
    expect(intentOf({ intent: ["a", "b"] })).toBe("");
    expect(intentOf({})).toBe("");
  });
});
