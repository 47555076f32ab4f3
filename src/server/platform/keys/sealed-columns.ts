import type { EncryptedField } from './field-cipher';

/** A column sealed with its organisation's data key, and the blind index kept beside it, if any. */
export interface SealedColumn {
  table: string;
  column: string;
  field: EncryptedField;
  blindIndex?: string;
  /** Held clear text before it was sealed: a value is taken as sealed only if it has the exact shape. */
  heldClearText?: true;
  /** The column naming the organisation whose key seals the row, when it is not org_id (the writer's). */
  orgColumn?: string;
}

/** Every column the re-encryption and the rotation move (ADR 0031; keep in step with EncryptedField). */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    table: 'persons',
    column: 'national_id_enc',
    field: 'persons.national_id',
    blindIndex: 'national_id_bidx',
  },
  { table: 'accompaniment_clinical_notes', column: 'body_enc', field: 'accompaniment_clinical_notes.body' },
  // Shared with the other party of the request through app.request_party_keys() (ADR 0037).
  {
    table: 'accompaniment_requests',
    column: 'message',
    field: 'accompaniment_requests.message',
    heldClearText: true,
  },
  // The team's, written into the requester's row (migration 0079).
  {
    table: 'accompaniment_requests',
    column: 'decline_reason',
    field: 'accompaniment_requests.decline_reason',
    heldClearText: true,
    orgColumn: 'team_org_id',
  },
  {
    table: 'accompaniment_interventions',
    column: 'outcome',
    field: 'accompaniment_interventions.outcome',
    heldClearText: true,
  },
  {
    table: 'interpreter_bookings',
    column: 'briefing',
    field: 'interpreter_bookings.briefing',
    heldClearText: true,
  },
  {
    table: 'newcomer_profiles',
    column: 'psychosocial_referred_to',
    field: 'newcomer_profiles.psychosocial_referred_to',
    heldClearText: true,
  },
  // Read by their own organisation only, as a clinical note (ADR 0038).
  {
    table: 'newcomer_profiles',
    column: 'guardian_name',
    field: 'newcomer_profiles.guardian_name',
    heldClearText: true,
  },
  {
    table: 'newcomer_profiles',
    column: 'guardian_contact',
    field: 'newcomer_profiles.guardian_contact',
    heldClearText: true,
  },
  {
    table: 'newcomer_status_events',
    column: 'note',
    field: 'newcomer_status_events.note',
    heldClearText: true,
  },
  { table: 'outreach_contacts', column: 'note', field: 'outreach_contacts.note', heldClearText: true },
  // The home organisation's, released to a grantee of the 'pathway' group (ADR 0039).
  { table: 'pathway_notes', column: 'body', field: 'pathway_notes.body', heldClearText: true },
  // The home organisation's alone (migration 0080).
  { table: 'pathway_objectives', column: 'title', field: 'pathway_objectives.title', heldClearText: true },
  { table: 'pathway_actions', column: 'title', field: 'pathway_actions.title', heldClearText: true },
  { table: 'pathway_mobility', column: 'note', field: 'pathway_mobility.note', heldClearText: true },
  // The sender's, released to the recipient (app.referral_keys).
  { table: 'referrals', column: 'message', field: 'referrals.message', heldClearText: true },
  // The recipient's, released to the sender (migration 0078).
  {
    table: 'referrals',
    column: 'decline_reason',
    field: 'referrals.decline_reason',
    heldClearText: true,
    orgColumn: 'recipient_org_id',
  },
  // Either side of a placement writes its follow-up: each row with its author's key (ADR 0040).
  ...(['description', 'action_taken'] as const).map(
    (column): SealedColumn => ({
      table: 'placement_incidents',
      column,
      field: `placement_incidents.${column}`,
      heldClearText: true,
      orgColumn: 'author_org_id',
    }),
  ),
  {
    table: 'placement_mobility',
    column: 'note',
    field: 'placement_mobility.note',
    heldClearText: true,
    orgColumn: 'author_org_id',
  },
  {
    table: 'placement_attendance',
    column: 'note',
    field: 'placement_attendance.note',
    heldClearText: true,
    orgColumn: 'author_org_id',
  },
  ...(['strengths', 'improvements', 'next_steps'] as const).map(
    (column): SealedColumn => ({
      table: 'placement_evaluations',
      column,
      field: `placement_evaluations.${column}`,
      heldClearText: true,
      orgColumn: 'author_org_id',
    }),
  ),
  // The home centre's alone, released to nobody (migration 0077).
  {
    table: 'placement_stays_abroad',
    column: 'reason',
    field: 'placement_stays_abroad.reason',
    heldClearText: true,
  },
  ...(['note', 'drop_out_reason'] as const).map(
    (column): SealedColumn => ({
      table: 'placement_outcomes',
      column,
      field: `placement_outcomes.${column}`,
      heldClearText: true,
    }),
  ),
];

/** Columns sealed with the platform key itself (v1): only a master key rotation moves them. */
export const PLATFORM_SEALED_COLUMNS: readonly { table: string; column: string }[] = [
  { table: 'users', column: 'totp_secret_enc' },
  { table: 'mail_outbox', column: 'secret_enc' },
  { table: 'mail_outbox', column: 'attachment_enc' },
];
