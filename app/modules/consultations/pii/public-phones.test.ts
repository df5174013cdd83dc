import { describe, expect, it } from "vitest";
import { findIdentifyingDetails } from "./find-identifying-details.ts";
import { helpLines } from "./help-lines.ts";
import { phoneKey } from "./phone-key.ts";

const phonesIn = (text: string, publicPhones?: ReadonlySet<string>) =>
  findIdentifyingDetails(text, publicPhones).filter((f) => f.kind === "phone").map((f) => f.text);

describe("phone numbers compared by their digits", () => {
  it.each([
    ["418 555-0100", "4185550100"],
    ["(418) 555-0100", "4185550100"],
    ["418.555.0100", "4185550100"],
    ["+1 418 555-0100", "4185550100"],
    ["1-418-555-0100", "4185550100"],
    ["418 555-0100 poste 234", "4185550100"],
    ["418 555-0100, ext. 12", "4185550100"],
    ["418-555-0100 x12", "4185550100"],
    ["811", "811"],
  ])("%j reads as %j", (raw, key) => {
    expect(phoneKey(raw)).toBe(key);
  });
});

describe("the guard lets public numbers through", () => {
  it("passes every help line of the maintained list, in the ways people write them", () => {
    const text =
      "Elle peut appeler Tel-jeunes au 1 800 263-2266 ou texter au 514 600-1002, Jeunesse, J'écoute au 1-800-668-6868 " +
      "(texto 686868), Info-Social 811, le 1 866 APPELLE (1 866 277-3553) ou le 988. En cas de danger : 911.";
    expect(findIdentifyingDetails(text)).toEqual([]);
    for (const line of helpLines) expect(phonesIn(`Appelez le ${line.number}.`), line.name).toEqual([]);
  });

  it("passes Kids Help Phone and the trafficking hotline in English, spelled with +1 and dots", () => {
    expect(findIdentifyingDetails("Call Kids Help Phone at +1 800.668.6868 or the hotline (833) 900-1010.")).toEqual([]);
  });

  it("passes the Table's numbers and its directory's when they are given, in another spelling", () => {
    const table = new Set(["8005550199", "4185550110", "4185550111"]);
    expect(phonesIn("Appelez la DPJ au 1-800-555-0199 ou moi au (418) 555.0111 poste 3; la Table : 418 555 0110.", table)).toEqual([]);
  });

  it("still catches a youth's phone written in the same message", () => {
    const table = new Set(["8005550199"]);
    const text = "Appelez la DPJ au 1 800 555-0199 et Tel-jeunes au 1 800 263-2266; la jeune répond au 581 555-0177.";
    expect(phonesIn(text, table)).toEqual(["581 555-0177"]);
  });

  it("flags a number the Table does not publish, even one of another Table", () => {
    expect(phonesIn("Son cell : 418 555-0120", new Set(["4185550110"]))).toEqual(["418 555-0120"]);
    expect(phonesIn("Appelez la DPJ au 1 800 555-0199")).toEqual(["1 800 555-0199"]);
  });

  it("keeps catching everything else written next to a public number", () => {
    const kinds = findIdentifyingDetails("Tel-jeunes 1 800 263-2266; son snap est @lili_qc, née le 12 mars 2011.").map((f) => f.kind);
    expect(kinds).toEqual(["social_handle", "date_of_birth"]);
  });
});
