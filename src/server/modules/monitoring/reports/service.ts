import type {
  Narrative,
  NarrativeInput,
  ReportFigures,
  ReportInput,
  ReportList,
  ReportSummary,
  ReportVersionView,
  ReportView,
} from '../../../../common/monitoring/report-schemas';
import type { FieldError } from '../../../../common/validation/errors';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { isLead, memberProgramme } from '../programme-access';
import { takeSnapshot } from './snapshot';
import * as store from './store';

/**
 * Progress reports (ADR 0019). The lead's coordinator (`programme.monitor` in the lead organisation)
 * creates a report for a period (its figures snapshotted then), writes a narrative per action, refreshes
 * the figures while it is a draft, submits it (the version is frozen) and re-opens it with a reason (a new
 * version starts from the last one). The programme's partners read the submitted versions. RLS hides the
 * rest: a report another organisation cannot see is a 404, never a 403 that would tell it exists.
 */

const E = (code: string) => `monitoring.reports.errors.${code}`;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

const versionView = (v: store.VersionRow): ReportVersionView => ({
  number: v.number,
  status: v.status as ReportVersionView['status'],
  figuresTakenAt: iso(v.figures_taken_at) as string,
  submittedAt: iso(v.submitted_at),
  submittedBy: v.submitted_by_name ?? null,
  reopenedAt: iso(v.reopened_at),
  reopenedBy: v.reopened_by_name ?? null,
  reopenReason: v.reopen_reason,
});

function summary(r: store.ReportRow, versions: readonly store.VersionRow[]): ReportSummary {
  // RLS already hides a draft version from a partner: the newest row the caller reads is theirs to read.
  const readable = versions.find((v) => v.report_id === r.id);
  return {
    id: r.id,
    programmeId: r.programme_id,
    period: r.period,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    dueOn: r.due_on,
    status: r.status as ReportSummary['status'],
    version: r.version,
    readableVersion: readable?.number ?? null,
  };
}

export async function listReports(trx: Tx, actor: Actor, programmeId: string): Promise<ReportList> {
  requirePermission(actor, 'indicators.view');
  const { programme } = await memberProgramme(trx, programmeId, actor);
  const rows = await store.listReports(trx, programme.id);
  const versions = await store.listVersions(
    trx,
    rows.map((r) => r.id),
  );
  return {
    programme: {
      id: programme.id,
      acronym: programme.acronym ?? '',
      nameFr: programme.name_fr,
      nameNl: programme.name_nl,
      leadOrgId: programme.org_id,
      startsOn: programme.starts_on,
      endsOn: programme.ends_on,
    },
    items: rows.map((r) => summary(r, versions)),
    canManage: isLead(actor, programme.org_id),
  };
}

/** What the schema cannot say of a period: in order, within the programme, due after it ends. */
export function checkPeriod(
  input: ReportInput,
  programme: { starts_on: string; ends_on: string },
): FieldError[] {
  const problems: FieldError[] = [];
  if (input.endsOn < input.startsOn) problems.push({ path: 'endsOn', code: E('end_before_start') });
  if (input.startsOn < programme.starts_on || input.startsOn > programme.ends_on)
    problems.push({ path: 'startsOn', code: E('outside_programme') });
  if (input.endsOn > programme.ends_on || input.endsOn < programme.starts_on)
    problems.push({ path: 'endsOn', code: E('outside_programme') });
  if (input.dueOn < input.endsOn) problems.push({ path: 'dueOn', code: E('due_before_end') });
  return problems;
}

export async function createReport(
  trx: Tx,
  deps: Pick<Deps, 'modules'>,
  actor: Actor,
  programmeId: string,
  input: ReportInput,
): Promise<{ id: string }> {
  requirePermission(actor, 'programme.monitor');
  const { programme } = await memberProgramme(trx, programmeId, actor);
  if (!isLead(actor, programme.org_id)) throw forbidden(E('not_lead'));
  const period = input.period.trim();
  const problems = checkPeriod(input, programme);
  if (problems.length) throw validationFailed(problems);
  if ((await store.listReports(trx, programme.id)).some((r) => r.period === period))
    throw conflict(E('period_exists'));
  const { id } = await store.insertReport(trx, {
    programmeId: programme.id,
    leadOrgId: programme.org_id,
    period,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    dueOn: input.dueOn,
    userId: actor.userId,
  });
  const row = await store.findReport(trx, id);
  if (!row) throw notFound();
  const snap = await takeSnapshot(trx, deps, row);
  await store.insertVersion(trx, row, {
    number: 1,
    figures: snap.published,
    exact: snap.exact,
    narratives: {},
    userId: actor.userId,
  });
  return { id };
}

