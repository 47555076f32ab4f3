import { sql } from 'kysely';
import { can } from '../../../../common/access/permissions';
import { localized } from '../../../../common/i18n/locales';
import {
  EDITABLE_STATUSES,
  SIGNATURE_SIDE,
  type SignatureRole,
} from '../../../../common/placements/agreement-rules';
import type {
  HistoryEntry,
  PlacementView,
  SignatureView,
} from '../../../../common/placements/agreement-schemas';
import {
  type AgreementStatus,
  agreementWorkflow,
  type Side,
  TERMINAL,
} from '../../../../common/placements/agreement-workflow';
import { type NextTask, nextTasks, type Reader, whose } from '../../../../common/placements/next-step';
import type { Actor } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { type PlacementAccess, placementForActor } from './access';
import { emergencyContactFor } from './convention-view';
import { loadFacts } from './facts';
import * as store from './store';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

/**
 * The person's name as this side may see it: the home centre from its own record; the host only through
 * the agreement's grant (app.shared_person, which audits the read itself), and nothing once the agreement
 * has ended. Every other read of the person here is audited in the home centre's chain.
 */
async function personFor(trx: Tx, access: PlacementAccess) {
  const { row, side } = access;
  const detail = { placementId: row.id, side };
  const audited = () => auditPersonRead(trx, { personIds: [row.person_id], what: 'placement', detail });
  if (side === 'home') {
    const p = await store.findOwnPersonAudited(trx, row.person_id, 'placement', detail);
    return { name: p ? `${p.first_name} ${p.last_name}` : null, code: p?.participant_code ?? null };
  }
  // An ended agreement shows the host nothing of the person (its participant code at most), even if another
  // agreement still grants it.
  if (TERMINAL.includes(row.status as AgreementStatus)) {
    await audited();
    return { name: null, code: null };
  }
  const shared = await store.sharedPerson(trx, row.person_id);
  const first = text(shared?.firstName);
  const last = text(shared?.lastName);
  return { name: first || last ? [first, last].filter(Boolean).join(' ') : null, code: null };
}

/** A next task as the API gives it, in the reader's words. */
export function taskView(task: NextTask, reader: Reader): PlacementView['nextStep'][number] {
  return {
    kind: task.kind,
    action: task.kind === 'action' ? task.action : null,
    side: task.side,
    roles: task.kind === 'sign' ? [] : task.roles,
    signatures:
      task.kind === 'request_signature' ? task.signatures : task.kind === 'sign' ? [task.signature] : [],
    signerName: task.kind === 'sign' ? task.signerName : null,
    blockedBy: task.kind === 'action' ? task.blockedBy : [],
    whose: whose(task, reader),
  };
}

/** The reason of the move that led to this status, where the reader still needs it (else: the history). */
export function currentReason(status: AgreementStatus, side: Side, reason: string | null): string | null {
  if (status === 'interrupted' || status === 'cancelled') return reason;
  // A refusal or return concerns the home side while it reworks the draft; signed again, it is history.
  return status === 'draft' && side === 'home' ? reason : null;
}

