import { noteEditable, pathwaySummary } from '../../../../common/people/pathway-rules';
import type { PathwayDetail, PathwayListItem, PathwayNote } from '../../../../common/people/pathway-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { loadPathway } from './access';
import { findPerson, type PathwayRow, programmeRefs, userRefs } from './store';
import { actionsOf, objectivesOf } from './store-items';
import { mobilityOf, type NoteRow, notesOf } from './store-notes';

/** The pathway with everything it holds and its derived progress; the read is audited. */
export async function getPathway(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.view');
  const row = await loadPathway(trx, actor, id);
  await audit(trx, {
    action: 'read',
    entity: 'pathways',
    entityId: row.id,
    detail: { personId: row.personId },
  });
  return pathwayDetail(trx, actor, masters, row);
}

/** Builds the detail of a pathway already loaded (writes answer with it, without another audited read). */
export async function pathwayDetail(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  row: PathwayRow,
): Promise<PathwayDetail> {
  // One connection per transaction: queries run one after the other.
  // Already authorised through the pathway (a referent may just have handed it over to a colleague).
  const person = (await findPerson(trx, row.personId))!;
  const objectives = await objectivesOf(trx, masters, row.id);
  const actions = await actionsOf(trx, masters, row.id);
  const notes = await notesOf(trx, masters, row.id);
  const mobility = await mobilityOf(trx, masters, row.id);
  const base = await listItems(trx, [row]);
  const authors = await userRefs(
    trx,
    notes.map((n) => n.authorUserId),
  );
  const withActions = objectives.map((o) => ({
    id: o.id,
    pathwayId: o.pathwayId,
    title: o.title,
    status: o.status,
    dueOn: o.dueOn,
    actions: actions
      .filter((a) => a.objectiveId === o.id)
      .map((a) => ({
        id: a.id,
        objectiveId: a.objectiveId,
        title: a.title,
        status: a.status,
        dueOn: a.dueOn,
        doneOn: a.doneOn,
      })),
  }));
  const now = new Date();
  return {
    ...base[0]!,
    person: { id: person.id, firstName: person.firstName, lastName: person.lastName },
    objectives: withActions,
    notes: notes.map((n) => noteView(n, authors, actor, now)),
    mobility,
    // The rules read mobility oldest first.
    summary: pathwaySummary(withActions, [...mobility].reverse()),
    canManage: actorCan(actor, 'person.manage'),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export function noteView(
  n: NoteRow,
  authors: Map<string, { id: string; displayName: string }>,
  actor: Actor,
  now: Date,
): PathwayNote {
  return {
    id: n.id,
    pathwayId: n.pathwayId,
    notedOn: n.notedOn,
    body: n.body,
    confidential: n.confidential,
    author: authors.get(n.authorUserId) ?? null,
    createdAt: new Date(n.createdAt).toISOString(),
    editable: actorCan(actor, 'person.manage') && noteEditable(n, actor.userId, now),
  };
}

/** Pathways as listed: referents and programme by name. */
export async function listItems(trx: Tx, rows: readonly PathwayRow[]): Promise<PathwayListItem[]> {
  const users = await userRefs(
    trx,
    rows.flatMap((r) => r.referentUserIds),
  );
  const programmes = await programmeRefs(
    trx,
    rows.flatMap((r) => (r.programmeId ? [r.programmeId] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    programme: r.programmeId ? (programmes.get(r.programmeId) ?? null) : null,
    modules: r.modules,
    referents: r.referentUserIds.flatMap((u) => {
      const ref = users.get(u);
      return ref ? [ref] : [];
    }),
    entryOn: r.entryOn,
    exitOn: r.exitOn,
    exitReason: r.exitReason,
  }));
}
