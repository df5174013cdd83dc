/**
 * A phone number reduced to what identifies the line, so two spellings compare equal:
 * "(418) 555-0100 poste 12", "+1 418.555.0100" and "4185550100" are all "4185550100". The
 * extension is dropped (it reaches a desk of the same public line); a short number (811, 911)
 * keeps its digits. Letters of a vanity number ("1 866 APPELLE") are not read: the list gives
 * its digits.
 */
export function phoneKey(raw: string): string {
  const withoutExtension = raw.replace(/\s*(?:,\s*)?(?:poste|ext\.?|extension|x)\s*\d{1,5}\s*$/iu, "");
  const digits = withoutExtension.replace(/\D/g, "");
  return digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
}

/** Normalised numbers the guard lets through (help lines, the Table's numbers, its directory). */
export type PublicPhones = ReadonlySet<string>;
