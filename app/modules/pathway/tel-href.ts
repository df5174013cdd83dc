/** "418 555-0124, poste 2" → "+4185550124": what a phone dials from a tel: link. */
export function telHref(phone: string): string | null {
  const main = phone.split(/[,;]|\bposte\b|\bext\.?/i)[0] ?? "";
  const digits = main.replace(/[^\d+]/g, "");
  return digits.replace(/\+/g, "").length >= 3 ? `tel:${digits}` : null;
}
