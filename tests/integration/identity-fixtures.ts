import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Database } from "../../app/modules/db/client.server.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { organization, partnership } from "../../app/modules/governance/tables.ts";
import { hashPassword } from "../../app/modules/identity/password.server.ts";
import { account, type Role } from "../../app/modules/identity/tables.ts";
import { person, roleAssignment } from "../../app/modules/people/tables.ts";
import type { FiletContext } from "../../app/modules/context.ts";

export const PASSWORD = "correct horse battery staple";

export async function seedTable(db: Database, domains: { main?: string[]; twins?: string[] } = {}) {
  const slug = `t-${randomUUID().slice(0, 8)}`;
  const [table] = await db.insert(partnership).values({ slug, nameFr: `Table ${slug}`, nameEn: `Table ${slug}` }).returning({ id: partnership.id });
  const org = async (name: string, emailDomains: string[]) => {
    const [row] = await db
      .insert(organization)
      .values({ partnershipId: table!.id, type: "youth_protection", nameFr: name, nameEn: name, emailDomains })
      .returning({ id: organization.id });
    return row!.id;
  };
  return {
    partnershipId: table!.id,
    organizationId: await org(`Org A ${slug}`, domains.main ?? []),
    otherOrganizationId: await org(`Org B ${slug}`, domains.twins ?? []),
  };
}

let passwordHashCache: string | null = null;

export async function createAccount(
  db: Database,
  input: {
    email: string;
    partnershipId: string | null;
    organizationId: string | null;
    status?: "invited" | "pending_email" | "pending_approval" | "active" | "deactivated";
    roles?: Role[];
    withPassword?: boolean;
  },
): Promise<{ accountId: string; personId: string }> {
  passwordHashCache ??= await hashPassword(PASSWORD);
  const [p] = await db
    .insert(person)
    .values({ partnershipId: input.partnershipId, organizationId: input.organizationId, givenName: "Alex", familyName: "Tremblay", email: input.email })
    .returning({ id: person.id });
  const [a] = await db
    .insert(account)
    .values({
      personId: p!.id,
      email: input.email.toLowerCase(),
      status: input.status ?? "active",
      passwordHash: input.withPassword === false ? null : passwordHashCache,
    })
    .returning({ id: account.id });
  for (const role of input.roles ?? []) {
    await db.insert(roleAssignment).values({
      personId: p!.id,
      role,
      partnershipId: role === "platform_admin" ? null : input.partnershipId,
      organizationId: role === "platform_admin" || role === "table_coordinator" ? null : input.organizationId,
    });
  }
  return { accountId: a!.id, personId: p!.id };
}

export function uniqueEmail(prefix = "user", domain = "example.org"): string {
  return `${prefix}.${randomUUID().slice(0, 8)}@${domain}`;
}

export async function emailsTo(db: Database, to: string) {
  return db
    .select({ subject: emailMessage.subject, text: emailMessage.textBody })
    .from(emailMessage)
    .where(eq(emailMessage.toAddress, to.toLowerCase()))
    .orderBy(desc(emailMessage.createdAt));
}

/** The token in the most recent email to `to` whose link contains `path`. */
export async function linkTokenFrom(db: Database, to: string, path: string): Promise<string> {
  for (const mail of await emailsTo(db, to)) {
    const match = mail.text.match(new RegExp(`${path.replace(/\//g, "\\/")}/([A-Za-z0-9_-]{43})`));
    if (match) return match[1]!;
  }
  throw new Error(`no ${path} link emailed to ${to}`);
}

export async function accountRow(db: Database, accountId: string) {
  const [row] = await db.select().from(account).where(eq(account.id, accountId));
  return row!;
}

export async function activeRoles(db: Database, personId: string) {
  return db.select({ role: roleAssignment.role, organizationId: roleAssignment.organizationId }).from(roleAssignment).where(eq(roleAssignment.personId, personId));
}

/** What a loader/action answered, whether it returned or threw, in one shape. */
export interface Outcome {
  status: number;
  location: string | null;
  setCookie: string | null;
  data: unknown;
}

type RouteFn = (args: never) => unknown;

export async function callRoute(
  fn: RouteFn,
  context: FiletContext,
  options: { path: string; method?: "GET" | "POST"; form?: Record<string, string>; cookie?: string | null; params?: Record<string, string>; userAgent?: string },
): Promise<Outcome> {
  const headers: Record<string, string> = { "user-agent": options.userAgent ?? "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" };
  if (options.cookie) headers.cookie = options.cookie;
  const request = new Request(`http://localhost:3000${options.path}`, {
    method: options.method ?? (options.form ? "POST" : "GET"),
    headers,
    body: options.form ? new URLSearchParams(options.form) : undefined,
  });
  let result: unknown;
  try {
    result = await (fn as (args: unknown) => unknown)({ request, params: options.params ?? {}, context });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("location"), setCookie: result.headers.get("set-cookie"), data: null };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = result as { data: unknown; init?: { status?: number; headers?: HeadersInit } | null };
    const h = new Headers(init?.headers ?? {});
    return { status: init?.status ?? 200, location: h.get("location"), setCookie: h.get("set-cookie"), data };
  }
  if (result instanceof Error) throw result;
  return { status: 200, location: null, setCookie: null, data: result };
}

/** "filet_session=<token>" from a Set-Cookie header (test contexts are not production). */
export function sessionCookie(setCookie: string | null): string {
  const match = setCookie?.match(/filet_session=([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no session cookie in ${setCookie}`);
  return `filet_session=${match[1]}`;
}

export function tokenOf(cookie: string): string {
  return cookie.split("=")[1]!;
}
