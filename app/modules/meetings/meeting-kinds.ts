import { builtInMeetingKinds, type CustomMeetingKind } from "./vocabulary.ts";

/** A stable key from the French label ("Comité des communications" → "custom_comite_des_communications"). */
export function kindKey(labelFr: string): string {
  const slug = labelFr
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  return `custom_${slug || "kind"}`;
}

/** Trusts only well-formed entries of a stored jsonb value. */
export function parseMeetingKinds(value: unknown): CustomMeetingKind[] {
  if (!Array.isArray(value)) return [];
  const out: CustomMeetingKind[] = [];
  for (const v of value) {
    if (!v || typeof v !== "object") continue;
    const { key, labelFr, labelEn } = v as Record<string, unknown>;
    if (typeof key === "string" && /^custom_[a-z0-9_]+$/.test(key) && typeof labelFr === "string" && typeof labelEn === "string") {
      if (!out.some((k) => k.key === key)) out.push({ key, labelFr, labelEn });
    }
  }
  return out.slice(0, 20);
}

/** The settings text area: one kind per line, "Libellé français | English label". */
export function meetingKindsFromText(text: string): CustomMeetingKind[] {
  const kinds = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [fr = "", en = ""] = line.split("|").map((p) => p.trim().slice(0, 80));
      return { key: kindKey(fr), labelFr: fr, labelEn: en || fr };
    })
    .filter((k) => k.labelFr !== "");
  return parseMeetingKinds(kinds);
}

export function meetingKindsToText(kinds: readonly CustomMeetingKind[]): string {
  return kinds.map((k) => `${k.labelFr} | ${k.labelEn}`).join("\n");
}

/** Every kind a Table offers, built-in first. */
export function allMeetingKinds(custom: readonly CustomMeetingKind[]): string[] {
  return [...builtInMeetingKinds, ...custom.map((k) => k.key)];
}
