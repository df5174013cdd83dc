import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import type { IdentityContext } from "./identity-context.ts";
import { expireAccountTokens } from "./account-tokens.server.ts";
import { countUnusedRecoveryCodes } from "./mfa.server.ts";
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from "./password.server.ts";
import { confirmCurrentPassword } from "./reauth.server.ts";
import { account, session } from "./tables.ts";
import { person } from "../people/tables.ts";

export interface Profile {
  email: string;
  givenName: string;
  familyName: string;
  title: string;
  phone: string;
  locale: "fr" | "en";
  version: number;
  mfaEnabled: boolean;
  recoveryCodesLeft: number;
}

export async function getProfile(db: Database, accountId: string): Promise<Profile | null> {
  const [row] = await db
    .select({
      email: account.email,
      givenName: person.givenName,
      familyName: person.familyName,
      title: person.title,
      phone: person.phone,
      locale: account.locale,
      version: person.version,
      mfaEnabledAt: account.mfaEnabledAt,
    })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(eq(account.id, accountId))
    .limit(1);
  if (!row) return null;
  const { mfaEnabledAt, locale, ...rest } = row;
  return {
    ...rest,
    locale: locale === "en" ? "en" : "fr",
    mfaEnabled: !!mfaEnabledAt,
    recoveryCodesLeft: mfaEnabledAt ? await countUnusedRecoveryCodes(db, accountId) : 0,
  };
}

export interface ProfileInput {
  givenName: string;
  familyName: string;
  title: string;
  phone: string;
  locale: "fr" | "en";
  version: number;
}

/** Edits the person's own record; `version` guards against a lost update from another tab. */
export async function updateProfile(
  db: Database,
  actor: AuditActor,
  input: ProfileInput & { accountId: string; personId: string },
): Promise<"saved" | "conflict"> {
  const now = new Date();
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(person)
      .set({
        givenName: input.givenName,
        familyName: input.familyName,
        title: input.title,
        phone: input.phone,
        version: sql`${person.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(person.id, input.personId), eq(person.version, input.version)))
      .returning({ id: person.id });
    if (!updated.length) return "conflict" as const;
    await tx.update(account).set({ locale: input.locale, updatedAt: now }).where(eq(account.id, input.accountId));
    await recordAuditEvent(tx, actor, {
      action: "profile.updated",
      targetType: "person",
      targetId: input.personId,
      details: { fields: ["givenName", "familyName", "title", "phone", "locale"] },
    });
    return "saved" as const;
  });
}

export type ChangePasswordResult =
  | { ok: true; otherSessionsEnded: number }
  | { ok: false; field: "currentPassword"; error: "identity.reauth.invalid" | "identity.reauth.throttled"; retryAfterMinutes?: number }
  | { ok: false; field: "newPassword"; error: PasswordProblem };

/** The current password is required; every other session of the account ends. */
export async function changePassword(
  context: IdentityContext,
  actor: AuditActor,
  input: { accountId: string; email: string; currentPassword: string; newPassword: string; keepSessionIdHash: string; now?: Date },
): Promise<ChangePasswordResult> {
  const problem = checkPasswordPolicy(input.newPassword, { email: input.email });
  if (problem) return { ok: false, field: "newPassword", error: problem };
  const reauth = await confirmCurrentPassword(context, actor, { accountId: input.accountId, password: input.currentPassword, now: input.now });
  if (!reauth.ok) return { ok: false, field: "currentPassword", error: reauth.error, retryAfterMinutes: reauth.retryAfterMinutes };
  const passwordHash = await hashPassword(input.newPassword);
  const now = input.now ?? new Date();
  return context.db.transaction(async (tx) => {
    await tx.update(account).set({ passwordHash, updatedAt: now }).where(eq(account.id, input.accountId));
    const ended = await tx
      .update(session)
      .set({ revokedAt: now })
      .where(and(eq(session.accountId, input.accountId), isNull(session.revokedAt), ne(session.idHash, input.keepSessionIdHash)))
      .returning({ idHash: session.idHash });
    // A reset link requested before the change must not undo it.
    await expireAccountTokens(tx, input.accountId, now);
    await recordAuditEvent(tx, actor, { action: "account.password_changed", targetType: "account", targetId: input.accountId, details: { otherSessionsEnded: ended.length } });
    return { ok: true, otherSessionsEnded: ended.length } as const;
  });
}
