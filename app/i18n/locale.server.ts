import { defaultLocale, isLocale, type Locale } from "./types.ts";

export const LOCALE_COOKIE = "filet_lang";

/** The signed-in user's stored preference wins, then the language cookie, then French. */
export function resolveLocale(request: Request, userLocale?: string | null): Locale {
  if (isLocale(userLocale)) return userLocale;
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(/(?:^|;\s*)filet_lang=(fr|en)(?:;|$)/);
  return match && isLocale(match[1]) ? match[1] : defaultLocale;
}

export function localeCookie(locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}
