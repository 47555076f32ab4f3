import { sql } from 'kysely';
import type { AuditSubject } from '../../../../common/admin/audit-schemas';
import { type Language, localized } from '../../../../common/i18n/locales';
import {
  organisationLink,
  programmeLink,
  serviceEditLink,
  serviceLink,
} from '../../../../common/network/links';
import { pathwayLink, personLink, referralLink } from '../../../../common/people/links';
import { offerLink, placementLink } from '../../../../common/placements/links';
import type { Tx } from '../../../platform/db/context';

/**
 * Human labels for the records audit entries name. The rule that keeps them private: a record is named
 * only when it is the reader's organisation's own (a person, their pathway, consents, grants, referrals
 * sent, agreements as home centre), or public network data (organisations, programmes, offers, published
 * services, municipalities). Where the reader is the other party (an agreement as host, a referral
 * received) the label says only what that party already holds about the record as such: the owner's name
 * and the agreement's dates, never the person. Every query also runs under the reader's RLS, so a label
 * can never show what the reader could not read, and a platform administrator (no organisation) gets
 * network data only.
 */

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RecordRef {
  entity: string;
  id: string;
}
export const refKey = (r: RecordRef) => `${r.entity}:${r.id}`;

const subject = (s: Partial<AuditSubject>): AuditSubject => ({
  name: s.name ?? null,
  partner: s.partner ?? null,
  from: s.from ?? null,
  to: s.to ?? null,
  href: s.href ?? null,
});
const fullName = (first: string, last: string) => `${first} ${last}`;

interface Reader {
  orgId: string | null;
  language: Language;
}
type Resolver = (trx: Tx, ids: string[], reader: Reader) => Promise<Array<[string, AuditSubject]>>;

const uuids = (ids: string[]) => [...new Set(ids.filter((id) => UUID_RE.test(id)))];
const idList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Records that hang off a person of the reader's organisation: `personOf` gives the person's id. */
function ownPersonRecord(
  table: string,
  personOf: (alias: string) => ReturnType<typeof sql>,
  extra: { partnerColumn?: string; href?: (personId: string) => string } = {},
): Resolver {
  return async (trx, ids, reader) => {
    if (!reader.orgId) return [];
    const partner = extra.partnerColumn
      ? sql`(select o.name_fr from organisations o where o.id = r.${sql.ref(extra.partnerColumn)})`
      : sql`null::text`;
    const partnerNl = extra.partnerColumn
      ? sql`(select o.name_nl from organisations o where o.id = r.${sql.ref(extra.partnerColumn)})`
      : sql`null::text`;
    const rows = await sql<{
      id: string;
      person_id: string;
      first_name: string;
      last_name: string;
      partner_fr: string | null;
      partner_nl: string | null;
    }>`select r.id::text as id, p.id::text as person_id, p.first_name, p.last_name,
        ${partner} as partner_fr, ${partnerNl} as partner_nl
      from ${sql.table(table)} r
      join persons p on p.id = ${personOf('r')} and p.org_id = ${reader.orgId}
      where r.id in (${idList(ids)}) and r.org_id = ${reader.orgId}`.execute(trx);
    return rows.rows.map((r) => [
      r.id,
      subject({
        name: fullName(r.first_name, r.last_name),
        partner: r.partner_fr || r.partner_nl ? localized(reader.language, r.partner_fr, r.partner_nl) : null,
        href: (extra.href ?? ((id: string) => personLink.href({ id })))(r.person_id),
      }),
    ]);
  };
}

const pathwayPerson = (a: string) =>
  sql`(select w.person_id from pathways w where w.id = ${sql.ref(`${a}.pathway_id`)})`;
const toPathway = (personId: string) => pathwayLink.href({ personId });

