import type { MessageKey } from "../../../i18n/catalog.ts";
import { pageTitle } from "../../../i18n/page-title.ts";

export function consultationsTitle(matches: ReadonlyArray<unknown>, key: MessageKey): { title: string }[] {
  return pageTitle(matches, key);
}
