import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.server.ts";

describe("configuration", () => {
  it("defaults to the development posture when NODE_ENV is unset", () => {
    const config = parseConfig({});
    expect(config.isProduction).toBe(false);
    expect(config.NODE_ENV).toBe("development");
    expect(config.databaseKind).toBe("pglite");
  });

  it("takes the posture from FILET_ENV, the operator's NODE_ENV kept by bin/filet.js", () => {
    // bin/filet.js sets NODE_ENV=production for React's build and keeps the operator's in FILET_ENV.
    expect(parseConfig({ NODE_ENV: "production", FILET_ENV: "development" }).isProduction).toBe(false);
    expect(parseConfig({ NODE_ENV: "production", FILET_ENV: "test" }).NODE_ENV).toBe("test");
    expect(() => parseConfig({ NODE_ENV: "production", FILET_ENV: "production" })).toThrow(/FILET_SECRET_KEY/);
  });

  it("names the variable and the expected form of a wrong value", () => {
    try {
      parseConfig({ PORT: "eighty" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join("\n")).toMatch(/PORT="eighty": expected a port number/);
    }
    expect(() => parseConfig({ FILET_ENV: "staging" })).toThrow(/NODE_ENV="staging"|expected "development", "production" or "test"/);
  });
});
