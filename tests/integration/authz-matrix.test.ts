import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, fixtureRoles, signIn, type AuthzDataset, type FixtureRole, type RouteOutcome } from "../support/fixtures.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { queueEmail } from "../../app/modules/email/queue-email.server.ts";
// Create forms carry their submission key (SubmissionKey), as the pages send them.
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import * as adminHome from "../../app/routes/admin/_index.tsx";
import * as adminTable from "../../app/routes/admin/table.tsx";
import * as tables from "../../app/routes/admin/tables.tsx";
import * as tablesNew from "../../app/routes/admin/tables.new.tsx";
import * as tableEdit from "../../app/routes/admin/tables.$partnershipId.tsx";
import * as organizations from "../../app/routes/admin/organizations.tsx";
import * as organizationsNew from "../../app/routes/admin/organizations.new.tsx";
import * as organizationPage from "../../app/routes/admin/organizations.$organizationId.tsx";
import * as siteNew from "../../app/routes/admin/organizations.$organizationId.sites.new.tsx";
import * as sitePage from "../../app/routes/admin/sites.$siteId.tsx";
import * as people from "../../app/routes/admin/people.tsx";
import * as peopleNew from "../../app/routes/admin/people.new.tsx";
import * as personPage from "../../app/routes/admin/people.$personId.tsx";
import * as approvals from "../../app/routes/admin/approvals.tsx";
import * as audit from "../../app/routes/admin/audit.tsx";
import * as auditCsv from "../../app/routes/admin/audit.csv.tsx";
import * as outbox from "../../app/routes/admin/outbox.tsx";
import * as outboxMessage from "../../app/routes/admin/outbox.$messageId.tsx";
import * as privacyIncidents from "../../app/routes/privacy/incidents.tsx";
import * as privacyCounts from "../../app/routes/privacy/incidents.counts.tsx";
import * as privacyReads from "../../app/routes/privacy/reads.tsx";
import * as privacyAudit from "../../app/routes/privacy/audit.tsx";
import * as privacyAssessments from "../../app/routes/privacy/assessments.tsx";
import * as privacyCorrections from "../../app/routes/privacy/corrections.tsx";
import * as privacyMyData from "../../app/routes/privacy/my-data.tsx";
import * as privacyRetention from "../../app/routes/privacy/retention.tsx";
import * as identityProviders from "../../app/routes/admin/identity-providers.tsx";
import * as identityProvidersNew from "../../app/routes/admin/identity-providers.new.tsx";
import * as identityProviderPage from "../../app/routes/admin/identity-providers.$providerId.tsx";
import * as newsFeed from "../../app/routes/network/news._index.tsx";
import * as newsNew from "../../app/routes/network/news.new.tsx";
import * as statisticsResults from "../../app/routes/statistics/results.tsx";
import * as statisticsSetResults from "../../app/routes/statistics/data-sets.$dataSetId.results.tsx";
import * as statisticsResultsCsv from "../../app/routes/statistics/data-sets.$dataSetId.results.csv.tsx";
import * as statisticsResultsXlsx from "../../app/routes/statistics/data-sets.$dataSetId.results.xlsx.tsx";
import * as statisticsResultsChart from "../../app/routes/statistics/data-sets.$dataSetId.chart.svg.tsx";
import { statisticsDataElement, statisticsDataSet } from "../../app/modules/statistics/tables.ts";
import { createIdentityProvider } from "../../app/modules/sso/manage-identity-providers.server.ts";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import * as networkHome from "../../app/routes/network/_index.tsx";
import * as networkSearch from "../../app/routes/network/search.tsx";
import * as networkNotifications from "../../app/routes/network/notifications.tsx";
import * as networkModeration from "../../app/routes/network/moderation.tsx";
import * as networkSpacesNew from "../../app/routes/network/spaces.new.tsx";
import * as networkSpace from "../../app/routes/network/spaces.$spaceId.tsx";
import * as networkThread from "../../app/routes/network/threads.$threadId.tsx";
import * as networkSubject from "../../app/routes/network/subjects.$subjectType.$subjectId.tsx";
import { actionPlan, actionPlanAction, actionPlanObjective } from "../../app/modules/action-plan/tables.ts";
import * as networkPostEdit from "../../app/routes/network/posts.$postId.edit.tsx";
import * as networkPostHistory from "../../app/routes/network/posts.$postId.history.tsx";
import * as networkPostFile from "../../app/routes/network/posts.$postId.files.$fileId.tsx";
import * as networkProposals from "../../app/routes/network/proposals._index.tsx";
import * as networkProposalsNew from "../../app/routes/network/proposals.new.tsx";
import * as networkProposal from "../../app/routes/network/proposals.$proposalId.tsx";
import { forumPost, forumProposal, forumSpace } from "../../app/modules/forum/tables.ts";
import { storeFile } from "../../app/modules/files/stored-files.server.ts";
import { addDays, quebecDay } from "../../app/modules/time/days.ts";

/*
 * Signs in as each role and checks allow/deny on every administration route: deny is a 404
 * (exactly like a missing page), anonymous is sent to /login.
 */

type Subject = FixtureRole | "tableBCoordinator";
type Verdict = "allow" | "deny" | "login";
type Handler = Parameters<typeof callRoute>[0];

