import { translator } from "../../i18n/catalog.ts";
import type { Locale } from "../../i18n/types.ts";
import type { Database } from "../db/client.server.ts";
import { getTableFooter } from "../governance/get-table-footer.server.ts";
import type { PdfContext } from "./pdf-document.server.ts";

/** The Table's name in the reader's language and a translator: what each PDF route passes on. */
export async function pdfContext(db: Database, partnershipId: string, locale: Locale): Promise<PdfContext> {
  const table = await getTableFooter(db, partnershipId);
  return { tableName: (locale === "en" ? table?.nameEn : table?.nameFr) ?? "Filet", locale, t: translator(locale) };
}
