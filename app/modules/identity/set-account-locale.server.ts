import { eq } from "drizzle-orm";
import type { AppLoadContext } from "react-router";
import { recordAuditEvent } from "../audit/record-audit-event.server.ts";
import { actorOf } from "../authz/guard.server.ts";
import type { CurrentUser } from "./current-user.server.ts";
import { account } from "./tables.ts";
import type { Locale } from "../../i18n/types.ts";

export async function setAccountLocale(context: AppLoadContext, user: CurrentUser, locale: Locale): Promise<void> {
  if (user.locale === locale) return;
  await context.db.transaction(async (tx) => {
    await tx.update(account).set({ locale, updatedAt: new Date() }).where(eq(account.id, user.accountId));
    await recordAuditEvent(tx, actorOf(user, context), {
      action: "account.locale_changed",
      targetType: "account",
      targetId: user.accountId,
      details: { locale },
    });
  });
}
