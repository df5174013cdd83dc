import { data, redirect, type AppLoadContext } from "react-router";
import { z } from "zod";
import { canGrant } from "../authz/decide.ts";
import { actorOf, notFound } from "../authz/guard.server.ts";
import { fieldErrors, formValues, optionalId, requiredId, versionField } from "../forms/fields.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { isIdentityError, NotFoundError } from "../identity/errors.ts";
import { invitePerson } from "../identity/invite-person.server.ts";
import { deactivateAccount, reactivateAccount } from "../identity/manage-account.server.ts";
import { canManageAccountOf } from "./account-guard.ts";
import { getPerson, personInScope, type PersonDetail } from "./get-person.server.ts";
import { grantRole } from "./grant-role.server.ts";
import type { OrganizationScope } from "./person-scope.ts";
import { personFormOptions } from "./person-form-options.server.ts";
import { personSchema } from "./person-schema.ts";
import { revokeRole } from "./revoke-role.server.ts";
import { assignmentScope, isRole, roles } from "./role-scope.ts";
import { updatePerson } from "./save-person.server.ts";

interface PageArgs {
  request: Request;
  context: AppLoadContext;
  user: CurrentUser;
  partnershipId: string;
  organizationIds: OrganizationScope;
  personId: string;
}

/** Roles this reader could grant to this person in at least one organization they may name. */
function grantableRoles(user: CurrentUser, detail: PersonDetail, partnershipId: string, organizationIds: readonly (string | null)[]) {
  return roles.filter((role) =>
    organizationIds.some((organizationId) => {
      const scope = assignmentScope(role, { partnershipId, organizationId, personOrganizationId: detail.person.organizationId });
      return scope !== "organization_required" && canGrant(user.roles, role, scope);
    }),
  );
}

export async function loadPersonPage({ context, user, partnershipId, organizationIds, personId }: Omit<PageArgs, "request">) {
  const detail = await getPerson(context.db, { partnershipId, organizationIds, personId });
  if (!detail) notFound();
  const options = await personFormOptions(context.db, { partnershipId, organizationIds });
  const orgChoices = [null, ...options.organizations.map((o) => o.id)];
  const activeRoles = detail.roles.filter((r) => !r.revokedAt);
  return {
    detail,
    options,
    grantable: grantableRoles(user, detail, partnershipId, orgChoices),
    revocable: activeRoles
      .filter((r) => canGrant(user.roles, r.role, { partnershipId: r.partnershipId, organizationId: r.organizationId }))
      .map((r) => r.id),
    canManageAccount: detail.account?.id !== user.accountId && canManageAccountOf(user.roles, activeRoles),
  };
}

export type PersonPanel = "profile" | "roles" | "account";

function refuse(panel: PersonPanel, formError: string, status = 400, extra: Record<string, unknown> = {}) {
  return data({ panel, formError, errors: {} as Record<string, string[] | undefined>, values: undefined, ...extra }, { status });
}

const grantSchema = z.object({ role: z.string().refine(isRole, "form.required"), organizationId: optionalId });
const revokeSchema = z.object({ assignmentId: requiredId });

const grantMessages = {
  forbidden: "admin.roles.forbidden",
  organization_required: "admin.roles.organizationRequired",
  organization_invalid: "form.invalid",
} as const;

/** One POST of the person page: its `intent` says which panel's form was sent. */
export async function handlePersonAction(args: PageArgs) {
  const { request, context, user, partnershipId, organizationIds, personId } = args;
  const db = context.db;
  // Outside the reader's scope the answer is 404 whatever was submitted.
  if (!(await personInScope(db, { partnershipId, organizationIds, personId }))) notFound();
  const actor = actorOf(user, context);
  const values = formValues(await request.formData(), ["languages"]);
  const back = (notice: string) => redirect(`/admin/people/${personId}?notice=${notice}`);
  switch (values.intent) {
    case "save": {
      const parsed = personSchema.safeParse(values);
      const version = versionField.safeParse(values.version);
      if (!parsed.success || !version.success) {
        return data({ panel: "profile", formError: null, errors: parsed.success ? {} : fieldErrors(parsed.error), values }, { status: 400 });
      }
      const result = await updatePerson(db, actor, { ...parsed.data, partnershipId, organizationIds, personId, version: version.data });
      if (result.ok) return back("saved");
      if ("errors" in result) return data({ panel: "profile", formError: null, errors: result.errors, values }, { status: 400 });
      if (result.error === "not_found") notFound();
      return data({ panel: "profile", formError: "form.conflict", errors: {}, values }, { status: 409 });
    }
    case "grant": {
      const parsed = grantSchema.safeParse(values);
      if (!parsed.success || !isRole(parsed.data.role)) return refuse("roles", "admin.roles.chooseRole");
      const result = await grantRole(db, actor, {
        granterRoles: user.roles,
        partnershipId,
        organizationIds,
        personId,
        role: parsed.data.role,
        organizationId: parsed.data.organizationId,
      });
      if (result === "not_found") notFound();
      if (result === "ok" || result === "already_held") return back("granted");
      return refuse("roles", grantMessages[result], result === "forbidden" ? 403 : 400);
    }
    case "revoke": {
      const parsed = revokeSchema.safeParse(values);
      if (!parsed.success) notFound();
      const result = await revokeRole(db, actor, { granterRoles: user.roles, partnershipId, organizationIds, personId, assignmentId: parsed.data.assignmentId });
      if (result === "not_found") notFound();
      if (result === "forbidden") return refuse("roles", "admin.roles.forbidden", 403);
      if (result === "own_admin_role") return refuse("roles", "admin.roles.ownAdminRole");
      return back("revoked");
    }
    case "invite":
    case "deactivate":
    case "reactivate":
      return accountAction(args, values.intent, values, back);
    default:
      return refuse("profile", "form.invalid");
  }
}

async function accountAction(
  args: PageArgs,
  intent: "invite" | "deactivate" | "reactivate",
  values: Record<string, string | string[]>,
  back: (notice: string) => Response,
) {
  const { context, user, partnershipId, organizationIds, personId } = args;
  const page = await loadPersonPage(args);
  if (!page.canManageAccount) return refuse("account", "admin.account.forbidden", 403);
  const { detail } = page;
  const actor = actorOf(user, context);
  try {
    if (intent === "invite") {
      if (!detail.person.email) return refuse("account", "admin.account.emailMissing");
      const languages = detail.person.languages;
      await invitePerson(context.db, actor, {
        personId,
        partnershipId,
        email: detail.person.email,
        locale: languages.includes("fr") || !languages.includes("en") ? "fr" : "en",
        publicUrl: context.config.publicUrl,
      });
      return back("invited");
    }
    if (!detail.account) notFound();
    if (intent === "deactivate" && values.confirm !== "yes") return refuse("account", "admin.account.confirmRequired");
    const fn = intent === "deactivate" ? deactivateAccount : reactivateAccount;
    await fn(context.db, actor, { accountId: detail.account.id, partnershipId, organizationIds: organizationIds === "all" ? "all" : [...organizationIds] });
    return back(intent === "deactivate" ? "deactivated" : "reactivated");
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (isIdentityError(error)) return refuse("account", error.messageKey);
    throw error;
  }
}