interface Case {
  name: string;
  handler: Handler;
  url: (d: AuthzDataset) => string;
  params?: (d: AuthzDataset) => Record<string, string>;
  body?: (d: AuthzDataset) => Record<string, string | string[]>;
  allow: readonly Subject[];
}

let handle: DatabaseHandle;
let d: AuthzDataset;
let messageId: string;
let providerId: string;
let dataSetId: string;
const cookies = {} as Record<Subject, string>;

const ADMIN: Subject[] = ["platform_admin"];
const ORG_MANAGERS: Subject[] = ["platform_admin", "table_coordinator", "tableBCoordinator"];
const PEOPLE_MANAGERS: Subject[] = ["platform_admin", "table_coordinator", "pivot_coordinator", "tableBCoordinator"];
const ORG1_MANAGERS: Subject[] = ["platform_admin", "table_coordinator", "pivot_coordinator"];
const TABLE_A_MANAGERS: Subject[] = ["platform_admin", "table_coordinator"];
const RESULTS_READERS: Subject[] = ["platform_admin", "table_coordinator", "table_member", "pivot_coordinator", "evaluator"];
const RESULTS_EXPORTERS: Subject[] = ["platform_admin", "table_coordinator", "evaluator"];
const AUDITORS: Subject[] = ["platform_admin", "privacy_officer"];

/*
 * The pivot network (issue 14): the network's roles read it (pivots, pivot coordinators, Table
 * members and coordinators), nobody else; in Table A a space of organization 1 is read by its
 * people and the Table coordinator, organization 2's space by the Table coordinator alone (no
 * fixture person belongs to organization 2): everything in a space one does not read is a 404.
 */
const NETWORK: Subject[] = ["table_coordinator", "table_member", "pivot_coordinator", "pivot"];
const NETWORK_ANY_TABLE: Subject[] = [...NETWORK, "tableBCoordinator"];
const NETWORK_MODERATORS: Subject[] = ["table_coordinator", "pivot_coordinator", "tableBCoordinator"];
const net = {} as {
  networkSpace: string;
  org1Space: string;
  org2Space: string;
  networkThread: string;
  org2Thread: string;
  pivotPost: string;
  org1Post: string;
  org1File: string;
  org2Post: string;
  org2File: string;
  proposal: string;
  org2Proposal: string;
  planAction: string;
};
const threadCase = (name: string, thread: () => string, allow: Subject[]): Case => ({ name, handler: networkThread.loader, url: () => `/network/threads/${thread()}`, params: () => ({ threadId: thread() }), allow });
const fileCase = (name: string, post: () => string, file: () => string, allow: Subject[]): Case => ({
  name,
  handler: networkPostFile.loader,
  url: () => `/network/posts/${post()}/files/${file()}`,
  params: () => ({ postId: post(), fileId: file() }),
  allow,
});
const subjectCase = (name: string, type: string, id: () => string, allow: Subject[], body?: () => Record<string, string>): Case => ({
  name,
  handler: body ? networkSubject.action : networkSubject.loader,
  url: () => `/network/subjects/${type}/${id()}`,
  params: () => ({ subjectType: type, subjectId: id() }),
  ...(body ? { body } : {}),
  allow,
});
const networkGetCases: Case[] = [
  // Threads inside Filet objects (issue 14 §1): a Table object talks in the Table's space (coordinator and delegates).
  subjectCase("GET /network/subjects/action_plan_action/:id", "action_plan_action", () => net.planAction, ["table_coordinator", "table_member"]),
  subjectCase("GET /network/subjects/survey/:id (unknown kind)", "survey", () => net.planAction, []),
  { name: "GET /network", handler: networkHome.loader, url: () => "/network", allow: NETWORK_ANY_TABLE },
  { name: "GET /network/search", handler: networkSearch.loader, url: () => "/network/search?q=rencontre", allow: NETWORK_ANY_TABLE },
  { name: "GET /network/notifications", handler: networkNotifications.loader, url: () => "/network/notifications", allow: NETWORK_ANY_TABLE },
  { name: "GET /network/moderation", handler: networkModeration.loader, url: () => "/network/moderation", allow: NETWORK_MODERATORS },
  { name: "GET /network/spaces/new", handler: networkSpacesNew.loader, url: () => "/network/spaces/new", allow: NETWORK_MODERATORS },
  { name: "GET /network/spaces/:network", handler: networkSpace.loader, url: () => `/network/spaces/${net.networkSpace}`, params: () => ({ spaceId: net.networkSpace }), allow: NETWORK },
  { name: "GET /network/spaces/:org1", handler: networkSpace.loader, url: () => `/network/spaces/${net.org1Space}`, params: () => ({ spaceId: net.org1Space }), allow: NETWORK },
  { name: "GET /network/spaces/:org2 (another organization's space)", handler: networkSpace.loader, url: () => `/network/spaces/${net.org2Space}`, params: () => ({ spaceId: net.org2Space }), allow: ["table_coordinator"] },
  threadCase("GET /network/threads/:network", () => net.networkThread, NETWORK),
  threadCase("GET /network/threads/:org2 (another organization's space)", () => net.org2Thread, ["table_coordinator"]),
  { name: "GET /network/posts/:own/edit (its author only)", handler: networkPostEdit.loader, url: () => `/network/posts/${net.pivotPost}/edit`, params: () => ({ postId: net.pivotPost }), allow: ["pivot"] },
  {
    name: "GET /network/posts/:edited/history (its author and the space's moderators)",
    handler: networkPostHistory.loader,
    url: () => `/network/posts/${net.pivotPost}/history`,
    params: () => ({ postId: net.pivotPost }),
    allow: ["table_coordinator", "pivot_coordinator", "pivot"],
  },
  fileCase("GET /network/posts/:org1/files/:id", () => net.org1Post, () => net.org1File, NETWORK),
  fileCase("GET /network/posts/:org2/files/:id (another organization's space)", () => net.org2Post, () => net.org2File, ["table_coordinator"]),
  fileCase("GET /network/posts/:org1/files/:org2file (a file of another post)", () => net.org1Post, () => net.org2File, []),
  { name: "GET /network/proposals", handler: networkProposals.loader, url: () => "/network/proposals", allow: NETWORK_ANY_TABLE },
  { name: "GET /network/proposals/new", handler: networkProposalsNew.loader, url: () => "/network/proposals/new", allow: ["table_coordinator", "table_member", "pivot_coordinator", "tableBCoordinator"] },
  { name: "GET /network/proposals/:network", handler: networkProposal.loader, url: () => `/network/proposals/${net.proposal}`, params: () => ({ proposalId: net.proposal }), allow: NETWORK },
];

