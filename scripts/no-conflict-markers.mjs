// A merge conflict once landed in docs/PERFORMANCE.md unseen: no compiler reads Markdown.
// Fails the lint when any tracked file holds a conflict marker line.
import { execFileSync } from "node:child_process";

let hits = "";
try {
  hits = execFileSync("git", ["grep", "-n", "-I", "-E", "^(<{7}|>{7})( |$)", "--", "."], {
    encoding: "utf8",
  });
} catch (error) {
  // git grep exits 1 when nothing matches; anything else is a real failure.
  if (error.status !== 1) throw error;
}
if (hits.trim()) {
  console.error("Merge conflict markers found:\n" + hits);
  process.exit(1);
}
