import type { ColumnType, Generated } from 'kysely';

/** Columns the database fills in on insert. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationsTable {
  id: Generated<string>;
  kind: string;
  country: string;
  region: string;
  name_fr: string;
  name_nl: string;
  short_name: string | null;
  service_languages: Defaulted<string[]>;
  street: string | null;
  postal_code: string | null;
  municipality_code: string | null;
  business_id_type: string | null;
  business_id: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  status: Defaulted<string>;
  closed_on: string | null;
  mfa_required: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  locale: Defaulted<string>;
  platform_admin: Defaulted<boolean>;
  status: Defaulted<string>;
  failed_login_count: Defaulted<number>;
  locked_until: Date | null;
  totp_secret_enc: string | null;
  totp_enabled: Defaulted<boolean>;
  totp_last_step: number | null;
  password_changed_at: Date | null;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  roles: string[];
  active: Defaulted<boolean>;
  /** NULL while the invitation waits for its holder: a pending membership gives no access. */
  accepted_at: Defaulted<Date | null>;
  invited_by: string | null;
  invited_email: string | null;
  invited_name: string | null;
  invited_locale: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string;
  active_org_id: string | null;
  csrf_token: string;
  mfa_pending: Defaulted<boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date | string;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface PasswordResetsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: Buffer;
  created_at: Timestamp;
  expires_at: Date | string;
  used_at: Date | null;
  purpose: Defaulted<'reset' | 'invitation'>;
  /** For an invitation: the organisation whose membership setting the password accepts. */
  org_id: string | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  org_id: string | null;
  to_address: string;
  locale: string;
  template: string;
  subject: string;
  body_text: string;
  /** Encrypted parameters the body shows redacted (single-use links); cleared once delivered. */
  secret_enc: string | null;
  /** The attached file's name (shown in the outbox); the file itself is attachment_enc. */
  attachment_name: Defaulted<string | null>;
  /** The attached file, encrypted (base64 inside), until the mail leaves; then erased (ADR 0014). */
  attachment_enc: Defaulted<string | null>;
  status: Defaulted<string>;
  attempts: Defaulted<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Date | null;
}

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  payload: Defaulted<unknown>;
  org_id: string | null;
  singleton_key: string | null;
  status: Defaulted<string>;
  run_at: Timestamp;
  attempts: Defaulted<number>;
  max_attempts: Defaulted<number>;
  locked_at: Date | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  chain: string;
  seq: number;
  at: Date;
  org_id: string | null;
  actor_user_id: string | null;
  actor_org_id: string | null;
  request_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  prev_hash: Buffer | null;
  hash: Buffer;
}

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface PlatformTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  mail_outbox: MailOutboxTable;
  jobs: JobsTable;
  'audit.log': AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}

/**
 * The whole schema: the platform's tables here; each module adds its own from its `tables.ts` by
 * declaration merging (`declare module '…/platform/db/database' { interface Database extends XTables {} }`),
 * so the platform names no module.
 */
export interface Database extends PlatformTables {}
