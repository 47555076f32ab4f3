/**
 * The record types the audit log names: the audited tables (written by the change trigger) and the
 * entities of the events no table change shows. Each has a name in the catalogues,
 * `admin.audit.entity_type.<name>`; a test checks that every audited table of the schema is listed here.
 */
export const AUDIT_ENTITIES = [
  'organisations',
  'users',
  'user',
  'session',
  'memberships',
  'territories',
  'programmes',
  'programme_partners',
  'programme_actions',
  'programme_milestones',
  'programme_territories',
  'programme_documents',
  'services',
  'transit_lines',
  'persons',
  'participant_codes',
  'pathways',
  'pathway_objectives',
  'pathway_actions',
  'pathway_notes',
  'pathway_mobility',
  'consents',
  'referrals',
  'person_grants',
  'placement_offers',
  'placements',
  'placement_signatures',
  'placement_attendance',
  'placement_evaluations',
  'placement_incidents',
  'placement_mobility',
  'placement_stays_abroad',
  'placement_outcomes',
  'programme_indicators',
  'programme_indicator_milestones',
  'programme_indicator_values',
  'budget_versions',
  'budget_envelopes',
  'budget_lines',
  'budget_cofinancing',
  'expenditure_declarations',
  'expenditure_items',
  'expenditure_proofs',
  'progress_reports',
  'progress_report_versions',
  'org_units',
  'org_unit_members',
  'immersion_offers',
  'immersion_offer_periods',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const isAuditEntity = (e: string): e is AuditEntity =>
  (AUDIT_ENTITIES as readonly string[]).includes(e);

/** The catalogue key of a record type's name; unknown types (a table added since) have none. */
export const auditEntityKey = (e: string) => (isAuditEntity(e) ? `admin.audit.entity_type.${e}` : null);
