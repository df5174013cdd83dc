import { data, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/profile";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { actorOf, guard } from "../../modules/authz/guard.server.ts";
import { authenticated } from "../../modules/authz/policy.ts";
import { listActiveSessions, revokeOtherSessions } from "../../modules/identity/account-sessions.server.ts";
import { disableMfa, regenerateRecoveryCodes } from "../../modules/identity/manage-mfa.server.ts";
import { changePassword, getProfile, updateProfile } from "../../modules/identity/profile.server.ts";
import { versionField } from "../../modules/forms/fields.ts";
import { conflictReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { newPasswordForm, passwordField, shownErrors } from "../../modules/identity/route-helpers.server.ts";
import { DetailsSection, MfaSection, PasswordSection, SessionsSection, type ProfileActionData } from "../../components/identity/profile-sections.tsx";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "identity.profile.title");

export const policy = authenticated;

/** The details form is an edit: a save from a stale version answers 409 and the page reloads. */
export const shouldRevalidate = revalidateAfterConflict;

const text = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, "form.invalid"));
const detailsForm = z.object({
  givenName: text(100).pipe(z.string().min(1, "form.required")),
  familyName: text(100).pipe(z.string().min(1, "form.required")),
  title: text(150),
  phone: text(40),
  locale: z.enum(["fr", "en"], { message: "form.invalid" }),
  version: versionField,
});
const passwordForm = z.object({ currentPassword: passwordField }).and(newPasswordForm);
const confirmForms = {
  "mfa-disable": z.object({ disablePassword: passwordField }),
  "recovery-codes": z.object({ codesPassword: passwordField }),
};

export async function loader(args: Route.LoaderArgs) {
  const user = (await guard(args, policy))!;
  const profile = await getProfile(args.context.db, user.accountId);
  if (!profile) throw data({ message: "not_found" }, { status: 404 });
  const sessions = await listActiveSessions(args.context.db, user.accountId, user.sessionIdHash);
  return {
    profile,
    // The session hashes stay on the server.
    sessions: sessions.map(({ idHash: _hash, ...s }, index) => ({ ...s, key: String(index) })),
    mfaRequired: user.mfaRequired,
    canDisableMfa: !user.mfaRequired || args.context.demoMode,
  };
}

export async function action(args: Route.ActionArgs): Promise<ProfileActionData | ReturnType<typeof data<ProfileActionData>>> {
  const user = (await guard(args, policy))!;
  const actor = actorOf(user, args.context);
  const read = await readForm(args.request);
  const intent = read.values.intent;
  const bad = (intent: ProfileActionData["intent"], errors: Record<string, string[]>, status = 400) =>
    data<ProfileActionData>({ intent, errors }, { status });
  const isIntent = (value: unknown): value is ProfileActionData["intent"] =>
    value === "details" || value === "password" || value === "mfa-disable" || value === "recovery-codes" || value === "revoke-others";
  if (!isIntent(intent)) throw data({ message: "bad_request" }, { status: 400 });
  if (!read.ok) return bad(intent, shownErrors(read.errors));

  switch (intent) {
    case "details": {
      const parsed = parseValues(read, detailsForm);
      if (!parsed.ok) return bad("details", shownErrors(parsed.errors));
      const outcome = await updateProfile(args.context.db, actor, { ...parsed.data, accountId: user.accountId, personId: user.personId });
      if (outcome === "conflict") return conflictReply<ProfileActionData>({ intent: "details" });
      return { intent: "details", ok: true };
    }
    case "password": {
      const parsed = parseValues(read, passwordForm);
      if (!parsed.ok) return bad("password", shownErrors(parsed.errors));
      const result = await changePassword(args.context, actor, {
        accountId: user.accountId,
        email: user.email,
        currentPassword: parsed.data.currentPassword,
        newPassword: parsed.data.password,
        keepSessionIdHash: user.sessionIdHash,
      });
      if (!result.ok) return bad("password", { [result.field === "newPassword" ? "password" : "currentPassword"]: [result.error] });
      return { intent: "password", ok: true };
    }
    case "mfa-disable":
    case "recovery-codes": {
      const field = intent === "mfa-disable" ? "disablePassword" : "codesPassword";
      const parsed = parseValues(read, confirmForms[intent]);
      if (!parsed.ok) return bad(intent, shownErrors(parsed.errors));
      const password = "disablePassword" in parsed.data ? parsed.data.disablePassword : parsed.data.codesPassword;
      const input = { accountId: user.accountId, password };
      const result =
        intent === "mfa-disable"
          ? await disableMfa(args.context, actor, { ...input, mfaRequired: user.mfaRequired })
          : await regenerateRecoveryCodes(args.context, actor, input);
      if (!result.ok) {
        return result.error.startsWith("identity.reauth")
          ? bad(intent, { [field]: [result.error] })
          : data<ProfileActionData>({ intent, formError: result.error }, { status: 400 });
      }
      return { intent, ok: true, codes: "codes" in result ? (result.codes as string[]) : undefined };
    }
    case "revoke-others": {
      const count = await revokeOtherSessions(args.context.db, actor, { accountId: user.accountId, keepIdHash: user.sessionIdHash });
      return { intent: "revoke-others", ok: true, count };
    }
  }
}

export default function ProfilePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const result = actionData as ProfileActionData | undefined;
  const { profile, sessions, mfaRequired, canDisableMfa } = loaderData;
  return (
    <>
      <h1>{t("identity.profile.title")}</h1>
      <DetailsSection profile={profile} result={result?.intent === "details" ? result : undefined} />
      <PasswordSection email={profile.email} result={result?.intent === "password" ? result : undefined} />
      <MfaSection
        mfaEnabled={profile.mfaEnabled}
        recoveryCodesLeft={profile.recoveryCodesLeft}
        mfaRequired={mfaRequired}
        canDisable={canDisableMfa}
        result={result?.intent === "mfa-disable" || result?.intent === "recovery-codes" ? result : undefined}
      />
      <SessionsSection sessions={sessions} result={result?.intent === "revoke-others" ? result : undefined} />
      <p>
        <Link to="/profile/sso">{t("sso.profile.menu")}</Link>
      </p>
    </>
  );
}