/** Agreements: the home centre reads "person – host, dates"; the host reads "home centre, dates". */
function placementRecord(placementOf: (alias: string) => ReturnType<typeof sql>, table: string): Resolver {
  return async (trx, ids, reader) => {
    if (!reader.orgId) return [];
    const rows = await sql<{
      id: string;
      placement_id: string;
      mine: boolean;
      first_name: string | null;
      last_name: string | null;
      partner_fr: string;
      partner_nl: string;
      starts_on: string;
      ends_on: string;
    }>`select r.id::text as id, x.id::text as placement_id, x.org_id = ${reader.orgId} as mine,
        p.first_name, p.last_name,
        o.name_fr as partner_fr, o.name_nl as partner_nl, x.starts_on, x.ends_on
      from ${sql.table(table)} r
      join placements x on x.id = ${placementOf('r')}
      left join persons p on p.id = x.person_id and x.org_id = ${reader.orgId} and p.org_id = ${reader.orgId}
      join organisations o on o.id = case when x.org_id = ${reader.orgId} then x.host_org_id else x.org_id end
      where r.id in (${idList(ids)})
        and (x.org_id = ${reader.orgId} or x.host_org_id = ${reader.orgId})`.execute(trx);
    return rows.rows.map((r) => [
      r.id,
      subject({
        name: r.mine && r.first_name && r.last_name ? fullName(r.first_name, r.last_name) : null,
        partner: localized(reader.language, r.partner_fr, r.partner_nl),
        from: r.starts_on,
        to: r.ends_on,
        href: placementLink.href({ id: r.placement_id }),
      }),
    ]);
  };
}
const placementChild = (table: string) => placementRecord((a) => sql`${sql.ref(`${a}.placement_id`)}`, table);

// Users: RLS shows the reader themself and the members of the reader's organisation only.
const userRecord: Resolver = async (trx, ids) => {
  const rows = await trx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return rows.map((r) => [r.id, subject({ name: r.display_name })]);
};

