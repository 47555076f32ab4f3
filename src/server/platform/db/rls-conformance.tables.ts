/**
 * The tables rls-conformance.db.test.ts cannot classify from the catalog alone, each with its reason.
 * A table with an org_id column is a tenant table owned by that column unless listed in NON_TENANT_TABLES;
 * any other table must appear in OWNER_COLUMN, PROVEN_ELSEWHERE, REFERENCE_TABLES or NON_TENANT_TABLES,
 * or the conformance test fails.
 */

/** No row-level security: the application role has no write on them (and no read unless said). */
export const NON_TENANT_TABLES: Record<string, { reason: string; readable?: boolean }> = {
  'app.context_key': { reason: 'the key signing request contexts; read by the owner at start only' },
  'app.request_context': {
    reason: 'the verified context of the running transaction; written by app.begin_request() (definer)',
  },
  'app.rate_limits': { reason: 'shared rate-limit counters; reached through definer functions only' },
  'app.recurring_leases': { reason: 'leases of recurring jobs across instances; definer functions only' },
  'app.settings': {
    reason: 'platform settings (lock-out policy); set by the owner at start, read by definer functions',
  },
  'audit.chain_head': {
    reason: 'heads of the audit hash chains; written by the audit trigger (definer) only',
  },
  'app.org_keys': {
    reason:
      'per-organisation envelope keys of field encryption; RLS forced, no policy: definer functions only',
  },
  schema_migrations: { reason: 'migration bookkeeping; written by the owner when migrating', readable: true },
};

/** Tenant data owned through another column than org_id: probed like org_id tables, with that column. */
export const OWNER_COLUMN: Record<string, { column: string; kind: 'org' | 'user'; reason: string }> = {
  organisations: { column: 'id', kind: 'org', reason: 'the tenant itself' },
  sessions: { column: 'user_id', kind: 'user', reason: 'a session belongs to one user' },
  progress_reports: { column: 'lead_org_id', kind: 'org', reason: 'owned by the programme lead' },
  progress_report_versions: { column: 'lead_org_id', kind: 'org', reason: 'owned by the programme lead' },
  progress_report_exact_figures: {
    column: 'lead_org_id',
    kind: 'org',
    reason: 'owned by the programme lead',
  },
  progress_report_reminders: { column: 'lead_org_id', kind: 'org', reason: 'owned by the programme lead' },
};

/** Tenant data with no owner column at all: the named test proves its isolation (and names the table). */
export const PROVEN_ELSEWHERE: Record<string, { reason: string; provenBy: string }> = {
  users: {
    reason: 'a person may belong to several organisations; visible through a shared membership only',
    provenBy: 'src/server/platform/db/rls.db.test.ts',
  },
};

/** Shared reference data: RLS forced, readable by everyone, never changed by an organisation member. */
export const REFERENCE_TABLES: Record<string, string> = {
  territories:
    'official territorial units (communes, arrondissements, provinces…); platform administrators maintain them',
  territory_levels: 'the levels of the territorial hierarchy',
  territory_code_changes: 'official code changes (mergers of communes)',
  territory_geometries: 'map outlines of the territorial units',
  transit_lines: 'public transport lines near the border',
  obs_shape_sets: 'content-addressed sets of map codes; anyone reading a map may add one, nobody changes one',
};

// Why a stranger organisation (no programme, partnership, grant or referral) still reads some rows of
// others: the network is built for cooperation, and these describe organisations' offers and shared work,
// never a person. Each reason restates what the table's read policy says.
const PROGRAMMES =
  'programme management is open within the network: any signed-in member reads programmes, their partners, actions, indicators, territories and budgets';
const OBSERVATORY =
  'the observatory is shared knowledge: any signed-in member reads data elements, indicators, values, imports and boards (published boards: anyone)';
const INITIATIVES =
  'the catalogue of initiatives and experimentations (partners, proposals, results, transfers) is open to every signed-in member';
const DIRECTORY =
  'the network directory: published or network-visible offers and services, read by every signed-in member';

/** Tenant tables whose read policies deliberately show some rows of other organisations to any member. */
export const SHARED_READ: Record<string, string> = {
  organisations: 'the directory of the network: every organisation is listed',
  programmes: PROGRAMMES,
  programme_partners: PROGRAMMES,
  programme_actions: PROGRAMMES,
  programme_indicators: PROGRAMMES,
  programme_indicator_milestones: PROGRAMMES,
  programme_territories: PROGRAMMES,
  budget_envelopes: PROGRAMMES,
  budget_versions: PROGRAMMES,
  budget_lines: PROGRAMMES,
  budget_cofinancing: PROGRAMMES,
  obs_data_elements: OBSERVATORY,
  obs_indicators: OBSERVATORY,
  obs_values: OBSERVATORY,
  obs_imports: OBSERVATORY,
  obs_boards: OBSERVATORY,
  obs_board_tiles: OBSERVATORY,
  obs_board_followups: OBSERVATORY,
  obs_analyses: OBSERVATORY,
  obs_analysis_versions:
    'published analysis versions are read by every signed-in member; drafts stay with their organisation',
  obs_analysis_sections: 'the sections of a published analysis version',
  initiatives: INITIATIVES,
  initiative_partners: INITIATIVES,
  initiative_proposals: INITIATIVES,
  initiative_results: INITIATIVES,
  initiative_territories: INITIATIVES,
  experimentations: INITIATIVES,
  experimentation_partners: INITIATIVES,
  experimentation_transfers: INITIATIVES,
  accompaniment_teams:
    'mobile accompaniment teams are listed to the network so that partners can request them',
  accompaniment_deliverables: 'the deliverables an accompaniment team offers, listed with the team',
  forum_events: 'events are announced to the network (published ones to the public)',
  forum_event_partners: 'the co-organisers of an announced event',
  immersion_offers: 'published immersion offers are visible to every organisation',
  immersion_offer_periods: 'the periods of a visible immersion offer',
  placement_offers: DIRECTORY,
  services: DIRECTORY,
  service_links:
    'links between two services of the directory, read by every signed-in member (indicators count them)',
  practice_sheets: 'good-practice sheets an organisation made network-visible or public',
  practice_take_ups: 'take-ups of a network-visible practice sheet',
  org_units: 'the units of every organisation are listed so that referrals can be addressed',
  territory_groups: 'territory groups are shared (those without an organisation belong to the network)',
  territory_group_members: 'the territories of a shared territory group',
};

/**
 * Tenant tables where an organisation may deliberately write a row naming another one, and which write
 * probes that allows ('insert naming B', 'move own row to B', "update B's rows", "delete B's rows").
 */
export const SHARED_WRITE: Record<string, { reason: string; allows: string[] }> = {
  volunteer_organisations: {
    reason:
      'the coordinating organisation of a volunteer records the partner organisations the volunteer works with',
    allows: ['insert naming B', "update B's rows", "delete B's rows"],
  },
  service_links: {
    reason: 'a link between two services belongs to both organisations: the partner accepts or ends it',
    allows: ["update B's rows"],
  },
};
