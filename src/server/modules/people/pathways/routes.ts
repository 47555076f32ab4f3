import type { FastifyInstance } from 'fastify';
import { pathwaysApi } from '../../../../common/people/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
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

/**
 * Pathways of persons: objectives and actions, the notes timeline, mobility. Every write answers with
 * the whole pathway as it now stands, so that the page shows the derived progress at once.
 */
export async function pathwayRoutes(app: FastifyInstance, deps: Deps) {
  route(app, pathwaysApi.list, (req) =>
    inTx(deps, req, (trx, actor) => listPathways(trx, actor, req.params.personId)),
  );
  route(app, pathwaysApi.create, (req) =>
    inTx(deps, req, (trx, actor) => createPathway(trx, actor, deps.secrets, req.params.personId, req.body)),
  );
  route(app, pathwaysApi.referents, (req) => inTx(deps, req, (trx, actor) => listReferents(trx, actor)));
  route(app, pathwaysApi.get, (req) =>
    inTx(deps, req, (trx, actor) => getPathway(trx, actor, deps.secrets, req.params.id)),
  );
  route(app, pathwaysApi.update, (req) =>
    inTx(deps, req, (trx, actor) => updatePathway(trx, actor, deps.secrets, req.params.id, req.body)),
  );
  route(app, pathwaysApi.addObjective, (req) =>
    inTx(deps, req, (trx, actor) => createObjective(trx, actor, deps.secrets, req.params.id, req.body)),
  );
  route(app, pathwaysApi.updateObjective, (req) =>
    inTx(deps, req, (trx, actor) => updateObjective(trx, actor, deps.secrets, req.params.id, req.body)),
  );
  route(app, pathwaysApi.deleteObjective, (req) =>
    inTx(deps, req, (trx, actor) => deleteObjective(trx, actor, deps.secrets, req.params.id)),
  );
  route(app, pathwaysApi.addAction, (req) =>
    inTx(deps, req, (trx, actor) => createAction(trx, actor, deps.secrets, req.params.id, req.body)),
  );
  route(app, pathwaysApi.updateAction, (req) =>
    inTx(deps, req, (trx, actor) => updateAction(trx, actor, deps.secrets, req.params.id, req.body)),
  );
  route(app, pathwaysApi.deleteAction, (req) =>
    inTx(deps, req, (trx, actor) => deleteAction(trx, actor, deps.secrets, req.params.id)),
  );
  route(app, pathwaysApi.notes, (req) =>
    inTx(deps, req, (trx, actor) => listNotes(trx, actor, deps.secrets, req.params.id)),
  );
  route(app, pathwaysApi.addNote, (req) =>
    inTx(deps, req, (trx, actor) => addNote(trx, actor, deps.secrets, req.params.id, req.body)),
  );
  route(app, pathwaysApi.editNote, (req) =>
    inTx(deps, req, (trx, actor) => editNote(trx, actor, deps.secrets, req.params.id, req.body)),
  );
  route(app, pathwaysApi.recordMobility, (req) =>
    inTx(deps, req, (trx, actor) => recordMobility(trx, actor, deps.secrets, req.params.id, req.body)),
  );
}
