/**
 * The Table's public contact (coordonnées de la Table), shown in every page's footer and in the
 * privacy notice and accessibility statement. Stored in partnership.settings.contact (jsonb):
 * what someone stored there is read defensively, anything else reads as "none".
 */
export interface TableContact {
  email: string;
  phone: string;
}

export function tableContactOf(settings: Record<string, unknown> | null | undefined): TableContact {
  const raw = settings?.contact;
  const contact = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 200) : "");
  return { email: text(contact.email), phone: text(contact.phone) };
}

/** The signed-in person's Table, as every page's footer names it. */
export interface TableFooter extends TableContact {
  nameFr: string;
  nameEn: string;
}
