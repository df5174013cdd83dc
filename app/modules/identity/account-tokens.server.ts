import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { hashToken } from "./session.server.ts";
import { accountToken, tokenKinds } from "./tables.ts";

export type TokenKind = (typeof tokenKinds)[number];

const HOUR = 3600_000;
export const TOKEN_TTL_MS: Record<TokenKind, number> = {
  invitation: 72 * HOUR,
  password_reset: 1 * HOUR,
  email_confirmation: 24 * HOUR,
};

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Issues a single-use emailed link token (32 random bytes) and invalidates the account's
 * earlier unused tokens of the same kind: only the latest link works. Only its SHA-256 is kept.
 */
export async function issueAccountToken(
  tx: Database,
  input: { kind: TokenKind; accountId: string; createdBy: string | null; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  await tx
    .update(accountToken)
    .set({ expiresAt: now })
    .where(
      and(
        eq(accountToken.accountId, input.accountId),
        eq(accountToken.kind, input.kind),
        isNull(accountToken.usedAt),
        gt(accountToken.expiresAt, now),
      ),
    );
  const token = randomBytes(32).toString("base64url");
  await tx.insert(accountToken).values({
    kind: input.kind,
    tokenHash: hashToken(token),
    accountId: input.accountId,
    createdBy: input.createdBy,
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[input.kind]),
  });
  return token;
}

function usable(kind: TokenKind, token: string, now: Date) {
  return and(
    eq(accountToken.tokenHash, hashToken(token)),
    eq(accountToken.kind, kind),
    isNull(accountToken.usedAt),
    gt(accountToken.expiresAt, now),
  );
}

/** The account a still-valid token opens, without using it (for showing the form). */
export async function findUsableToken(db: Database, kind: TokenKind, token: string, now = new Date()): Promise<{ accountId: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db.select({ accountId: accountToken.accountId }).from(accountToken).where(usable(kind, token, now)).limit(1);
  return row ?? null;
}

/**
 * Uses the token. The conditional UPDATE is the single-use guarantee: of two concurrent
 * submissions, exactly one gets the row back.
 */
export async function consumeAccountToken(tx: Database, kind: TokenKind, token: string, now = new Date()): Promise<{ accountId: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await tx
    .update(accountToken)
    .set({ usedAt: now })
    .where(usable(kind, token, now))
    .returning({ accountId: accountToken.accountId });
  return row ?? null;
}

/** Ends every pending link of an account (deactivation, password change). */
export async function expireAccountTokens(tx: Database, accountId: string, now = new Date()): Promise<void> {
  await tx
    .update(accountToken)
    .set({ expiresAt: now })
    .where(and(eq(accountToken.accountId, accountId), isNull(accountToken.usedAt), gt(accountToken.expiresAt, now)));
}
