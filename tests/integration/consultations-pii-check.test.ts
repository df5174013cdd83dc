import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** `npx filet pii-check` as an evaluator runs it: text on stdin, JSON on stdout. */
function piiCheck(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // No database or configuration is needed: a bad DATABASE_URL must not matter.
    const child = spawn(process.execPath, ["bin/filet.js", "pii-check"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "not a url", FILET_DATA_DIR: "/nonexistent/filet" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("filet pii-check", () => {
  it("prints the findings of stdin as a JSON array and exits 0", async () => {
    const text = "Elle m'a donné son numéro, 418 555-0199, et sa carte TREJ 0912 3456. Née le 12 mars 2011.";
    const { code, stdout } = await piiCheck(text);
    expect(code).toBe(0);
    const findings = JSON.parse(stdout) as { kind: string; start: number; end: number; text: string }[];
    expect(findings.map((f) => f.kind)).toEqual(["phone", "health_insurance_number", "date_of_birth"]);
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(["end", "kind", "start", "text"]);
      expect(text.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it("prints [] for ordinary text, in English too, with accents and line breaks", async () => {
    const { code, stdout } = await piiCheck("A 14-year-old boy mentions an adult offering him money.\nÉlève de secondaire 3, inquiétude générale.\n");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it("counts offsets in UTF-16 code units, like the browser", async () => {
    const text = "😀 écrire à lili@exemple.ca";
    const { stdout } = await piiCheck(text);
    const [email] = JSON.parse(stdout) as { start: number; end: number; text: string }[];
    expect(text.slice(email!.start, email!.end)).toBe("lili@exemple.ca");
  });
});
