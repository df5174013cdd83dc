import { data, redirect, type AppLoadContext } from "react-router";
import { z } from "zod";
import { canGrant } from "../authz/decide.ts";
import { actorOf, notFound } from "../authz/guard.server.ts";
import { optionalId, optionalText, requiredId, versionField, type FieldErrorMap, type FormValues } from "../forms/fields.ts";
import { conflictReply, parseValues, readForm } from "../forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../forms/submit-once.server.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { AccountStateError, isIdentityError, NotFoundError } from "../identity/errors.ts";
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
import type { Reindex } from "../governance/reindex.ts";
import type { RoleEffects } from "./role-effects.ts";

interface PageArgs {
  request: Request;
  context: AppLoadContext;
  user: CurrentUser;
  partnershipId: string;
  organizationIds: OrganizationScope;
  personId: string;
  /** The directory's refresh of its search text (a name changed). */
  reindex: Reindex;
  /** What follows a role change (the partners' delegate terms). */
  roleEffects: RoleEffects;
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

export async function loadPersonPage({ context, user, partnershipId, organizationIds, personId }: Omit<PageArgs, "request" | "reindex" | "roleEffects">) {
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
  return data({ panel, formError, errors: {} as FieldErrorMap, values: undefined as FormValues | undefined, ...extra }, { status });
}

const intents = ["save", "grant", "revoke", "invite", "deactivate", "reactivate"] as const;
type Intent = (typeof intents)[number];
const panelOf = (intent: unknown): PersonPanel =>
  intent === "grant" || intent === "revoke" ? "roles" : intent === "invite" || intent === "deactivate" || intent === "reactivate" ? "account" : "profile";

const saveSchema = personSchema.and(z.object({ version: versionField }));
const grantSchema = z.object({ role: z.string().refine(isRole, "form.required"), organizationId: optionalId });
const revokeSchema = z.object({ assignmentId: requiredId });
const confirmSchema = z.object({ confirm: optionalText(10) });

const grantMessages = {
  forbidden: "admin.roles.forbidden",
  organization_required: "admin.roles.organizationRequired",
  organization_invalid: "form.invalid",
} as const;

/** The form names of the page's create forms, for their submission keys. */
const GRANT_FORM = "admin.people.$personId:grant";
const INVITE_FORM = "admin.people.$personId:invite";

/** One POST of the person page: its `intent` says which panel's form was sent. */
export async function handlePersonAction(args: PageArgs) {
  const { request, context, user, partnershipId, organizationIds, personId } = args;
  const db = context.db;
  // Outside the reader's scope the answer is 404 whatever was submitted.
  if (!(await personInScope(db, { partnershipId, organizationIds, personId }))) notFound();
  const actor = actorOf(user, context);
  const read = await readForm(request, { arrays: ["languages"] });
  if (!read.ok) return refuse(panelOf(read.values.intent), "form.errors", 400, { errors: read.errors, values: read.values });
  const intent = intents.find((i) => i === read.values.intent);
  const back = (notice: string) => redirect(`/admin/people/${personId}?notice=${notice}`);
  switch (intent) {
    case "save": {
      const input = parseValues(read, saveSchema);
      if (!input.ok) return refuse("profile", "form.errors", 400, { errors: input.errors, values: input.values });
      const result = await updatePerson(db, actor, { ...input.data, partnershipId, organizationIds, personId }, args.reindex);
      if (result.ok) return back("saved");
      if ("errors" in result) return refuse("profile", "form.errors", 400, { errors: result.errors, values: read.values });
      if (result.error === "not_found") notFound();
      // Someone saved since the page was drawn: the page reloads and shows their version.
      return conflictReply({ panel: "profile" as const, values: undefined });
    }
    case "grant": {
      const input = parseValues(read, grantSchema);
      if (!input.ok || !isRole(input.data.role)) return refuse("roles", "admin.roles.chooseRole");
      const role = input.data.role;
      const submission = submissionOf(read.values, GRANT_FORM, user.accountId);
      if (!submission) return refuse("roles", "form.expired");
      const location = `/admin/people/${personId}?notice=granted`;
      const outcome = await submitOnce(db, submission, async (tx) => {
        const result = await grantRole(tx, actor, {
          granterRoles: user.roles,
          partnershipId,
          organizationIds,
          personId,
          role,
          organizationId: input.data.organizationId,
        }, args.roleEffects);
        return result === "ok" || result === "already_held" ? created(location) : refused(result);
      });
      if (outcome.created) return redirect(outcome.location);
      if (outcome.refused === "not_found") notFound();
      return refuse("roles", grantMessages[outcome.refused], outcome.refused === "forbidden" ? 403 : 400);
    }
    case "revoke": {
      const input = parseValues(read, revokeSchema);
      if (!input.ok) return refuse("roles", "form.invalid");
      const result = await revokeRole(db, actor, { granterRoles: user.roles, partnershipId, organizationIds, personId, assignmentId: input.data.assignmentId }, args.roleEffects);
      if (result === "not_found") notFound();
      if (result === "forbidden") return refuse("roles", "admin.roles.forbidden", 403);
      if (result === "own_admin_role") return refuse("roles", "admin.roles.ownAdminRole");
      return back("revoked");
    }
    case "invite":
    case "deactivate":
    case "reactivate": {
      const input = parseValues(read, confirmSchema);
      if (!input.ok) return refuse("account", "form.invalid");
      return accountAction(args, intent, { confirmed: input.data.confirm === "yes", values: read.values }, back);
    }
    default:
      return refuse(panelOf(read.values.intent), "form.invalid");
  }
}

async function accountAction(
  args: PageArgs,
  intent: Extract<Intent, "invite" | "deactivate" | "reactivate">,
  input: { confirmed: boolean; values: Record<string, string | string[]> },
  back: (notice: string) => Response,
) {
  const { context, user, partnershipId, organizationIds, personId } = args;
  const page = await loadPersonPage(args);
  if (!page.canManageAccount) return refuse("account", "admin.account.forbidden", 403);
  const { detail } = page;
  const actor = actorOf(user, context);
  try {
    if (intent === "invite") {
      const email = detail.person.email;
      if (!email) return refuse("account", "admin.account.emailMissing");
      const languages = detail.person.languages;
      const invite = (db: typeof context.db) =>
        invitePerson(db, actor, {
          personId,
          partnershipId,
          email,
          locale: languages.includes("fr") || !languages.includes("en") ? "fr" : "en",
          publicUrl: context.config.publicUrl,
        });
      // "Send again" is meant to be repeatable; a form that carries a submission key sends
      // one invitation per key (a double click does not send two).
      const submission = submissionOf(input.values, INVITE_FORM, user.accountId);
      if (submission) {
        const outcome = await submitOnce(context.db, submission, async (tx) => {
          await invite(tx);
          return created(`/admin/people/${personId}?notice=invited`);
        });
        if (outcome.created) return redirect(outcome.location);
      } else await invite(context.db);
      return back("invited");
    }
    if (!detail.account) notFound();
    if (intent === "deactivate" && !input.confirmed) return refuse("account", "admin.account.confirmRequired");
    const fn = intent === "deactivate" ? deactivateAccount : reactivateAccount;
    await fn(context.db, actor, { accountId: detail.account.id, partnershipId, organizationIds: organizationIds === "all" ? "all" : [...organizationIds] });
    return back(intent === "deactivate" ? "deactivated" : "reactivated");
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    // Pressed twice: the account is already where the first press put it.
    if (error instanceof AccountStateError) {
      if (intent === "deactivate" && error.status === "deactivated") return back("deactivated");
      if (intent === "reactivate" && (error.status === "active" || error.status === "invited")) return back("reactivated");
    }
    if (isIdentityError(error)) return refuse("account", error.messageKey);
    throw error;
  }
}