interface AuditRow {
  at: Date | string;
  action: string;
  actor_org_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The agreement's moves, replayed from the changes the audit trigger wrote to the home centre's chain (so
 * only the home side can read them: the host's view has no history). A reason is kept with the move that
 * required it, even when the same text was given again (then the change shows no new reason).
 */
export async function loadHistory(
  trx: Tx,
  row: { id: string; org_id: string; host_org_id: string },
): Promise<HistoryEntry[]> {
  const r = await sql<AuditRow>`select at, action, actor_org_id, before, after from audit.log
    where entity = 'placements' and entity_id = ${row.id} and org_id = ${row.org_id}
    order by seq`.execute(trx);
  const sideOf = (org: string | null): Side | null =>
    org === row.org_id ? 'home' : org === row.host_org_id ? 'host' : null;
  const out: HistoryEntry[] = [];
  let status: AgreementStatus | null = null;
  let reason: string | null = null;
  for (const e of r.rows) {
    const after = e.after ?? {};
    if ('status_reason' in after)
      reason = typeof after.status_reason === 'string' ? after.status_reason : null;
    const next = typeof after.status === 'string' ? (after.status as AgreementStatus) : null;
    if (e.action === 'create' && next) {
      out.push({ at: iso(e.at) as string, action: 'create', to: next, side: 'home', reason: null });
      status = next;
      continue;
    }
    if (!next || next === status) continue;
    const from = (typeof e.before?.status === 'string' ? e.before.status : status) as AgreementStatus;
    const t = agreementWorkflow.definition.transitions.find((x) => x.from === from && x.to === next);
    status = next;
    if (!t) continue;
    out.push({
      at: iso(e.at) as string,
      action: t.action,
      to: next,
      side: t.side === 'either' ? sideOf(e.actor_org_id) : t.side,
      reason: t.reasonRequired ? reason : null,
    });
  }
  return out;
}

export async function toView(trx: Tx, actor: Actor, access: PlacementAccess): Promise<PlacementView> {
  const { row, side } = access;
  const status = row.status as AgreementStatus;
  const sigs = await store.signatures(trx, row.id);
  const { facts, guards } = await loadFacts(trx, row, side, sigs);
  const extras = await store.viewExtras(trx, row);
  const person = await personFor(trx, access);
  const party = (await store.parties(trx, [row.id])).get(row.id);
  const now = Date.now();
  // The host learns who the person is only through the grant: not from the person's signature line.
  const hidden = (role: string) => side === 'host' && role === 'person';
  // Back in draft after a refusal or a return, the round's signatures no longer hold: the next sending
  // raises the version and they are asked again.
  const superseded = status === 'draft';
  const signatures: SignatureView[] = sigs
    .filter((s) => s.version === row.version)
    .map((s) => ({
      id: s.id,
      role: s.role as SignatureView['role'],
      version: s.version,
      signerName: hidden(s.role) ? (person.name ?? party?.code ?? '') : (s.signer_name ?? ''),
      // A signer's address is for the side they sign for: the home centre does not read the host's staff
      // addresses, even those the platform invited itself (issue 9, item 3), nor the host the home's.
      email: SIGNATURE_SIDE[s.role as SignatureRole] === side ? s.email : null,
      method: s.method as SignatureView['method'],
      requestedAt: iso(s.requested_at) as string,
      signedAt: iso(s.signed_at),
      linkPending:
        s.signed_at === null &&
        s.token_hash !== null &&
        s.token_expires_at !== null &&
        new Date(s.token_expires_at).getTime() > now,
      superseded,
    }));
  const reader = { side, roles: actor.roles };
  const nextStep = nextTasks(
    status,
    signatures
      .filter((s) => !s.superseded)
      .map((s) => ({
        role: s.role,
        signed: s.signedAt !== null,
        linkPending: s.linkPending,
        signerName: s.signerName || null,
      })),
    guards,
  ).map((t) => taskView(t, reader));
  const org = (o: { name_fr: string; name_nl: string } | undefined, id: string) => ({
    id,
    nameFr: o?.name_fr ?? '',
    nameNl: o?.name_nl ?? '',
  });
  const lang = actor.language;
  const programmeName = extras.programme
    ? localized(lang, extras.programme.name_fr, extras.programme.name_nl)
    : null;
  const municipalityName = extras.territory
    ? localized(lang, extras.territory.name_fr, extras.territory.name_nl)
    : null;
  return {
    id: row.id,
    side,
    status,
    version: row.version,
    personId: row.person_id,
    personName: person.name,
    participantCode: person.code ?? party?.code ?? null,
    homeOrg: org(extras.home, row.org_id),
    hostOrg: org(extras.host, row.host_org_id),
    offerId: row.offer_id,
    programmeId: row.programme_id,
    programmeName,
    pathwayId: side === 'home' ? row.pathway_id : null,
    siteName: row.site_name,
    municipalityCode: row.municipality_code,
    municipalityName,
    tasks: row.tasks,
    schedule: row.schedule,
    timetable: row.timetable,
    hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
    aim: row.aim as PlacementView['aim'],
    jobCodeKind: row.job_code_kind as PlacementView['jobCodeKind'],
    jobCode: row.job_code,
    protectiveEquipment: row.protective_equipment,
    emergencyContact: emergencyContactFor(row, side),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    referentUserId: row.referent_user_id,
    referentName: party?.referentName ?? null,
    tutorUserId: row.tutor_user_id,
    tutorName: party?.tutorName ?? null,
    signatory: row.signatory as PlacementView['signatory'],
    representativeName: row.representative_name,
    language: row.language as PlacementView['language'],
    accidentInsuranceRef: row.accident_insurance_ref,
    liabilityInsuranceRef: row.liability_insurance_ref,
    sharedFields: row.shared_fields,
    statusReason: currentReason(status, side, row.status_reason),
    nextStep,
    history: side === 'home' ? await loadHistory(trx, row) : [],
    durationRule: facts.rule,
    signatures,
    actions: agreementWorkflow
      .available(status, side, actor.roles, guards)
      .map(({ action, to, tone, reasonRequired, blockedBy }) => ({
        action,
        to,
        tone,
        reasonRequired,
        blockedBy,
      })),
    editable: side === 'home' && EDITABLE_STATUSES.includes(status) && can(actor.roles, 'placement.manage'),
    validatedAt: iso(row.validated_at),
    activatedAt: iso(row.activated_at),
    endedOn: row.ended_on,
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
  };
}

/**
 * The agreement as the actor may see it now (404 for anyone who is not a party). It names the person (or
 * gives their participant code): one audited read, in the home centre's chain whichever side reads.
 */
export async function loadView(trx: Tx, actor: Actor, id: string): Promise<PlacementView> {
  return toView(trx, actor, await placementForActor(trx, actor, id));
}
