import { translator, type MessageKey } from "../../i18n/catalog.ts";
import { isLocale, type Locale } from "../../i18n/types.ts";

export type IdentityEmailKind =
  | "invitation"
  | "passwordReset"
  | "signupConfirm"
  | "signupExisting"
  | "approvalRequest"
  | "signupApproved"
  | "signupRejected";

/**
 * Identity emails carry a notice and, where needed, a link: never a password, never
 * confidential content. Written in the recipient's language.
 */
export function identityEmail(
  kind: IdentityEmailKind,
  locale: string,
  vars: Record<string, string | number> = {},
): { subject: string; text: string } {
  const lang: Locale = isLocale(locale) ? locale : "fr";
  const t = translator(lang);
  const subject = t(`identity.email.${kind}.subject` as MessageKey, vars);
  const body = t(`identity.email.${kind}.body` as MessageKey, vars);
  const text = `${body}\n\n${t("identity.email.footer")}\n`;
  return { subject, text };
}
