import { and, asc, eq, sql } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Config } from "../config/config.server.ts";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";
import { clientSecretBox } from "./client-secret.server.ts";
import { forgetProviderConfiguration } from "./oidc-configuration.server.ts";
import type { ProviderEditInput, ProviderInput } from "./provider-schema.ts";
import { identityProvider } from "./tables.ts";

export interface ProviderRow {
  id: string;
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  issuer: string;
  clientId: string;
  emailDomains: string[];
  roleClaim: string;
  roleMappings: { value: string; role: string }[];
  defaultRole: string | null;
  autoCreate: boolean;
  ssoOnly: boolean;
  enabled: boolean;
  version: number;
  updatedAt: Date;
}

const columns = {
  id: identityProvider.id,
  organizationId: identityProvider.organizationId,
  organizationNameFr: organization.nameFr,
  organizationNameEn: organization.nameEn,
  issuer: identityProvider.issuer,
  clientId: identityProvider.clientId,
  emailDomains: identityProvider.emailDomains,
  roleClaim: identityProvider.roleClaim,
  roleMappings: identityProvider.roleMappings,
  defaultRole: identityProvider.defaultRole,
  autoCreate: identityProvider.autoCreate,
  ssoOnly: identityProvider.ssoOnly,
  enabled: identityProvider.enabled,
  version: identityProvider.version,
  updatedAt: identityProvider.updatedAt,
};

/** The providers of a Table's organizations (never the client secret). */
export async function listIdentityProviders(db: Database, input: { partnershipId: string }): Promise<ProviderRow[]> {
  return db
    .select(columns)
    .from(identityProvider)
    .innerJoin(organization, eq(organization.id, identityProvider.organizationId))
    .where(and(eq(identityProvider.partnershipId, input.partnershipId), eq(organization.partnershipId, input.partnershipId)))
    .orderBy(asc(organization.nameFr), asc(identityProvider.issuer));
}

export async function getIdentityProvider(db: Database, input: { partnershipId: string; providerId: string }): Promise<ProviderRow | null> {
  const [row] = await db
    .select(columns)
    .from(identityProvider)
    .innerJoin(organization, eq(organization.id, identityProvider.organizationId))
    .where(and(eq(identityProvider.id, input.providerId), eq(identityProvider.partnershipId, input.partnershipId), eq(organization.partnershipId, input.partnershipId)))
    .limit(1);
  return row ?? null;
}

async function organizationInTable(tx: Database, partnershipId: string, organizationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: organization.id })
    .from(organization)
    .where(and(eq(organization.id, organizationId), eq(organization.partnershipId, partnershipId)))
    .limit(1);
  return !!row;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** What the audit keeps of a provider: its settings, never the secret. */
function auditDetails(input: Omit<ProviderInput, "clientSecret">) {
  return {
    issuer: input.issuer,
    clientId: input.clientId,
    emailDomains: input.emailDomains,
    roleClaim: input.roleClaim,
    roleMappings: input.roleMappings,
    defaultRole: input.defaultRole,
    autoCreate: input.autoCreate,
    ssoOnly: input.ssoOnly,
    enabled: input.enabled,
  };
}

/** Registers a provider for an organization of the Table; the secret is sealed at once. */
export async function createIdentityProvider(
  db: Database,
  config: Pick<Config, "FILET_SECRET_KEY">,
  actor: AuditActor,
  input: ProviderInput & { partnershipId: string },
): Promise<Ok<{ id: string }> | NotFound | Invalid> {
  const { partnershipId, clientSecret, ...fields } = input;
  if (!(await organizationInTable(db, partnershipId, fields.organizationId))) return invalid("organizationId", "form.required");
  const id = crypto.randomUUID();
  try {
    return await db.transaction(async (tx) => {
      await tx.insert(identityProvider).values({ ...fields, id, partnershipId, clientSecretEnc: clientSecretBox(config).seal(clientSecret, id) });
      await recordAuditEvent(tx, actor, {
        action: "identity_provider.created",
        targetType: "identity_provider",
        targetId: id,
        partnershipId,
        organizationId: fields.organizationId,
        details: auditDetails(fields),
      });
      return ok({ id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid("issuer", "sso.provider.duplicate");
    throw error;
  }
}

/** Edits a provider (version checked); a non-empty secret replaces the stored one. */
export async function updateIdentityProvider(
  db: Database,
  config: Pick<Config, "FILET_SECRET_KEY">,
  actor: AuditActor,
  input: ProviderEditInput & { partnershipId: string; providerId: string; version: number },
): Promise<Ok | NotFound | Conflict | Invalid> {
  const { partnershipId, providerId, version, clientSecret, ...fields } = input;
  if (!(await organizationInTable(db, partnershipId, fields.organizationId))) return invalid("organizationId", "form.required");
  try {
    return await db.transaction(async (tx) => {
      const scope = and(eq(identityProvider.id, providerId), eq(identityProvider.partnershipId, partnershipId));
      const updated = await tx
        .update(identityProvider)
        .set({
          ...fields,
          ...(clientSecret ? { clientSecretEnc: clientSecretBox(config).seal(clientSecret, providerId) } : {}),
          version: sql`${identityProvider.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(scope, eq(identityProvider.version, version)))
        .returning({ id: identityProvider.id });
      if (!updated.length) {
        const exists = await tx.select({ id: identityProvider.id }).from(identityProvider).where(scope);
        return exists.length ? conflict() : missing();
      }
      await recordAuditEvent(tx, actor, {
        action: "identity_provider.updated",
        targetType: "identity_provider",
        targetId: providerId,
        partnershipId,
        organizationId: fields.organizationId,
        details: { ...auditDetails(fields), secretReplaced: !!clientSecret },
      });
      forgetProviderConfiguration(providerId);
      return ok();
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid("issuer", "sso.provider.duplicate");
    throw error;
  }
}
