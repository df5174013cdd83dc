import { and, eq } from "drizzle-orm";
import { recordAuditEvent } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { consumeAccountToken, findUsableToken } from "./account-tokens.server.ts";
import { accountActor, type IdentityContext } from "./identity-context.ts";
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from "./password.server.ts";
import { account } from "./tables.ts";
import { person } from "../people/tables.ts";

/** Who a still-valid invitation is for, or null (unknown, used, expired, account no longer invited). */
export async function findInvitation(db: Database, token: string, now = new Date()): Promise<{ email: string; givenName: string } | null> {
  const found = await findUsableToken(db, "invitation", token, now);
  if (!found) return null;
  const [row] = await db
    .select({ email: account.email, givenName: person.givenName })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(and(eq(account.id, found.accountId), eq(account.status, "invited")))
    .limit(1);
  return row ?? null;
}

export type AcceptInvitationResult = { ok: true } | { ok: false; error: "invalid_token" } | { ok: false; error: PasswordProblem };

/** Sets the first password and activates the account; the link works once. */
export async function acceptInvitation(
  context: IdentityContext,
  input: { token: string; password: string; now?: Date },
): Promise<AcceptInvitationResult> {
  const now = input.now ?? new Date();
  const invitation = await findInvitation(context.db, input.token, now);
  if (!invitation) return { ok: false, error: "invalid_token" };
  const problem = checkPasswordPolicy(input.password, { email: invitation.email });
  if (problem) return { ok: false, error: problem };
  const passwordHash = await hashPassword(input.password);
  return context.db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, "invitation", input.token, now);
    if (!used) return { ok: false, error: "invalid_token" } as const;
    const [activated] = await tx
      .update(account)
      .set({ passwordHash, status: "active", updatedAt: now })
      .where(and(eq(account.id, used.accountId), eq(account.status, "invited")))
      .returning({ id: account.id, personId: account.personId });
    if (!activated) {
      // Deactivated meanwhile: the token stays used, nothing else changes.
      return { ok: false, error: "invalid_token" } as const;
    }
    const [who] = await tx
      .select({ partnershipId: person.partnershipId, organizationId: person.organizationId })
      .from(person)
      .where(eq(person.id, activated.personId));
    await recordAuditEvent(tx, accountActor(context, { accountId: activated.id, partnershipId: who?.partnershipId ?? null, organizationId: who?.organizationId ?? null }), {
      action: "account.invitation_accepted",
      targetType: "account",
      targetId: activated.id,
    });
    return { ok: true } as const;
  });
}
