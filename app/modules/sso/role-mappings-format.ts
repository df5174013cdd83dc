// Apart from provider-schema.ts: the edit page renders this in the browser, and that module's
// top-level Zod schemas would follow it into the client bundle.

/** The rules as the edit form shows them: "value = role", one per line (parseRoleMappings reads them back). */
export function formatRoleMappings(rules: readonly { value: string; role: string }[]): string {
  return rules.map((r) => `${r.value} = ${r.role}`).join("\n");
}