const networkPostCases: Case[] = [
  subjectCase("POST /network/subjects/action_plan_action/:id", "action_plan_action", () => net.planAction, ["table_coordinator", "table_member"], () => ({ [SUBMISSION_KEY_FIELD]: randomUUID() })),
  // Setting one's notification level writes nothing but one's own preference: safe to send as every role.
  {
    name: "POST /network/spaces/:network (level)",
    handler: networkSpace.action,
    url: () => `/network/spaces/${net.networkSpace}`,
    params: () => ({ spaceId: net.networkSpace }),
    body: () => ({ intent: "level", level: "normal" }),
    allow: NETWORK,
  },
  {
    name: "POST /network/spaces/:org2 (level, another organization's space)",
    handler: networkSpace.action,
    url: () => `/network/spaces/${net.org2Space}`,
    params: () => ({ spaceId: net.org2Space }),
    body: () => ({ intent: "level", level: "normal" }),
    allow: ["table_coordinator"],
  },
  {
    name: "POST /network/threads/:org2 (reply, another organization's space)",
    handler: networkThread.action,
    url: () => `/network/threads/${net.org2Thread}`,
    params: () => ({ threadId: net.org2Thread }),
    body: () => ({ intent: "reply", body: "Une réponse.", [SUBMISSION_KEY_FIELD]: randomUUID() }),
    allow: ["table_coordinator"],
  },
  {
    name: "POST /network/threads/:network (level)",
    handler: networkThread.action,
    url: () => `/network/threads/${net.networkThread}`,
    params: () => ({ threadId: net.networkThread }),
    body: () => ({ intent: "level", level: "normal" }),
    allow: NETWORK,
  },
  {
    name: "POST /network/posts/:own/edit (stale version: only its author gets past the 404)",
    handler: networkPostEdit.action,
    url: () => `/network/posts/${net.pivotPost}/edit`,
    params: () => ({ postId: net.pivotPost }),
    body: () => ({ body: "Autre texte.", version: "999" }),
    allow: ["pivot"],
  },
  {
    name: "POST /network/moderation (unknown report)",
    handler: networkModeration.action,
    url: () => "/network/moderation",
    body: () => ({ intent: "dismiss", reportId: randomUUID(), version: "1" }),
    allow: [],
  },
  {
    name: "POST /network/proposals/:group (vote, a working group one is not in)",
    handler: networkProposal.action,
    url: () => `/network/proposals/${net.org2Proposal}`,
    params: () => ({ proposalId: net.org2Proposal }),
    body: () => ({ intent: "vote", choice: "abstain", reason: "", [SUBMISSION_KEY_FIELD]: randomUUID() }),
    allow: ["table_coordinator", "table_member"],
  },
];

