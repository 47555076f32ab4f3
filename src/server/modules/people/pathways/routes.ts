import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  ActionCreateBody,
  ActionPatchBody,
  MobilityCreateBody,
  NoteCreateBody,
  NoteList,
  NotePatchBody,
  ObjectiveCreateBody,
  ObjectivePatchBody,
  PathwayCreateBody,
  PathwayDetail,
  PathwayList,
  PathwayPatchBody,
  ReferentOptions,
} from '../../../../common/people/pathway-schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { addNote } from './add-note';
import { createAction } from './create-action';
import { createObjective } from './create-objective';
import { createPathway } from './create-pathway';
import { deleteAction } from './delete-action';
import { deleteObjective } from './delete-objective';
import { editNote } from './edit-note';
import { getPathway } from './get-pathway';
import { listNotes } from './list-notes';
import { listPathways } from './list-pathways';
import { listReferents } from './list-referents';
import { recordMobility } from './record-mobility';
import { updateAction } from './update-action';
import { updateObjective } from './update-objective';
import { updatePathway } from './update-pathway';

const tags = ['pathways'];
// Ids are checked by the use cases, so that a malformed one answers 404 like one of another organisation.
const Id = Type.Object({ id: Type.String() });
const PersonId = Type.Object({ personId: Type.String() });
const id = (req: FastifyRequest) => (req.params as { id: string }).id;

type UseCase<B> = (trx: Tx, actor: Actor, id: string, body: B) => Promise<PathwayDetail>;

/** Pathways of persons: objectives and actions, the notes timeline, mobility. Every write answers with
 * the whole pathway as it now stands, so that the page shows the derived progress at once. */
export async function pathwayRoutes(app: FastifyInstance, deps: Deps) {
  const write =
    <B>(fn: UseCase<B>, status = 200) =>
    async (req: FastifyRequest, reply: FastifyReply) =>
      reply
        .status(status)
        .send(await inTx(deps, req, (trx, actor) => fn(trx, actor, id(req), req.body as B)));
  const created = { 201: PathwayDetail };
  const changed = { 200: PathwayDetail };

  app.get(
    '/api/people/:personId/pathways',
    { schema: { tags, params: PersonId, response: { 200: PathwayList } } },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        listPathways(trx, actor, (req.params as { personId: string }).personId),
      ),
  );
  app.post(
    '/api/people/:personId/pathways',
    { schema: { tags, params: PersonId, body: PathwayCreateBody, response: created } },
    async (req, reply) => {
      const personId = (req.params as { personId: string }).personId;
      const body = req.body as PathwayCreateBody;
      return reply
        .status(201)
        .send(await inTx(deps, req, (trx, actor) => createPathway(trx, actor, personId, body)));
    },
  );
  app.get('/api/pathway-referents', { schema: { tags, response: { 200: ReferentOptions } } }, async (req) =>
    inTx(deps, req, (trx, actor) => listReferents(trx, actor)),
  );
  app.get('/api/pathways/:id', { schema: { tags, params: Id, response: changed } }, async (req) =>
    inTx(deps, req, (trx, actor) => getPathway(trx, actor, id(req))),
  );
  app.patch(
    '/api/pathways/:id',
    { schema: { tags, params: Id, body: PathwayPatchBody, response: changed } },
    write(updatePathway),
  );
  app.post(
    '/api/pathways/:id/objectives',
    { schema: { tags, params: Id, body: ObjectiveCreateBody, response: created } },
    write(createObjective, 201),
  );
  app.patch(
    '/api/objectives/:id',
    { schema: { tags, params: Id, body: ObjectivePatchBody, response: changed } },
    write(updateObjective),
  );
  app.delete(
    '/api/objectives/:id',
    { schema: { tags, params: Id, response: changed } },
    write(deleteObjective),
  );
  app.post(
    '/api/objectives/:id/actions',
    { schema: { tags, params: Id, body: ActionCreateBody, response: created } },
    write(createAction, 201),
  );
  app.patch(
    '/api/actions/:id',
    { schema: { tags, params: Id, body: ActionPatchBody, response: changed } },
    write(updateAction),
  );
  app.delete('/api/actions/:id', { schema: { tags, params: Id, response: changed } }, write(deleteAction));
  app.get(
    '/api/pathways/:id/notes',
    { schema: { tags, params: Id, response: { 200: NoteList } } },
    async (req) => inTx(deps, req, (trx, actor) => listNotes(trx, actor, id(req))),
  );
  app.post(
    '/api/pathways/:id/notes',
    { schema: { tags, params: Id, body: NoteCreateBody, response: created } },
    write(addNote, 201),
  );
  app.patch(
    '/api/notes/:id',
    { schema: { tags, params: Id, body: NotePatchBody, response: changed } },
    write(editNote),
  );
  app.post(
    '/api/pathways/:id/mobility',
    { schema: { tags, params: Id, body: MobilityCreateBody, response: created } },
    write(recordMobility, 201),
  );
}
