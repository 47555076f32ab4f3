import { pageOf } from '../../../../common/kernel/schemas';
import { parseParticipantCode } from '../../../../common/people/participant-code';
import type { PersonPage, PersonQuery, ReferentOption } from '../../../../common/people/schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { forbidden, validationFailed } from '../../../platform/errors';
import { caseloadScope, homeOrg } from './access';
import * as store from './store';
import { toListItem } from './view';

/**
 * The caseload: a referent's own persons, or (with person.view_all_caseloads) the organisation's, then
 * optionally one referent's. Searched by name, birth date or participant code; never the national id.
 * The page is one audited read naming every person it shows (and which filters found them, not their
 * values: a searched name or birth date is itself personal data).
 */
export async function listPersons(
  trx: Tx,
  deps: Pick<Deps, 'clock' | 'modules'>,
  actor: Actor,
  query: PersonQuery,
): Promise<PersonPage> {
  requirePermission(actor, 'person.view');
  homeOrg(actor);
  const scope = caseloadScope(actor);
  if (query.referent && !scope.all && query.referent !== actor.userId) throw forbidden();
  let code: string | undefined;
  if (query.code?.trim()) {
    const parsed = parseParticipantCode(query.code);
    if (!parsed) throw validationFailed([{ path: 'code', code: 'people.persons.errors.code_format' }]);
    code = parsed;
  }
  const { page, pageSize } = pageOf(query);
  const { rows, total } = await store.listPersons(
    trx,
    scope,
    {
      q: query.q,
      birthDate: query.birthDate,
      code,
      referent: query.referent?.toLowerCase(),
      status: query.status ?? 'active',
    },
    page,
    pageSize,
  );
  await auditPersonRead(trx, {
    personIds: rows.map((r) => r.id),
    what: 'caseload',
    detail: {
      page,
      filters: (['q', 'birthDate', 'code', 'referent', 'status'] as const).filter((k) => query[k]),
    },
  });
  // Every module's alerts for the page (one query each, never one per row). They read the persons'
  // benefit (stays abroad): part of the same audited read.
  const alerts = new Map<string, string[]>();
  const today = deps.clock.today();
  for (const provider of deps.modules.flatMap((m) => m.caseloadAlerts ?? []))
    for (const [id, codes] of await provider(trx, rows, today))
      alerts.set(id, [...(alerts.get(id) ?? []), ...codes]);
  const items = rows.map((r) => ({ ...toListItem(r), alerts: alerts.get(r.id) ?? [] }));
  return { items, total, page, pageSize, allCaseloads: scope.all };
}

/** Who can be given a caseload in the actor's organisation (for the referent select). */
export async function listReferents(trx: Tx, actor: Actor): Promise<ReferentOption[]> {
  requirePermission(actor, 'person.view');
  return store.listReferents(trx, homeOrg(actor).orgId);
}