const RESOLVERS: Record<string, Resolver> = {
  persons: ownPersonRecord('persons', (a) => sql`${sql.ref(`${a}.id`)}`),
  pathways: ownPersonRecord('pathways', (a) => sql`${sql.ref(`${a}.person_id`)}`, { href: toPathway }),
  pathway_objectives: ownPersonRecord('pathway_objectives', pathwayPerson, { href: toPathway }),
  pathway_notes: ownPersonRecord('pathway_notes', pathwayPerson, { href: toPathway }),
  pathway_mobility: ownPersonRecord('pathway_mobility', pathwayPerson, { href: toPathway }),
  pathway_actions: ownPersonRecord(
    'pathway_actions',
    (a) =>
      sql`(select w.person_id from pathway_objectives j join pathways w on w.id = j.pathway_id
        where j.id = ${sql.ref(`${a}.objective_id`)})`,
    { href: toPathway },
  ),
  consents: ownPersonRecord('consents', (a) => sql`${sql.ref(`${a}.person_id`)}`),
  person_grants: ownPersonRecord('person_grants', (a) => sql`${sql.ref(`${a}.person_id`)}`, {
    partnerColumn: 'recipient_org_id',
  }),
  referrals: async (trx, ids, reader) => {
    if (!reader.orgId) return [];
    const rows = await sql<{
      id: string;
      mine: boolean;
      first_name: string | null;
      last_name: string | null;
      partner_fr: string;
      partner_nl: string;
    }>`select r.id::text as id, r.org_id = ${reader.orgId} as mine, p.first_name, p.last_name,
        o.name_fr as partner_fr, o.name_nl as partner_nl
      from referrals r
      left join persons p on p.id = r.person_id and r.org_id = ${reader.orgId} and p.org_id = ${reader.orgId}
      join organisations o on o.id = case when r.org_id = ${reader.orgId} then r.recipient_org_id else r.org_id end
      where r.id in (${idList(ids)}) and (r.org_id = ${reader.orgId} or r.recipient_org_id = ${reader.orgId})`.execute(
      trx,
    );
    return rows.rows.map((r) => [
      r.id,
      subject({
        name: r.mine && r.first_name && r.last_name ? fullName(r.first_name, r.last_name) : null,
        partner: localized(reader.language, r.partner_fr, r.partner_nl),
        href: referralLink.href({ id: r.id }),
      }),
    ]);
  },
  placements: placementRecord((a) => sql`${sql.ref(`${a}.id`)}`, 'placements'),
  placement_signatures: placementChild('placement_signatures'),
  placement_attendance: placementChild('placement_attendance'),
  placement_evaluations: placementChild('placement_evaluations'),
  placement_incidents: placementChild('placement_incidents'),
  placement_mobility: placementChild('placement_mobility'),
  placement_stays_abroad: placementChild('placement_stays_abroad'),
  placement_outcomes: placementChild('placement_outcomes'),

  // Network data every signed-in member reads.
  organisations: async (trx, ids, reader) => {
    const rows = await trx
      .selectFrom('organisations')
      .select(['id', 'name_fr', 'name_nl'])
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => [
      r.id,
      subject({
        name: localized(reader.language, r.name_fr, r.name_nl),
        href: organisationLink.href({ id: r.id }),
      }),
    ]);
  },
  programmes: async (trx, ids, reader) => {
    const rows = await trx
      .selectFrom('programmes')
      .select(['id', 'acronym', 'name_fr', 'name_nl'])
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => [
      r.id,
      subject({
        name: r.acronym ?? localized(reader.language, r.name_fr, r.name_nl),
        href: programmeLink.href({ id: r.id }),
      }),
    ]);
  },
  placement_offers: async (trx, ids, reader) => {
    const rows = await trx
      .selectFrom('placement_offers as f')
      .innerJoin('organisations as o', 'o.id', 'f.org_id')
      .select(['f.id', 'f.title_fr', 'f.title_nl', 'f.starts_on', 'f.ends_on', 'o.name_fr', 'o.name_nl'])
      .where('f.id', 'in', ids)
      .execute();
    return rows.map((r) => [
      r.id,
      subject({
        name: localized(reader.language, r.title_fr, r.title_nl),
        partner: localized(reader.language, r.name_fr, r.name_nl),
        from: r.starts_on,
        to: r.ends_on,
        href: offerLink.href({ id: r.id }),
      }),
    ]);
  },
  services: async (trx, ids, reader) => {
    const rows = await trx
      .selectFrom('services')
      .select(['id', 'org_id', 'title_fr', 'title_nl', 'published'])
      .where('id', 'in', ids)
      .execute();
    return rows
      .filter((r) => r.published || r.org_id === reader.orgId)
      .map((r) => [
        r.id,
        subject({
          name: localized(reader.language, r.title_fr, r.title_nl),
          href:
            r.org_id === reader.orgId ? serviceEditLink.href({ id: r.id }) : serviceLink.href({ id: r.id }),
        }),
      ]);
  },
  users: userRecord,
  user: userRecord,
};

/** Keyed by text, not uuid. */
const TEXT_RESOLVERS: Record<string, Resolver> = {
  territories: async (trx, ids, reader) => {
    const rows = await trx
      .selectFrom('territories')
      .select(['code', 'name_fr', 'name_nl'])
      .where('code', 'in', ids)
      .execute();
    return rows.map((r) => [r.code, subject({ name: localized(reader.language, r.name_fr, r.name_nl) })]);
  },
  transit_lines: async (trx, ids) => {
    const rows = await trx
      .selectFrom('transit_lines')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => [r.id, subject({ name: r.name })]);
  },
};

/** Labels for the records of one page of the log, by `entity:id`; records the reader may not know are absent. */
export async function labelRecords(
  trx: Tx,
  reader: Reader,
  refs: readonly RecordRef[],
): Promise<Map<string, AuditSubject>> {
  const byEntity = new Map<string, string[]>();
  for (const r of refs) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r.id]);
  const out = new Map<string, AuditSubject>();
  for (const [entity, all] of byEntity) {
    const text = TEXT_RESOLVERS[entity];
    const resolver = text ?? RESOLVERS[entity];
    if (!resolver) continue;
    const ids = text ? [...new Set(all)] : uuids(all);
    if (ids.length === 0) continue;
    for (const [id, s] of await resolver(trx, ids, reader)) out.set(refKey({ entity, id }), s);
  }
  return out;
}
