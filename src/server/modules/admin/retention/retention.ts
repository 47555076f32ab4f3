import {
  dueForRetention,
  type PersonRetentionFacts,
  type RetentionCounts,
  type RetentionKind,
  type RetentionPolicy,
} from '../../../../common/admin/retention';
import type {
  RetentionDryRun,
  RetentionPage,
  RetentionPolicyBody,
} from '../../../../common/admin/retention-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import * as store from './store';

/** Retention's use cases for administrators (issue 16, ADR 0033). The job is in run-retention.ts. */

export type DuePerson = PersonRetentionFacts & { kind: RetentionKind; dueOn: string };

/** Who is due today in the organisation under its policy, and the counts per kind. */
export async function dueInOrganisation(
  trx: Tx,
  orgId: string,
  policy: RetentionPolicy,
  today: string,
): Promise<{ due: DuePerson[]; counts: RetentionCounts }> {
  const persons = await store.personFacts(trx, orgId);
  const payments = await store.lastPayments(trx, [...new Set(persons.flatMap((p) => p.programmeIds))]);
  const facts: PersonRetentionFacts[] = persons.map(({ programmeIds, ...p }) => ({
    ...p,
    // A programme the function does not answer for has no date: it cannot hold anyone (never happens for
    // the organisation's own records, which is all it is asked about).
    participations: programmeIds.flatMap((id) => {
      const on = payments.get(id);
      return on ? [{ programmeId: id, lastPaymentOn: on }] : [];
    }),
  }));
  return dueForRetention(facts, policy, today);
}

export async function readRetention(trx: Tx, actor: Actor & { orgId: string }): Promise<RetentionPage> {
  requirePermission(actor, 'organisation.security');
  const policy = await store.policyOf(trx, actor.orgId);
  const runs = await store.recentRuns(trx, actor.orgId);
  return {
    policy: {
      caseFileYears: policy.caseFileYears,
      participationYears: policy.participationYears,
      automatic: policy.automatic,
      isDefault: policy.isDefault,
      updatedAt: policy.updatedAt ? new Date(policy.updatedAt).toISOString() : null,
    },
    runs: runs.map((r) => ({
      id: r.id,
      ranOn: r.ran_on,
      finishedAt: new Date(r.finished_at).toISOString(),
      caseFileYears: r.case_file_years,
      participationYears: r.participation_years,
      counts: {
        caseFile: r.case_file_count,
        participation: r.participation_count,
        held: r.held_count,
        restricted: r.restricted_count,
      },
      failed: r.failed_count,
      personIds: r.person_ids,
    })),
  };
}

export async function setRetentionPolicy(
  trx: Tx,
  actor: Actor & { orgId: string },
  body: RetentionPolicyBody,
): Promise<void> {
  requirePermission(actor, 'organisation.security');
  await store.savePolicy(trx, actor.orgId, actor.userId, body);
}

/**
 * What a run would anonymise today, changing nothing: counts and participant codes (never names). The
 * codes shown are a read of those persons, audited in the organisation's chain.
 */
export async function retentionDryRun(
  trx: Tx,
  actor: Actor & { orgId: string },
  today: string,
): Promise<RetentionDryRun> {
  requirePermission(actor, 'organisation.security');
  const policy = await store.policyOf(trx, actor.orgId);
  const { due, counts } = await dueInOrganisation(trx, actor.orgId, policy, today);
  await auditPersonRead(trx, {
    personIds: due.map((p) => p.personId),
    what: 'retention_due',
    detail: { today },
  });
  return {
    today,
    counts,
    due: due.map((p) => ({
      participantCode: p.participantCode,
      kind: p.kind,
      dueOn: p.dueOn,
      lastContactOn: p.lastContactOn,
    })),
  };
}
