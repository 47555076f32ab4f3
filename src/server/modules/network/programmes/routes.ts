import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  PartnersBody,
  ProgrammeCreateBody,
  ProgrammeDetail,
  ProgrammeList,
  ProgrammeListQuery,
  ProgrammePatchBody,
} from '../../../../common/network/programme-schemas';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { createProgramme } from './create-programme';
import { getProgramme } from './get-programme';
import { listProgrammes } from './list-programmes';
import { replacePartners } from './replace-partners';
import { updateProgramme } from './update-programme';

const tags = ['programmes'];
// The id is checked by the use case, so that a malformed one answers 404 like an unknown one.
const Params = Type.Object({ id: Type.String() });
type Params = { id: string };

/** Programmes (projects) of the partner network and their partners. */
export async function programmeRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/programmes',
    { schema: { tags, querystring: ProgrammeListQuery, response: { 200: ProgrammeList } } },
    async (req) =>
      inTx(deps, req, (trx, actor) => listProgrammes(trx, actor, req.query as ProgrammeListQuery)),
  );

  app.get(
    '/api/programmes/:id',
    { schema: { tags, params: Params, response: { 200: ProgrammeDetail } } },
    async (req) => inTx(deps, req, (trx, actor) => getProgramme(trx, actor, (req.params as Params).id)),
  );

  app.post(
    '/api/programmes',
    { schema: { tags, body: ProgrammeCreateBody, response: { 201: ProgrammeDetail } } },
    async (req, reply) => {
      const created = await inTx(deps, req, (trx, actor) =>
        createProgramme(trx, actor, req.body as ProgrammeCreateBody),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/programmes/:id',
    { schema: { tags, params: Params, body: ProgrammePatchBody, response: { 200: ProgrammeDetail } } },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        updateProgramme(trx, actor, (req.params as Params).id, req.body as ProgrammePatchBody),
      ),
  );

  app.put(
    '/api/programmes/:id/partners',
    { schema: { tags, params: Params, body: PartnersBody, response: { 200: ProgrammeDetail } } },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        replacePartners(trx, actor, (req.params as Params).id, req.body as PartnersBody),
      ),
  );
}
