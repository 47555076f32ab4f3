import type {
  DeliverableInput,
  DeliverableList,
  DeliverableView,
} from '../../../../common/accompaniment/experimentations-schemas';
import { localized } from '../../../../common/i18n/locales';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, forbidden, notFound } from '../../../platform/errors';
import { X } from './experimentations';
import * as store from './store';
import { lang, orgRef } from './views';

/**
 * The deliverables and communication material of a programme, listed per module (action): read by the
 * network, recorded by any `experimentation.manage` holder for their organisation, each deleting its own.
 * A link (https) rather than a file: the platform has no shared attachment store.
 */
export async function listDeliverables(
  trx: Tx,
  actor: Actor,
  programmeId: string | undefined,
): Promise<DeliverableList> {
  requirePermission(actor, 'experimentation.view');
  const l = lang(actor.language);
  const canCreate = actorCan(actor, 'experimentation.manage') && !!actor.orgId;
  // Without a programme chosen: the one with the most deliverables, else AB Réfugiés' first.
  let id = programmeId;
  if (!id) {
    const counted = await trx
      .selectFrom('accompaniment_deliverables')
      .select(['programme_id', trx.fn.countAll<number>().as('n')])
      .groupBy('programme_id')
      .orderBy('n', 'desc')
      .executeTakeFirst();
    id = counted?.programme_id;
  }
  if (!id) return { programmeId: null, modules: [], canCreate };
  const actions = await store.programmeActions(trx, [id]);
  const rows = await store.deliverablesOf(trx, id);
  const orgs = await store.organisations(
    trx,
    rows.map((r) => r.org_id),
  );
  const view = (r: (typeof rows)[number]): DeliverableView => ({
    id: r.id,
    title: r.title,
    kind: r.kind as DeliverableView['kind'],
    languages: r.languages as DeliverableView['languages'],
    linkUrl: r.link_url,
    issuedOn: r.issued_on,
    organisation: orgRef(
      l,
      orgs.find((o) => o.id === r.org_id),
      r.org_id,
    ).name,
    canDelete: canCreate && r.org_id === actor.orgId,
  });
  return {
    programmeId: id,
    modules: actions.map((a) => ({
      actionId: a.id,
      code: a.code,
      title: localized(l, a.title_fr, a.title_nl),
      items: rows.filter((r) => r.action_id === a.id).map(view),
    })),
    canCreate,
  };
}

export async function createDeliverable(trx: Tx, actor: Actor, input: DeliverableInput) {
  requirePermission(actor, 'experimentation.manage');
  if (!actor.orgId) throw forbidden();
  const action = await store.findAction(trx, input.actionId);
  if (!action) throw badRequest(X('unknown_action'));
  const created = await trx
    .insertInto('accompaniment_deliverables')
    .values({
      org_id: actor.orgId,
      programme_id: action.programme_id,
      action_id: action.id,
      title: input.title.trim(),
      kind: input.kind,
      languages: [...input.languages],
      link_url: input.linkUrl?.trim() || null,
      issued_on: input.issuedOn,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: created.id };
}

export async function deleteDeliverable(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'experimentation.manage');
  const r = await trx
    .selectFrom('accompaniment_deliverables')
    .select(['id', 'org_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound(X('unknown_deliverable'));
  if (r.org_id !== actor.orgId) throw forbidden();
  await trx.deleteFrom('accompaniment_deliverables').where('id', '=', r.id).execute();
  return { ok: true };
}