async function visible(trx: Tx, id: string) {
  const r = await store.findReport(trx, id);
  if (!r) throw notFound();
  return r;
}

export async function viewReport(trx: Tx, actor: Actor, id: string, number?: number): Promise<ReportView> {
  requirePermission(actor, 'indicators.view');
  const r = await visible(trx, id);
  const versions = await store.listVersions(trx, [r.id]);
  const shown = number === undefined ? versions[0] : versions.find((v) => v.number === number);
  if (!shown) throw notFound(E('no_version'));
  const content = await store.versionContent(trx, r.id, shown.number);
  if (!content) throw notFound(E('no_version'));
  const lead = isLead(actor, r.lead_org_id);
  return {
    report: summary(r, versions),
    version: versionView(shown),
    versions: versions.map(versionView),
    // The lead reads (and reports) the exact figures; the partners the published ones.
    figures: (lead && content.exact ? content.exact : content.figures) as ReportFigures,
    exact: lead && !!content.exact,
    narratives: content.narratives as Record<string, Narrative>,
    canEdit: lead && r.status === 'draft' && shown.number === r.version,
    canReopen: lead && r.status === 'submitted',
  };
}

async function editableDraft(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'programme.monitor');
  const r = await visible(trx, id);
  if (!isLead(actor, r.lead_org_id)) throw forbidden(E('not_lead'));
  if (r.status !== 'draft') throw conflict(E('read_only'));
  return r;
}

/** Blank texts are stored as absent, so that "written in Dutch only" is what the page shows. */
const text = (s: string | null | undefined) => {
  const t = s?.trim();
  return t ? t : null;
};

export async function saveNarrative(trx: Tx, actor: Actor, id: string, input: NarrativeInput) {
  const r = await editableDraft(trx, actor, id);
  const content = await store.versionContent(trx, r.id, r.version);
  if (!content) throw notFound(E('no_version'));
  const figures = content.figures as ReportFigures;
  if (input.key !== 'general' && !figures.actions.some((a) => a.id === input.key))
    throw validationFailed([{ path: 'key', code: E('action_other') }]);
  const narratives = { ...(content.narratives as Record<string, Narrative>) };
  const next = { fr: text(input.fr), nl: text(input.nl), en: text(input.en) };
  if (next.fr === null && next.nl === null && next.en === null) delete narratives[input.key];
  else narratives[input.key] = next;
  await store.updateDraft(trx, r.id, r.version, { narratives });
  return { ok: true };
}

export async function refreshFigures(trx: Tx, deps: Pick<Deps, 'modules'>, actor: Actor, id: string) {
  const r = await editableDraft(trx, actor, id);
  const snap = await takeSnapshot(trx, deps, r);
  await store.updateDraft(trx, r.id, r.version, { figures: snap.published, exact: snap.exact });
  return { ok: true };
}

export async function submitReport(trx: Tx, actor: Actor, id: string) {
  const r = await editableDraft(trx, actor, id);
  await store.markSubmitted(trx, r, actor.userId);
  return { ok: true };
}

export async function reopenReport(trx: Tx, actor: Actor, id: string, reason: string) {
  requirePermission(actor, 'programme.monitor');
  const r = await visible(trx, id);
  if (!isLead(actor, r.lead_org_id)) throw forbidden(E('not_lead'));
  if (r.status !== 'submitted') throw conflict(E('not_submitted'));
  const why = reason.trim();
  if (why.length < 3) throw validationFailed([{ path: 'reason', code: E('reason_required') }]);
  const last = await store.versionContent(trx, r.id, r.version);
  if (!last) throw notFound(E('no_version'));
  await store.markReopened(trx, r, actor.userId, why);
  // The new version starts from the frozen one: same figures (refreshed on request) and narratives.
  await store.insertVersion(
    trx,
    { ...r, version: r.version + 1 },
    {
      number: r.version + 1,
      figures: last.figures,
      exact: last.exact ?? last.figures,
      narratives: last.narratives,
      userId: actor.userId,
      takenAt: last.figures_taken_at,
    },
  );
  return { ok: true };
}
