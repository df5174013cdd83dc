import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

/**
 * One folder per section under app/routes/<section>/, each with a layout route (_layout.tsx):
 * it sends the section's messages and draws the section's navigation once. URLs are unchanged.
 */
export default [
  index("routes/home.tsx"),
  route("locale", "routes/locale.tsx"),
  // Privacy notice and accessibility statement (every footer links them)
  layout("routes/about/_layout.tsx", [
    route("privacy", "routes/about/privacy.tsx"),
    route("accessibility", "routes/about/accessibility.tsx"),
  ]),
  // Identity: accounts, sessions, MFA
  layout("routes/identity/_layout.tsx", [
    route("login", "routes/identity/login.tsx"),
    route("login/mfa", "routes/identity/login.mfa.tsx"),
    route("logout", "routes/identity/logout.tsx"),
    route("mfa/setup", "routes/identity/mfa.setup.tsx"),
    route("invitation/:token", "routes/identity/invitation.$token.tsx"),
    route("password/forgot", "routes/identity/password.forgot.tsx"),
    route("password/reset/:token", "routes/identity/password.reset.$token.tsx"),
    route("signup", "routes/identity/signup.tsx"),
    route("signup/confirm/:token", "routes/identity/signup.confirm.$token.tsx"),
    route("profile", "routes/identity/profile.tsx"),
  ]),
  // Administration
  layout("routes/admin/_layout.tsx", [
    route("admin", "routes/admin/_index.tsx"),
    route("admin/table", "routes/admin/table.tsx"),
    route("admin/settings", "routes/admin/settings.tsx"),
    route("admin/tables", "routes/admin/tables.tsx"),
    route("admin/tables/new", "routes/admin/tables.new.tsx"),
    route("admin/tables/:partnershipId", "routes/admin/tables.$partnershipId.tsx"),
    route("admin/organizations", "routes/admin/organizations.tsx"),
    route("admin/organizations/new", "routes/admin/organizations.new.tsx"),
    route("admin/organizations/:organizationId", "routes/admin/organizations.$organizationId.tsx"),
    route("admin/organizations/:organizationId/sites/new", "routes/admin/organizations.$organizationId.sites.new.tsx"),
    route("admin/sites/:siteId", "routes/admin/sites.$siteId.tsx"),
    route("admin/people", "routes/admin/people.tsx"),
    route("admin/people/new", "routes/admin/people.new.tsx"),
    route("admin/people/:personId", "routes/admin/people.$personId.tsx"),
    route("admin/approvals", "routes/admin/approvals.tsx"),
    route("admin/audit", "routes/admin/audit.tsx"),
    route("admin/audit.csv", "routes/admin/audit.csv.tsx"),
    route("admin/outbox", "routes/admin/outbox.tsx"),
    route("admin/outbox/:messageId", "routes/admin/outbox.$messageId.tsx"),
  ]),
  // Pivot network: directory (bottin)
  layout("routes/directory/_layout.tsx", [
    route("directory", "routes/directory/_index.tsx"),
    route("directory/mine", "routes/directory/mine.tsx"),
    route("directory/stale", "routes/directory/stale.tsx"),
    route("directory/designations", "routes/directory/designations.tsx"),
    route("directory/designations/new", "routes/directory/designations.new.tsx"),
    route("directory/designations/:designationId", "routes/directory/designations.$designationId.tsx"),
  ]),
  // Open Referral (HSDS) API — a resource route, no layout
  route("api/hsds/organizations", "routes/api/hsds.organizations.tsx"),
  route("api/people", "routes/api/people.tsx"),
  // "I have a doubt" pathway (parcours)
  layout("routes/pathway/_layout.tsx", [
    route("pathway", "routes/pathway/_index.tsx"),
    route("pathway/edit", "routes/pathway/edit.tsx"),
    route("pathway/versions", "routes/pathway/versions.tsx"),
    route("pathway/versions/compare", "routes/pathway/versions.compare.tsx"),
    route("pathway/versions/:versionId", "routes/pathway/versions.$versionId.tsx"),
  ]),
  // Consultations
  layout("routes/consultations/_layout.tsx", [
    route("consultations", "routes/consultations/_index.tsx"),
    route("consultations/new", "routes/consultations/new.tsx"),
    route("consultations/:consultationId", "routes/consultations/$consultationId.tsx"),
  ]),
  // Pivot activities
  layout("routes/activities/_layout.tsx", [
    route("activities", "routes/activities/_index.tsx"),
    route("activities/new", "routes/activities/new.tsx"),
    route("activities/:activityId", "routes/activities/$activityId.tsx"),
  ]),
  // Practice guide
  layout("routes/guide/_layout.tsx", [
    route("guide", "routes/guide/_index.tsx"),
    route("guide/print", "routes/guide/print.tsx"),
    route("guide/pdf", "routes/guide/pdf.tsx"),
    route("guide/sections/new", "routes/guide/sections.new.tsx"),
    route("guide/sections/:sectionId", "routes/guide/sections.$sectionId.tsx"),
    route("guide/sections/:sectionId/edit", "routes/guide/sections.$sectionId.edit.tsx"),
    route("guide/sections/:sectionId/versions", "routes/guide/sections.$sectionId.versions.tsx"),
    route("guide/versions/compare", "routes/guide/versions.compare.tsx"),
    route("guide/versions/:versionId", "routes/guide/versions.$versionId.tsx"),
    route("guide/modules/:moduleId/edit", "routes/guide/modules.$moduleId.edit.tsx"),
    route("guide/sections/:sectionId/archive", "routes/guide/sections.$sectionId.archive.tsx"),
  ]),
  // Training: sessions, pairs, registration, evaluation, certificates
  layout("routes/training/_layout.tsx", [
    route("training", "routes/training/_index.tsx"),
    route("training/sessions/new", "routes/training/sessions.new.tsx"),
    route("training/sessions/:sessionId", "routes/training/sessions.$sessionId.tsx"),
    route("training/availability", "routes/training/availability.tsx"),
    route("training/pairs", "routes/training/pairs.tsx"),
    route("training/register", "routes/training/register.tsx"),
    route("training/nominate", "routes/training/nominate.tsx"),
    route("training/sessions/:sessionId/attendance", "routes/training/sessions.$sessionId.attendance.tsx"),
    route("training/trainers/:trainerId", "routes/training/trainers.$trainerId.tsx"),
    route("training/mine", "routes/training/mine.tsx"),
    route("training/programs/new", "routes/training/programs.new.tsx"),
    route("training/programs/:programId", "routes/training/programs.$programId.tsx"),
    route("training/questionnaires/:kind", "routes/training/questionnaires.$kind.tsx"),
    route("training/sessions/:sessionId/space", "routes/training/sessions.$sessionId.space.tsx"),
    route("training/sessions/:sessionId/documents/:fileId", "routes/training/sessions.$sessionId.documents.$fileId.tsx"),
    route("training/sessions/:sessionId/observation", "routes/training/sessions.$sessionId.observation.tsx"),
    route("training/sessions/:sessionId/evaluation", "routes/training/sessions.$sessionId.evaluation.tsx"),
    route("training/sessions/:sessionId/results", "routes/training/sessions.$sessionId.results.tsx"),
    route("training/sessions/:sessionId/certificate", "routes/training/sessions.$sessionId.certificate.tsx"),
    route("training/results", "routes/training/results.tsx"),
    route("training/stats", "routes/training/stats.tsx"),
    route("training/certificates", "routes/training/certificates.tsx"),
    route("certificates/verify", "routes/training/certificates.verify.tsx"),
  ]),
  // Partners: profiles, matrix, commitments
  layout("routes/partners/_layout.tsx", [
    route("partners", "routes/partners/_index.tsx"),
    route("partners/matrix", "routes/partners/matrix.tsx"),
    route("partners/matrix/print", "routes/partners/matrix.print.tsx"),
    route("partners/matrix/:organizationId", "routes/partners/matrix.$organizationId.tsx"),
    route("partners/commitments", "routes/partners/commitments.tsx"),
    route("partners/commitments/new", "routes/partners/commitments.new.tsx"),
    route("partners/commitments/text", "routes/partners/commitments.text.tsx"),
    route("partners/commitments/text/:versionId", "routes/partners/commitments.text.$versionId.tsx"),
    route("partners/commitments/:commitmentId", "routes/partners/commitments.$commitmentId.tsx"),
    route("partners/commitments/:commitmentId/document", "routes/partners/commitments.$commitmentId.document.tsx"),
    route("partners/:organizationId", "routes/partners/$organizationId.tsx"),
    route("partners/:organizationId/edit", "routes/partners/$organizationId.edit.tsx"),
    route("partners/:organizationId/delegates", "routes/partners/$organizationId.delegates.tsx"),
  ]),
  // Meetings and responsibilities
  layout("routes/meetings/_layout.tsx", [
    route("meetings", "routes/meetings/_index.tsx"),
    route("meetings/new", "routes/meetings/new.tsx"),
    route("meetings/decisions", "routes/meetings/decisions.tsx"),
    route("meetings/:meetingId", "routes/meetings/$meetingId.tsx"),
    route("meetings/:meetingId/edit", "routes/meetings/$meetingId.edit.tsx"),
    route("meetings/:meetingId/ics", "routes/meetings/$meetingId.ics.tsx"),
    route("meetings/:meetingId/pdf", "routes/meetings/$meetingId.pdf.tsx"),
    route("meetings/:meetingId/files/:fileId", "routes/meetings/$meetingId.files.$fileId.tsx"),
    route("responsibilities", "routes/meetings/responsibilities.tsx"),
    route("responsibilities/mine", "routes/meetings/responsibilities.mine.tsx"),
    route("responsibilities/new", "routes/meetings/responsibilities.new.tsx"),
    route("responsibilities/:responsibilityId", "routes/meetings/responsibilities.$responsibilityId.tsx"),
  ]),
  // The Table: hub, action plan, funding, handover, announcements
  layout("routes/table/_layout.tsx", [
    route("action-plan", "routes/table/action-plan.tsx"),
    route("action-plan/:year", "routes/table/action-plan.$year.tsx"),
    route("action-plan/:year/timeline", "routes/table/action-plan.$year.timeline.tsx"),
    route("action-plan/:year/report", "routes/table/action-plan.$year.report.tsx"),
    route("action-plan/:year/report/pdf", "routes/table/action-plan.$year.report.pdf.tsx"),
    route("funding", "routes/table/funding.tsx"),
    route("funding/new", "routes/table/funding.new.tsx"),
    route("funding/:grantId", "routes/table/funding.$grantId.tsx"),
    route("funding/:grantId/files/:fileId", "routes/table/funding.$grantId.files.$fileId.tsx"),
    route("handover", "routes/table/handover.tsx"),
    route("announcements", "routes/table/announcements.tsx"),
    route("announcements/new", "routes/table/announcements.new.tsx"),
    route("announcements/:announcementId", "routes/table/announcements.$announcementId.tsx"),
    route("table", "routes/table/_index.tsx"),
  ]),
  // Evaluation of the implementation: indicators dashboard and exports, evaluation reports
  layout("routes/evaluation/_layout.tsx", [
    // evaluation: indicators (dashboard, targets, exports)
    route("evaluation", "routes/evaluation/_index.tsx"),
    route("evaluation/chart.svg", "routes/evaluation/chart.svg.tsx"),
    route("evaluation/report.pdf", "routes/evaluation/report.pdf.tsx"),
    route("evaluation/export.csv", "routes/evaluation/export.csv.tsx"),
    route("evaluation/export.xlsx", "routes/evaluation/export.xlsx.tsx"),
    route("evaluation/indicators/:code", "routes/evaluation/indicators.$code.tsx"),
    route("evaluation/indicators/:code/table.csv", "routes/evaluation/indicators.$code.csv.tsx"),
    route("evaluation/indicators/:code/table.xlsx", "routes/evaluation/indicators.$code.xlsx.tsx"),
    // evaluation: reports and recommendations
    route("evaluation/reports", "routes/evaluation/reports.tsx"),
    route("evaluation/reports/new", "routes/evaluation/reports.new.tsx"),
    route("evaluation/reports/:reportId", "routes/evaluation/reports.$reportId.tsx"),
    route("evaluation/reports/:reportId/pdf", "routes/evaluation/reports.$reportId.pdf.tsx"),
    route("evaluation/recommendations/:recommendationId", "routes/evaluation/recommendations.$recommendationId.tsx"),
  ]),
  // Aggregate statistics per period (issue 13 §2): data sets, entry, review, completeness
  layout("routes/statistics/_layout.tsx", [
    route("statistics", "routes/statistics/_index.tsx"),
    route("statistics/data-sets", "routes/statistics/data-sets.tsx"),
    route("statistics/data-sets/:dataSetId", "routes/statistics/data-sets.$dataSetId.tsx"),
    route("statistics/categories", "routes/statistics/categories.tsx"),
    route("statistics/entry/:dataSetId/:organizationId/:period", "routes/statistics/entry.$dataSetId.$organizationId.$period.tsx"),
    route("statistics/reports/:reportId", "routes/statistics/reports.$reportId.tsx"),
    route("statistics/completeness", "routes/statistics/completeness.tsx"),
  ]),
  route("*", "routes/$.tsx"),
] satisfies RouteConfig;