const getCases: Case[] = [
  { name: "GET /admin", handler: adminHome.loader, url: () => "/admin", allow: [...PEOPLE_MANAGERS, "privacy_officer"] },
  // News on practices (issue 14 §4): the network's readers and the guide editors read; the coordinator and guide editors publish.
  { name: "GET /network/news", handler: newsFeed.loader, url: () => "/network/news", allow: ["table_coordinator", "table_member", "pivot_coordinator", "pivot", "trainer", "tableBCoordinator"] },
  { name: "GET /network/news/new", handler: newsNew.loader, url: () => "/network/news/new", allow: ["table_coordinator", "trainer", "tableBCoordinator"] },
  { name: "GET /admin/tables", handler: tables.loader, url: () => "/admin/tables", allow: ADMIN },
  { name: "GET /admin/tables/new", handler: tablesNew.loader, url: () => "/admin/tables/new", allow: ADMIN },
  {
    name: "GET /admin/tables/:id",
    handler: tableEdit.loader,
    url: (d) => `/admin/tables/${d.tableA}`,
    params: (d) => ({ partnershipId: d.tableA }),
    allow: ADMIN,
  },
  { name: "GET /admin/organizations", handler: organizations.loader, url: () => "/admin/organizations", allow: ORG_MANAGERS },
  { name: "GET /admin/organizations/new", handler: organizationsNew.loader, url: () => "/admin/organizations/new", allow: ORG_MANAGERS },
  {
    name: "GET /admin/organizations/:org1",
    handler: organizationPage.loader,
    url: (d) => `/admin/organizations/${d.org1}`,
    params: (d) => ({ organizationId: d.org1 }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "GET /admin/organizations/:org2",
    handler: organizationPage.loader,
    url: (d) => `/admin/organizations/${d.org2}`,
    params: (d) => ({ organizationId: d.org2 }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "GET /admin/organizations/:org1/sites/new",
    handler: siteNew.loader,
    url: (d) => `/admin/organizations/${d.org1}/sites/new`,
    params: (d) => ({ organizationId: d.org1 }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "GET /admin/organizations/:org2/sites/new",
    handler: siteNew.loader,
    url: (d) => `/admin/organizations/${d.org2}/sites/new`,
    params: (d) => ({ organizationId: d.org2 }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "GET /admin/sites/:site1",
    handler: sitePage.loader,
    url: (d) => `/admin/sites/${d.site1}`,
    params: (d) => ({ siteId: d.site1 }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "GET /admin/sites/:site2",
    handler: sitePage.loader,
    url: (d) => `/admin/sites/${d.site2}`,
    params: (d) => ({ siteId: d.site2 }),
    allow: TABLE_A_MANAGERS,
  },
  { name: "GET /admin/people", handler: people.loader, url: () => "/admin/people", allow: PEOPLE_MANAGERS },
  { name: "GET /admin/people/new", handler: peopleNew.loader, url: () => "/admin/people/new", allow: PEOPLE_MANAGERS },
  {
    name: "GET /admin/people/:personOrg1",
    handler: personPage.loader,
    url: (d) => `/admin/people/${d.personOrg1.personId}`,
    params: (d) => ({ personId: d.personOrg1.personId }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "GET /admin/people/:personOrg2",
    handler: personPage.loader,
    url: (d) => `/admin/people/${d.personOrg2.personId}`,
    params: (d) => ({ personId: d.personOrg2.personId }),
    allow: TABLE_A_MANAGERS,
  },
  { name: "GET /admin/approvals", handler: approvals.loader, url: () => "/admin/approvals", allow: PEOPLE_MANAGERS },
  { name: "GET /admin/audit", handler: audit.loader, url: () => "/admin/audit", allow: AUDITORS },
  { name: "GET /admin/audit.csv", handler: auditCsv.loader, url: () => "/admin/audit.csv", allow: AUDITORS },
  { name: "GET /admin/outbox", handler: outbox.loader, url: () => "/admin/outbox", allow: ADMIN },
  {
    name: "GET /admin/outbox/:id",
    handler: outboxMessage.loader,
    url: () => `/admin/outbox/${messageId}`,
    params: () => ({ messageId }),
    allow: ADMIN,
  },
  // Privacy operations (issue 15): the officer's register, the coordinator's counts, the audit readers' views, everyone's own data
  { name: "GET /privacy/incidents", handler: privacyIncidents.loader, url: () => "/privacy/incidents", allow: ["privacy_officer"] },
  { name: "GET /privacy/incidents/counts", handler: privacyCounts.loader, url: () => "/privacy/incidents/counts", allow: ["table_coordinator", "tableBCoordinator"] },
  { name: "GET /privacy/reads", handler: privacyReads.loader, url: () => "/privacy/reads", allow: AUDITORS },
  { name: "GET /privacy/audit", handler: privacyAudit.loader, url: () => "/privacy/audit", allow: AUDITORS },
  { name: "GET /privacy/assessments", handler: privacyAssessments.loader, url: () => "/privacy/assessments", allow: ["privacy_officer"] },
  // The Table's coordinator or its own privacy officer (the fixture's officer has no organization); never the platform admin.
  { name: "GET /privacy/retention", handler: privacyRetention.loader, url: () => "/privacy/retention", allow: ["table_coordinator", "tableBCoordinator", "privacy_officer"] },
  { name: "GET /privacy/corrections", handler: privacyCorrections.loader, url: () => "/privacy/corrections", allow: ["privacy_officer"] },
  { name: "GET /privacy/my-data", handler: privacyMyData.loader, url: () => "/privacy/my-data", allow: [...fixtureRoles, "tableBCoordinator"] },
  // Single sign-on: the providers' registry is the platform admin's alone.
  { name: "GET /admin/identity-providers", handler: identityProviders.loader, url: () => "/admin/identity-providers", allow: ADMIN },
  { name: "GET /admin/identity-providers/new", handler: identityProvidersNew.loader, url: () => "/admin/identity-providers/new", allow: ADMIN },
  {
    name: "GET /admin/identity-providers/:id",
    handler: identityProviderPage.loader,
    url: () => `/admin/identity-providers/${providerId}`,
    params: () => ({ providerId }),
    allow: ADMIN,
  },
  // Statistics results (issue 13 §2): protected figures for the Table's readers and the evaluator, downloads as the evaluation's.
  { name: "GET /statistics/results", handler: statisticsResults.loader, url: () => "/statistics/results", allow: [...RESULTS_READERS, "tableBCoordinator"] },
  { name: "GET /statistics/data-sets/:id/results", handler: statisticsSetResults.loader, url: () => `/statistics/data-sets/${dataSetId}/results`, params: () => ({ dataSetId }), allow: RESULTS_READERS },
  { name: "GET /statistics/data-sets/:id/chart.svg", handler: statisticsResultsChart.loader, url: () => `/statistics/data-sets/${dataSetId}/chart.svg?element=seen`, params: () => ({ dataSetId }), allow: RESULTS_READERS },
  { name: "GET /statistics/data-sets/:id/results.csv", handler: statisticsResultsCsv.loader, url: () => `/statistics/data-sets/${dataSetId}/results.csv`, params: () => ({ dataSetId }), allow: RESULTS_EXPORTERS },
  { name: "GET /statistics/data-sets/:id/results.xlsx", handler: statisticsResultsXlsx.loader, url: () => `/statistics/data-sets/${dataSetId}/results.xlsx`, params: () => ({ dataSetId }), allow: RESULTS_EXPORTERS },
  ...networkGetCases,
];

const postCases: Case[] = [
  ...networkPostCases,
  {
    name: "POST /admin/table (switch Table)",
    handler: adminTable.action,
    url: () => "/admin/table",
    body: (d) => ({ partnershipId: d.tableA, redirectTo: "/admin" }),
    allow: ADMIN,
  },
  {
    name: "POST /admin/tables/new",
    handler: tablesNew.action,
    url: () => "/admin/tables/new",
    body: () => ({ nameFr: "Nouvelle", nameEn: "New", slug: `t-${randomUUID().slice(0, 8)}`, [SUBMISSION_KEY_FIELD]: randomUUID() }),
    allow: ADMIN,
  },
  {
    name: "POST /admin/tables/:id",
    handler: tableEdit.action,
    url: (d) => `/admin/tables/${d.tableB}`,
    params: (d) => ({ partnershipId: d.tableB }),
    body: () => ({ nameFr: "Table B", nameEn: "Table B", slug: "", version: "1" }),
    allow: ADMIN,
  },
  {
    name: "POST /admin/organizations/new",
    handler: organizationsNew.action,
    url: () => "/admin/organizations/new",
    body: () => ({ [SUBMISSION_KEY_FIELD]: randomUUID(), type: "community", nameFr: "Nouvel organisme", nameEn: "New organization", languages: ["fr"] }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "POST /admin/organizations/:org1 (profile, stale version)",
    handler: organizationPage.action,
    url: (d) => `/admin/organizations/${d.org1}`,
    params: (d) => ({ organizationId: d.org1 }),
    body: () => ({ type: "youth_protection", nameFr: "Organisme Un", nameEn: "Organization One", languages: ["fr"], version: "999" }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "POST /admin/organizations/:org1/sites/new",
    handler: siteNew.action,
    url: (d) => `/admin/organizations/${d.org1}/sites/new`,
    params: (d) => ({ organizationId: d.org1 }),
    body: () => ({ name: `Site ${randomUUID().slice(0, 8)}`, [SUBMISSION_KEY_FIELD]: randomUUID() }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "POST /admin/sites/:site2 (stale version)",
    handler: sitePage.action,
    url: (d) => `/admin/sites/${d.site2}`,
    params: (d) => ({ siteId: d.site2 }),
    body: () => ({ name: "Site Deux", version: "999" }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "POST /admin/people/new",
    handler: peopleNew.action,
    url: () => "/admin/people/new",
    body: (d) => ({ [SUBMISSION_KEY_FIELD]: randomUUID(), givenName: "Nouvelle", familyName: "Personne", organizationId: d.org1, languages: ["fr"] }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "POST /admin/people/:personOrg1 (grant worker)",
    handler: personPage.action,
    url: (d) => `/admin/people/${d.personOrg1.personId}`,
    params: (d) => ({ personId: d.personOrg1.personId }),
    body: () => ({ intent: "grant", role: "worker", organizationId: "", [SUBMISSION_KEY_FIELD]: randomUUID() }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "POST /admin/people/:personOrg2 (grant worker)",
    handler: personPage.action,
    url: (d) => `/admin/people/${d.personOrg2.personId}`,
    params: (d) => ({ personId: d.personOrg2.personId }),
    body: () => ({ intent: "grant", role: "worker", organizationId: "", [SUBMISSION_KEY_FIELD]: randomUUID() }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "POST /admin/approvals",
    handler: approvals.action,
    url: () => "/admin/approvals",
    body: () => ({ intent: "approve", accountId: randomUUID() }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "POST /admin/identity-providers/new",
    handler: identityProvidersNew.action,
    url: () => "/admin/identity-providers/new",
    body: (d) => ({
      [SUBMISSION_KEY_FIELD]: randomUUID(),
      organizationId: d.org1,
      issuer: `https://login-${randomUUID().slice(0, 8)}.example.org`,
      clientId: "filet",
      clientSecret: "secret",
      roleClaim: "groups",
      enabled: "on",
    }),
    allow: ADMIN,
  },
  {
    name: "POST /admin/identity-providers/:id (stale version)",
    handler: identityProviderPage.action,
    url: () => `/admin/identity-providers/${providerId}`,
    params: () => ({ providerId }),
    body: (d) => ({ organizationId: d.org1, issuer: "https://login.example.org", clientId: "filet", clientSecret: "", roleClaim: "groups", version: "999" }),
    allow: ADMIN,
  },
];

function verdict(outcome: RouteOutcome): Verdict {
  if (outcome.status === 404) return "deny";
  if (outcome.location?.startsWith("/login")) return "login";
  if (outcome.status >= 500) throw new Error(`server error ${outcome.status}`);
  return "allow";
}

async function run(c: Case, cookie: string | null, method: "GET" | "POST"): Promise<RouteOutcome> {
  return callRoute(c.handler, {
    url: c.url(d),
    params: c.params?.(d),
    cookie,
    method,
    body: method === "POST" ? (c.body?.(d) ?? {}) : undefined,
    context: testContext(handle.db),
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  d = await createAuthzDataset(handle.db);
  const [set] = await handle.db
    .insert(statisticsDataSet)
    .values({ partnershipId: d.tableA, nameFr: "Trimestres", nameEn: "Quarters", organizationTypes: ["community"], entryWindowDays: 30, timelinessDays: 20, firstPeriod: "2020Q1", lastPeriod: "2020Q4" })
    .returning({ id: statisticsDataSet.id });
  dataSetId = set!.id;
  await handle.db.insert(statisticsDataElement).values({ partnershipId: d.tableA, dataSetId, code: "seen", nameFr: "Jeunes vus", nameEn: "Youths seen", position: 1 });
  messageId = await handle.db.transaction((tx) =>
    queueEmail(tx, { to: "someone@a.filet.test", subject: "Invitation", text: "Bonjour", partnershipId: d.tableA }),
  );
  for (const role of fixtureRoles) {
    cookies[role] = await signIn(handle.db, d.people[role].accountId!, role === "platform_admin" ? { activePartnershipId: d.tableA } : {});
  }
  cookies.tableBCoordinator = await signIn(handle.db, d.tableBCoordinator.accountId!);
  const provider = await createIdentityProvider(handle.db, testContext(handle.db).config, systemActor("test", d.tableA), {
    partnershipId: d.tableA,
    organizationId: d.org1,
    issuer: "https://login.example.org",
    clientId: "filet",
    clientSecret: "secret",
    emailDomains: [],
    roleClaim: "groups",
    roleMappings: [],
    defaultRole: null,
    autoCreate: false,
    ssoOnly: false,
    enabled: false,
  });
  if (provider.kind !== "ok") throw new Error("provider not created");
  providerId = provider.value.id;
  await networkFixtures();
});

/** Table A's network: its standard spaces, a thread in the whole network and one in organization 2's space, posts with files, proposals. */
async function networkFixtures() {
  const ctx = testContext(handle.db);
  const as = (subject: Subject) => cookies[subject];
  const send = async (mod: { action?: unknown }, url: string, subject: Subject, body: Record<string, string>, params: Record<string, string> = {}) => {
    const out = await callRoute(mod.action as Handler, { url, params, cookie: as(subject), method: "POST", body: { ...body, [SUBMISSION_KEY_FIELD]: randomUUID() }, context: ctx });
    if (out.status !== 302) throw new Error(`${url}: ${out.status} ${JSON.stringify(out.data)}`);
    return out.location!;
  };
  await callRoute(networkHome.loader, { url: "/network", cookie: as("pivot"), context: ctx });
  const spaces = await handle.db.select().from(forumSpace).where(eq(forumSpace.partnershipId, d.tableA));
  net.networkSpace = spaces.find((r) => r.kind === "network")!.id;
  net.org1Space = spaces.find((r) => r.kind === "organization" && r.organizationId === d.org1)!.id;
  net.org2Space = spaces.find((r) => r.kind === "organization" && r.organizationId === d.org2)!.id;
  const threadIn = async (spaceId: string, subject: Subject, title: string) =>
    (await send(networkSpace, `/network/spaces/${spaceId}`, subject, { intent: "thread", title, body: "Premier message." }, { spaceId })).split("/").pop()!.split("?")[0]!;
  net.networkThread = await threadIn(net.networkSpace, "pivot", "Rencontre régionale");
  net.org2Thread = await threadIn(net.org2Space, "table_coordinator", "Relève du pivot");
  const org1Thread = await threadIn(net.org1Space, "pivot", "Horaire de garde");
  const firstPost = async (threadId: string) => (await handle.db.select().from(forumPost).where(and(eq(forumPost.threadId, threadId), eq(forumPost.position, 1))))[0]!;
  const own = await firstPost(net.networkThread);
  net.pivotPost = own.id;
  await send(networkPostEdit, `/network/posts/${own.id}/edit`, "pivot", { body: "Premier message, précisé.", version: String(own.version) }, { postId: own.id });
  net.org1Post = (await firstPost(org1Thread)).id;
  net.org2Post = (await firstPost(net.org2Thread)).id;
  const pdf = { fileName: "note.pdf", mediaType: "application/pdf" as const, bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n") };
  net.org1File = (await handle.db.transaction((tx) => storeFile(tx, { partnershipId: d.tableA, ownerType: "forum_post", ownerId: net.org1Post }, pdf, null))).id;
  net.org2File = (await handle.db.transaction((tx) => storeFile(tx, { partnershipId: d.tableA, ownerType: "forum_post", ownerId: net.org2Post }, pdf, null))).id;
  const proposalIn = async (spaceId: string, subject: Subject) =>
    send(networkProposalsNew, "/network/proposals/new", subject, { spaceId, title: "Proposition", body: "Tenir la rencontre au printemps.", closesOn: addDays(quebecDay(), 10), closesAtTime: "17:00" });
  await proposalIn(net.networkSpace, "table_member");
  const [p] = await handle.db.select({ id: forumProposal.id }).from(forumProposal).where(eq(forumProposal.spaceId, net.networkSpace));
  net.proposal = p!.id;
  // Proposals live in the whole network or a working group: a group of the Table coordinator and the Table member.
  const group = (await send(networkSpacesNew, "/network/spaces/new", "table_coordinator", { name: "Groupe restreint", description: "", posting: "members", members: d.people.table_member.personId })).split("/").pop()!;
  await proposalIn(group, "table_coordinator");
  const [q] = await handle.db.select({ id: forumProposal.id }).from(forumProposal).where(eq(forumProposal.spaceId, group));
  net.org2Proposal = q!.id;
  const [plan] = await handle.db.insert(actionPlan).values({ partnershipId: d.tableA, year: 2026, title: "Plan 2026" }).returning();
  const [objective] = await handle.db.insert(actionPlanObjective).values({ partnershipId: d.tableA, planId: plan!.id, title: "Objectif" }).returning();
  const [action] = await handle.db.insert(actionPlanAction).values({ partnershipId: d.tableA, planId: plan!.id, objectiveId: objective!.id, title: "Action du plan" }).returning();
  net.planAction = action!.id;
}

afterAll(async () => {
  await handle.close();
});

const subjects: Subject[] = [...fixtureRoles, "tableBCoordinator"];

describe("role × route matrix (GET)", () => {
  it.each(getCases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const observed: Record<string, Verdict> = {};
    const expected: Record<string, Verdict> = {};
    for (const subject of subjects) {
      observed[subject] = verdict(await run(c, cookies[subject], "GET"));
      expected[subject] = c.allow.includes(subject) ? "allow" : "deny";
    }
    observed.anonymous = verdict(await run(c, null, "GET"));
    expected.anonymous = "login";
    expect(observed).toEqual(expected);
  });
});

describe("role × route matrix (POST)", () => {
  it.each(postCases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const observed: Record<string, Verdict> = {};
    const expected: Record<string, Verdict> = {};
    for (const subject of fixtureRoles) {
      observed[subject] = verdict(await run(c, cookies[subject], "POST"));
      expected[subject] = c.allow.includes(subject) ? "allow" : "deny";
    }
    observed.anonymous = verdict(await run(c, null, "POST"));
    expected.anonymous = "login";
    expect(observed).toEqual(expected);
  });
});

describe("isolation between Tables and organizations", () => {
  it("a Table B coordinator gets 404 on Table A's organization, site and person pages", async () => {
    const cookie = cookies.tableBCoordinator;
    const ctx = testContext(handle.db);
    const outcomes = await Promise.all([
      callRoute(organizationPage.loader, { url: `/admin/organizations/${d.org1}`, params: { organizationId: d.org1 }, cookie, context: ctx }),
      callRoute(siteNew.loader, { url: `/admin/organizations/${d.org1}/sites/new`, params: { organizationId: d.org1 }, cookie, context: ctx }),
      callRoute(sitePage.loader, { url: `/admin/sites/${d.site1}`, params: { siteId: d.site1 }, cookie, context: ctx }),
      callRoute(personPage.loader, { url: `/admin/people/${d.personOrg1.personId}`, params: { personId: d.personOrg1.personId }, cookie, context: ctx }),
      callRoute(organizationPage.action, {
        url: `/admin/organizations/${d.org1}`,
        params: { organizationId: d.org1 },
        cookie,
        method: "POST",
        body: { type: "police", nameFr: "Volé", nameEn: "Stolen", languages: ["fr"], version: "1" },
        context: ctx,
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([404, 404, 404, 404, 404]);
    // …and the same coordinator reaches their own Table's records.
    const own = await callRoute(organizationPage.loader, { url: `/admin/organizations/${d.orgB}`, params: { organizationId: d.orgB }, cookie, context: ctx });
    expect(own.status).toBe(200);
  });

  it("a Table B coordinator cannot place a new person in a Table A organization", async () => {
    const outcome = await callRoute(peopleNew.action, {
      url: "/admin/people/new",
      cookie: cookies.tableBCoordinator,
      body: { [SUBMISSION_KEY_FIELD]: randomUUID(), givenName: "X", familyName: "Y", organizationId: d.org1, languages: ["fr"] },
      context: testContext(handle.db),
    });
    expect(outcome.status).toBe(400);
    expect((outcome.data as { errors: Record<string, string[]> }).errors.organizationId).toEqual(["form.invalid"]);
  });

  it("a pivot coordinator of organization 1 gets 404 on organization 2's person, for reading and writing", async () => {
    const cookie = cookies.pivot_coordinator;
    const ctx = testContext(handle.db);
    const params = { personId: d.personOrg2.personId };
    const read = await callRoute(personPage.loader, { url: `/admin/people/${params.personId}`, params, cookie, context: ctx });
    const write = await callRoute(personPage.action, {
      url: `/admin/people/${params.personId}`,
      params,
      cookie,
      body: { intent: "save", givenName: "Pirate", familyName: "Edit", version: "1", organizationId: d.org1, languages: ["fr"] },
      context: ctx,
    });
    expect([read.status, write.status]).toEqual([404, 404]);
  });

  it("a pivot coordinator's people list shows only their organization", async () => {
    const outcome = await callRoute(people.loader, { url: "/admin/people", cookie: cookies.pivot_coordinator, context: testContext(handle.db) });
    const list = (outcome.data as { people: { id: string; organizationId: string | null }[] }).people;
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((p) => p.organizationId))).toEqual(new Set([d.org1]));
    expect(list.map((p) => p.id)).not.toContain(d.personOrg2.personId);
  });

  it("a pivot coordinator cannot grant table_coordinator, nor a pivot role in another organization", async () => {
    const ctx = testContext(handle.db);
    const params = { personId: d.personOrg1.personId };
    const grant = (body: Record<string, string>) =>
      callRoute(personPage.action, { url: `/admin/people/${params.personId}`, params, cookie: cookies.pivot_coordinator, body: { intent: "grant", ...body, [SUBMISSION_KEY_FIELD]: randomUUID() }, context: ctx });
    const coordinator = await grant({ role: "table_coordinator", organizationId: "" });
    const elsewhere = await grant({ role: "pivot", organizationId: d.org2 });
    const admin = await grant({ role: "platform_admin", organizationId: "" });
    for (const outcome of [coordinator, elsewhere, admin]) {
      expect(outcome.status).toBe(403);
      expect((outcome.data as { formError: string }).formError).toBe("admin.roles.forbidden");
    }
    // What the pivot coordinator may do: grant "pivot" in their own organization.
    const pivot = await grant({ role: "pivot", organizationId: "" });
    expect(pivot.location).toBe(`/admin/people/${params.personId}?notice=granted`);
  });

  it("a table coordinator cannot grant platform_admin", async () => {
    const params = { personId: d.personOrg1.personId };
    const outcome = await callRoute(personPage.action, {
      url: `/admin/people/${params.personId}`,
      params,
      cookie: cookies.table_coordinator,
      body: { intent: "grant", role: "platform_admin", organizationId: "", [SUBMISSION_KEY_FIELD]: randomUUID() },
      context: testContext(handle.db),
    });
    expect(outcome.status).toBe(403);
  });

  it("audits denied access with the permission and the path", async () => {
    const url = "/admin/people";
    await callRoute(people.loader, { url, cookie: cookies.worker, context: testContext(handle.db) });
    const rows = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "access.denied"), eq(auditEvent.actorAccountId, d.people.worker.accountId!), eq(auditEvent.targetId, url)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.details).toMatchObject({ permission: "person.manage", method: "GET" });
  });

  it("a privacy officer reads only their Table's audit events; a platform admin may read all", async () => {
    const ctx = testContext(handle.db);
    const officer = await callRoute(audit.loader, { url: "/admin/audit", cookie: cookies.privacy_officer, context: ctx });
    const events = (officer.data as { events: { partnershipId: string | null }[] }).events;
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.partnershipId))).toEqual(new Set([d.tableA]));
    // The officer's view (and a verification of the chain) is scoped to their Table.
    expect((officer.data as { tableScoped: boolean }).tableScoped).toBe(true);
    // A Table filter in the URL does not widen a privacy officer's view.
    const sneaky = await callRoute(audit.loader, { url: `/admin/audit?table=${d.tableB}`, cookie: cookies.privacy_officer, context: ctx });
    expect(new Set((sneaky.data as { events: { partnershipId: string | null }[] }).events.map((e) => e.partnershipId))).toEqual(new Set([d.tableA]));
    const admin = await callRoute(audit.loader, { url: `/admin/audit?verify=1&table=${d.tableB}`, cookie: cookies.platform_admin, context: ctx });
    const adminData = admin.data as { events: { partnershipId: string | null }[]; chain: { ok: boolean } | null };
    expect(adminData.events.length).toBeGreaterThan(0);
    expect(new Set(adminData.events.map((e) => e.partnershipId))).toEqual(new Set([d.tableB]));
    expect(adminData.chain?.ok).toBe(true);
  });

  it("sends a privileged role that has not passed its second factor to the MFA challenge", async () => {
    const cookie = await signIn(handle.db, d.people.table_coordinator.accountId!, { mfaPassed: false });
    const outcome = await callRoute(people.loader, { url: "/admin/people", cookie, context: testContext(handle.db) });
    expect(outcome.location).toBe("/login/mfa");
  });
});
