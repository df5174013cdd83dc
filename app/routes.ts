import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("locale", "routes/locale.tsx"),
  // Identity (accounts, sessions, MFA)
  route("login", "routes/login.tsx"),
  route("login/mfa", "routes/login.mfa.tsx"),
  route("logout", "routes/logout.tsx"),
  route("mfa/setup", "routes/mfa.setup.tsx"),
  route("invitation/:token", "routes/invitation.$token.tsx"),
  route("password/forgot", "routes/password.forgot.tsx"),
  route("password/reset/:token", "routes/password.reset.$token.tsx"),
  route("signup", "routes/signup.tsx"),
  route("signup/confirm/:token", "routes/signup.confirm.$token.tsx"),
  route("profile", "routes/profile.tsx"),
  // Administration
  route("admin", "routes/admin._index.tsx"),
  route("admin/table", "routes/admin.table.tsx"),
  route("admin/settings", "routes/admin.settings.tsx"),
  route("admin/tables", "routes/admin.tables.tsx"),
  route("admin/tables/new", "routes/admin.tables.new.tsx"),
  route("admin/tables/:partnershipId", "routes/admin.tables.$partnershipId.tsx"),
  route("admin/organizations", "routes/admin.organizations.tsx"),
  route("admin/organizations/new", "routes/admin.organizations.new.tsx"),
  route("admin/organizations/:organizationId", "routes/admin.organizations.$organizationId.tsx"),
  route("admin/organizations/:organizationId/sites/new", "routes/admin.organizations.$organizationId.sites.new.tsx"),
  route("admin/sites/:siteId", "routes/admin.sites.$siteId.tsx"),
  route("admin/people", "routes/admin.people.tsx"),
  route("admin/people/new", "routes/admin.people.new.tsx"),
  route("admin/people/:personId", "routes/admin.people.$personId.tsx"),
  route("admin/approvals", "routes/admin.approvals.tsx"),
  route("admin/audit", "routes/admin.audit.tsx"),
  route("admin/outbox", "routes/admin.outbox.tsx"),
  route("admin/outbox/:messageId", "routes/admin.outbox.$messageId.tsx"),
  // Pivot network: directory (bottin) — routes added by the directory work go in this block
  route("directory", "routes/directory.tsx"),
  route("directory/mine", "routes/directory.mine.tsx"),
  route("directory/stale", "routes/directory.stale.tsx"),
  route("directory/designations", "routes/directory.designations.tsx"),
  route("directory/designations/new", "routes/directory.designations.new.tsx"),
  route("directory/designations/:designationId", "routes/directory.designations.$designationId.tsx"),
  route("api/hsds/organizations", "routes/api.hsds.organizations.tsx"),
  // (directory block end)
  // "I have a doubt" pathway — pathway block
  route("pathway", "routes/pathway.tsx"),
  route("pathway/edit", "routes/pathway.edit.tsx"),
  route("pathway/versions", "routes/pathway.versions.tsx"),
  route("pathway/versions/compare", "routes/pathway.versions.compare.tsx"),
  route("pathway/versions/:versionId", "routes/pathway.versions.$versionId.tsx"),
  // (pathway block end)
  // Consultations — consultations block
  route("consultations", "routes/consultations.tsx"),
  route("consultations/new", "routes/consultations.new.tsx"),
  route("consultations/:consultationId", "routes/consultations.$consultationId.tsx"),
  // (consultations block end)
  // Pivot activities — activities block
  route("activities", "routes/activities.tsx"),
  route("activities/new", "routes/activities.new.tsx"),
  route("activities/:activityId", "routes/activities.$activityId.tsx"),
  // (activities block end)
  // Practice guide — guide block
  route("guide", "routes/guide.tsx"),
  route("guide/print", "routes/guide.print.tsx"),
  route("guide/pdf", "routes/guide.pdf.tsx"),
  route("guide/sections/new", "routes/guide.sections.new.tsx"),
  route("guide/sections/:sectionId", "routes/guide.sections.$sectionId.tsx"),
  route("guide/sections/:sectionId/edit", "routes/guide.sections.$sectionId.edit.tsx"),
  route("guide/sections/:sectionId/versions", "routes/guide.sections.$sectionId.versions.tsx"),
  route("guide/versions/compare", "routes/guide.versions.compare.tsx"),
  route("guide/versions/:versionId", "routes/guide.versions.$versionId.tsx"),
  // (guide block end)
  // Training — training block
  route("training", "routes/training.tsx"),
  route("training/sessions/new", "routes/training.sessions.new.tsx"),
  route("training/sessions/:sessionId", "routes/training.sessions.$sessionId.tsx"),
  route("training/availability", "routes/training.availability.tsx"),
  route("training/pairs", "routes/training.pairs.tsx"),
  route("training/register", "routes/training.register.tsx"),
  route("training/trainers/:trainerId", "routes/training.trainers.$trainerId.tsx"),
  // (training block end)
  route("*", "routes/$.tsx"),
] satisfies RouteConfig;
