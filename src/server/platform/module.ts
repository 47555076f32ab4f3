import type { FastifyInstance } from 'fastify';
import type { ProfileRow } from '../../common/monitoring/characteristics';
import type {
  IndicatorCount,
  IndicatorUnit,
  RuleParamSpecs,
  RuleParams,
} from '../../common/monitoring/rules';
import type { Actor } from './actor';
import type { AttentionProvider } from './attention';
import type { Tx } from './db/context';
import type { DemoSeeder } from './demo';
import type { Deps } from './deps';
import type { DomainEvent } from './events';
import type { MasterKeys } from './keys/field-cipher';

/**
 * Who hears of an event, and how (as data, like the MAILS tables of the modules): called after the event's
 * transaction committed, in a transaction acting for the event's organisation.
 */
export interface NotificationHandler {
  /** The event type it handles, e.g. `placements.agreement.validated`. */
  event: string;
  /**
   * The organisation the handler acts for (the one whose staff it reads and whose outbox it writes);
   * the organisation that recorded the event when not given.
   */
  actsFor?: (event: DomainEvent) => string | null;
  handle(trx: Tx, deps: Deps, event: DomainEvent): Promise<void>;
}

/** What a rule counts over: a programme, a period (inclusive dates) and the rule's resolved parameters. */
export interface IndicatorScope {
  programmeId: string;
  from: string;
  to: string;
  params: RuleParams;
}

/**
 * One counted record as a drill-down shows it: pseudonymous (a participant code, never a name), with the
 * partner that recorded it. `personId` never leaves the server: it names the persons in the audit entry.
 */
export interface IndicatorRecord {
  subject: string;
  personId: string | null;
  partnerOrgId: string;
  startsOn: string | null;
  endsOn: string | null;
  detail: string | null;
}

/**
 * A programme indicator's counting rule, computed from a module's records (the monitoring module runs
 * them; each module that creates reportable activity registers its own). Both functions run in the
 * requesting user's transaction: counts come from definer functions that answer counts only; records
 * answer the lead organisation every row and a partner its own rows (migration 0017).
 */
export interface IndicatorRule {
  /** Stable code, `<module>.<rule>`, e.g. `placements.persons_placed`. */
  code: string;
  /** Catalogue keys of its name and of how it counts (the parameters are shown beside it). */
  labelKey: string;
  definitionKey: string;
  /** Unique persons, or participations (the same person counted each time), organisations… */
  unit: IndicatorUnit;
  params: RuleParamSpecs;
  count(trx: Tx, scope: IndicatorScope): Promise<IndicatorCount>;
  records(trx: Tx, scope: IndicatorScope): Promise<IndicatorRecord[]>;
  /**
   * For a rule about persons: the counted rows by sex and by age at their start (migration 0022), counts
   * only, for the breakdowns by sex and by age band. A rule without it offers no such breakdown.
   */
  profile?(trx: Tx, scope: IndicatorScope): Promise<ProfileRow[]>;
}

/**
 * Alerts a module adds to the rows of a person list (a caseload page): codes per person id, for a whole
 * page in one query, never one per row. The people module asks every module for them.
 */
export type CaseloadAlertProvider = (
  trx: Tx,
  persons: ReadonlyArray<{ id: string; benefit: string }>,
  today: string,
) => Promise<Map<string, string[]>>;

/** One titled part of what a module holds about a person (an export section): rows of plain values. */
export interface SubjectSection {
  /** Stable key, `<module>.<part>`; the title is the catalogue message `subject_rights.section.<key>`. */
  key: string;
  rows: Record<string, string | number | boolean | null>[];
  /** Rows the requester may not read (clinical notes for a non-clinician): how many, never their content. */
  withheld?: number;
}

/**
 * What a module holds about a person, for the data-subject rights (issue 16, ADR 0032): `collect` answers
 * it for an export (as the requester may read it: `actor` null is the system), `anonymise` clears it for an
 * erasure, keeping only the minimal participation record the programmes' audits need, and answers counts
 * of rows changed. Both run in the home organisation's transaction; anonymise only inside an erasure
 * started by the people module (app.begin_erasure).
 */
export interface SubjectDataProvider {
  key: string;
  /** `masters` opens what the home organisation sealed (its own keys, through the request context). */
  collect(trx: Tx, actor: Actor | null, personId: string, masters: MasterKeys): Promise<SubjectSection[]>;
  anonymise(trx: Tx, personId: string): Promise<Record<string, number>>;
}

/** A demo seeder with its place in the order: organisations and accounts come first, then lower orders. */
export interface ModuleDemo {
  order: number;
  seed: DemoSeeder;
}

/**
 * A module's face to the platform: everything the hub files need from it. The lists of modules
 * (`src/server/modules/index.ts`) are the only place modules are named; adding one is a folder plus one
 * line there.
 */
export interface ServerModule {
  name: string;
  routes?: (app: FastifyInstance, deps: Deps) => Promise<void>;
  /** Registers its queue handlers and recurring tasks on deps.jobs. */
  jobs?: (deps: Deps) => void;
  attention?: readonly AttentionProvider[];
  demo?: readonly ModuleDemo[];
  indicators?: readonly IndicatorRule[];
  notifications?: readonly NotificationHandler[];
  caseloadAlerts?: readonly CaseloadAlertProvider[];
  /** What the module holds about a person: exported and anonymised with the data-subject rights. */
  subjectData?: readonly SubjectDataProvider[];
}
