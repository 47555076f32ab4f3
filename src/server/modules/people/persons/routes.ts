import type { FastifyInstance, FastifyRequest } from 'fastify';
import { personsApi } from '../../../../common/people/endpoints';
import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { archivePerson } from './archive-person';
import { checkDuplicates, createPerson } from './create-person';
import { getPerson } from './get-person';
import { listPersons, listReferents } from './list-persons';
import { updatePerson } from './update-person';

export async function personRoutes(app: FastifyInstance, deps: Deps) {
  route(app, personsApi.list, (req) =>
    inTx(deps, req, (trx, actor) => listPersons(trx, deps, actor, req.query)),
  );

  route(app, personsApi.referents, (req) => inTx(deps, req, (trx, actor) => listReferents(trx, actor)));

  // Whether a named person is known in another centre must not become a look-up service: the check is
  // throttled per user (not per address), after the session is resolved, with a translated 429.
  const identityCheckLimit = {
    rateLimit: {
      max: deps.config.identityCheckRateLimit,
      timeWindow: '1 hour',
      hook: 'preHandler' as const,
      keyGenerator: (req: FastifyRequest) => (req.actor ? `user:${req.actor.userId}` : `ip:${req.ip}`),
      errorResponseBuilder: (_req: FastifyRequest, ctx: { ttl: number }) =>
        new AppError(429, 'people.persons.errors.rate_limited', {
          minutes: Math.max(1, Math.ceil(ctx.ttl / 60_000)),
        }),
    },
  };
  route(
    app,
    personsApi.duplicates,
    (req) => inTx(deps, req, (trx, actor) => checkDuplicates(trx, actor, deps.secrets, req.body)),
    { config: identityCheckLimit },
  );

  route(app, personsApi.create, (req) =>
    inTx(deps, req, (trx, actor) => createPerson(trx, actor, deps.secrets, req.body)),
  );

  route(app, personsApi.get, (req) =>
    inTx(deps, req, (trx, actor) => getPerson(trx, actor, deps.secrets, req.params.id)),
  );

  route(app, personsApi.update, (req) =>
    inTx(deps, req, (trx, actor) => updatePerson(trx, actor, deps.secrets, req.params.id, req.body)),
  );

  route(app, personsApi.archive, (req) =>
    inTx(deps, req, (trx, actor) => archivePerson(trx, actor, deps.secrets, req.params.id)),
  );
}
