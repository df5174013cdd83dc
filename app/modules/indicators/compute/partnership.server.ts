import { and, count, eq, gte, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { organization } from "../../governance/tables.ts";
import { responsibility } from "../../meetings/responsibilities/tables.ts";
import { partnerCommitment, partnerDelegateTerm } from "../../partners/tables.ts";
import { person } from "../../people/tables.ts";
import { addDays } from "../../time/days.ts";
import { QUEBEC_TIME_ZONE } from "../../time/wall-clock.ts";
import type { IndicatorDefinition, IndicatorQuery } from "../figures.ts";
import { ratioByOrganization } from "./tally.ts";

/** The period's end, or today when the period reaches past it: a status "at the end" is known up to today. */
const endDay = (q: IndicatorQuery) => (q.period.to < q.today ? q.period.to : q.today);

/** Organizations that were partners during the period (joined before its end, not left before its start). */
const partnerDuring = (q: IndicatorQuery) =>
  and(
    eq(organization.partnershipId, q.partnershipId),
    or(isNull(organization.joinedOn), lte(organization.joinedOn, q.period.to)),
    or(isNull(organization.leftOn), gte(organization.leftOn, q.period.from)),
  );

/** A yes/no per partner organization: 1/1 or 0/1 (1 when the organization is in `yes`). */
const oneEach = (yes: { organizationId: unknown }) => ({
  organizationId: organization.id,
  numerator: sql<number>`case when ${yes.organizationId} is null then 0 else 1 end`,
  denominator: sql<number>`1`,
});

export const partnershipIndicators: IndicatorDefinition[] = [
  {
    code: "commitments_signed",
    theme: "partnership",
    type: "percent",
    decimals: 1,
    module: "partners",
    disaggregations: ["organization", "organization_type", "territory"],
    async compute(db, q) {
      const end = endDay(q);
      // Signed by then too: a commitment recorded later, even backdated, was not in hand at that date.
      const signed = db
        .selectDistinct({ organizationId: partnerCommitment.organizationId })
        .from(partnerCommitment)
        .where(and(eq(partnerCommitment.partnershipId, q.partnershipId), lte(partnerCommitment.startsOn, end), gte(partnerCommitment.endsOn, end), lte(partnerCommitment.signedOn, end)))
        .as("signed_at_end");
      const rows = await db.select(oneEach(signed)).from(organization).leftJoin(signed, eq(signed.organizationId, organization.id)).where(partnerDuring(q));
      return { shape: "ratio", byOrganization: ratioByOrganization(rows) };
    },
  },
  {
    code: "delegate_turnover",
    theme: "partnership",
    type: "percent",
    decimals: 1,
    module: "partners",
    disaggregations: ["organization_type"],
    async compute(db, q) {
      const end = endDay(q);
      // Only delegates count (substitutes come and go more freely), as on the partners' page.
      const delegate = and(eq(partnerDelegateTerm.partnershipId, q.partnershipId), eq(partnerDelegateTerm.kind, "delegate"));
      const withDelegate = db
        .selectDistinct({ organizationId: partnerDelegateTerm.organizationId })
        .from(partnerDelegateTerm)
        .where(and(delegate, lte(partnerDelegateTerm.since, end), or(isNull(partnerDelegateTerm.until), gte(partnerDelegateTerm.until, q.period.from))))
        .as("with_delegate");
      // A change: a delegate term begun in the period after an earlier one (the first delegate is joining, not turnover).
      const earlier = alias(partnerDelegateTerm, "earlier_term");
      const changed = db
        .selectDistinct({ organizationId: partnerDelegateTerm.organizationId })
        .from(partnerDelegateTerm)
        .innerJoin(
          earlier,
          and(
            eq(earlier.partnershipId, q.partnershipId),
            eq(earlier.organizationId, partnerDelegateTerm.organizationId),
            eq(earlier.kind, "delegate"),
            lt(earlier.since, partnerDelegateTerm.since),
          ),
        )
        .where(and(delegate, gte(partnerDelegateTerm.since, q.period.from), lte(partnerDelegateTerm.since, end)))
        .as("changed");
      const rows = await db
        .select(oneEach(changed))
        .from(organization)
        .innerJoin(withDelegate, eq(withDelegate.organizationId, organization.id))
        .leftJoin(changed, eq(changed.organizationId, organization.id))
        .where(partnerDuring(q));
      return { shape: "ratio", byOrganization: ratioByOrganization(rows) };
    },
  },
  {
    code: "responsibilities_on_time",
    theme: "meetings",
    type: "percent",
    decimals: 1,
    module: "meetings",
    disaggregations: ["organization", "organization_type", "territory"],
    async compute(db, q) {
      // Due before today: a responsibility due today may still be done today.
      const yesterday = addDays(q.today, -1);
      const last = q.period.to < yesterday ? q.period.to : yesterday;
      const doneOnTime = sql`${responsibility.status} = 'done' and (${responsibility.completedAt} at time zone ${QUEBEC_TIME_ZONE})::date <= ${responsibility.dueOn}`;
      const rows = await db
        .select({ organizationId: organization.id, numerator: sql<number>`count(*) filter (where ${doneOnTime})`, denominator: count() })
        .from(responsibility)
        .leftJoin(person, and(eq(person.id, responsibility.ownerPersonId), eq(person.partnershipId, q.partnershipId)))
        .leftJoin(
          organization,
          and(eq(organization.partnershipId, q.partnershipId), eq(organization.id, sql`coalesce(${responsibility.ownerOrganizationId}, ${person.organizationId})`)),
        )
        .where(
          and(
            eq(responsibility.partnershipId, q.partnershipId),
            ne(responsibility.status, "dropped"),
            gte(responsibility.dueOn, q.period.from),
            lte(responsibility.dueOn, last),
          ),
        )
        .groupBy(organization.id);
      return { shape: "ratio", byOrganization: ratioByOrganization(rows) };
    },
  },
];
