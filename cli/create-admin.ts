import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent, systemActor } from "../app/modules/audit/record-audit-event.server.ts";
import { account } from "../app/modules/identity/tables.ts";
import { person, roleAssignment } from "../app/modules/people/tables.ts";
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from "../app/modules/identity/password.server.ts";
import { CliError } from "./cli-error.ts";
import { describeDatabase, loadConfig, withDatabase } from "./commands.ts";
import { promptHidden } from "./prompt.ts";

const passwordProblems: Record<PasswordProblem, string> = {
  "identity.password.tooShort": "the password must have at least 12 characters",
  "identity.password.tooLong": "the password is too long (256 characters at most)",
  "identity.password.common": "this password is in the list of common passwords: choose another",
  "identity.password.likeEmail": "the password must not be the email address",
};

const inputSchema = z.object({
  email: z.email({ message: "--email: expected an email address" }).transform((v) => v.trim().toLowerCase()),
  givenName: z.string().trim().min(1, "--given-name: required").max(100),
  familyName: z.string().trim().min(1, "--family-name: required").max(100),
});

async function readPassword(): Promise<string> {
  const fromEnv = process.env.FILET_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CliError("No password: set FILET_ADMIN_PASSWORD, or run the command in a terminal to type it.");
  }
  const first = await promptHidden("Password (at least 12 characters): ");
  const second = await promptHidden("Same password again: ");
  if (first !== second) throw new CliError("The two passwords differ: nothing was created.");
  return first;
}

/** The first administrator of an installation (or another one): active at once, MFA set up at first sign-in. */
export async function createAdminCommand(options: { email: string; givenName: string; familyName: string }): Promise<void> {
  const config = loadConfig();
  const parsed = inputSchema.safeParse(options);
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join("\n"));
  const { email, givenName, familyName } = parsed.data;
  const password = await readPassword();
  const problem = checkPasswordPolicy(password, { email });
  if (problem) throw new CliError(`Password refused: ${passwordProblems[problem]}.`);
  const passwordHash = await hashPassword(password);

  const accountId = await withDatabase(config, ({ db }) =>
    db.transaction(async (tx) => {
      const taken = await tx.select({ id: account.id }).from(account).where(eq(account.email, email)).limit(1);
      if (taken.length) throw new CliError(`An account with the email ${email} already exists: nothing was created.`);
      const [created] = await tx
        .insert(person)
        .values({ partnershipId: null, givenName, familyName, email, title: "" })
        .returning({ id: person.id });
      const [row] = await tx
        .insert(account)
        .values({ personId: created!.id, email, passwordHash, status: "active", approvedAt: new Date() })
        .returning({ id: account.id });
      await tx.insert(roleAssignment).values({ personId: created!.id, role: "platform_admin" });
      await recordAuditEvent(tx, systemActor("cli"), {
        action: "account.admin_created",
        targetType: "account",
        targetId: row!.id,
        details: { email, role: "platform_admin" },
      });
      return row!.id;
    }),
  );
  console.log(`Platform administrator ${email} created (account ${accountId}) in the ${describeDatabase(config)}.`);
  console.log("Sign in with this address; a second factor (TOTP) is set up at the first sign-in.");
}
