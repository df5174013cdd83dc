import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
/** Hashing is costly: an absurdly long password is a denial-of-service attempt, not a password. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem =
  | "identity.password.tooShort"
  | "identity.password.tooLong"
  | "identity.password.common"
  | "identity.password.likeEmail";

let commonPasswords: Set<string> | null = null;
function isCommon(lowered: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return commonPasswords.has(lowered);
}

/**
 * NIST SP 800-63B style: length and a list of known-breached passwords, no composition rules.
 * Returns the i18n key of the first problem, or null when the password is acceptable.
 */
export function checkPasswordPolicy(password: string, options: { email?: string | null } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "identity.password.tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "identity.password.tooLong";
  const lowered = password.toLowerCase();
  if (isCommon(lowered)) return "identity.password.common";
  const email = options.email?.trim().toLowerCase();
  if (email && (lowered === email || lowered === email.split("@")[0])) return "identity.password.likeEmail";
  return null;
}

// argon2id (algorithm 2; the package's enum is a const enum, absent at run time) with the
// library defaults: 19 MiB, 2 passes, 1 lane — the OWASP minimum for argon2id.
const ARGON2ID = 2 as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH * 4) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/**
 * Spends the same time as a real check when there is no account (or no password yet), so the
 * answer's timing does not tell whether an address is registered.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("filet-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
