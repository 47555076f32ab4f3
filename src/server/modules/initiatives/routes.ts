import type { FastifyInstance } from 'fastify';
import {
  initiativesApi as api,
  proposalsApi as props,
  publicInitiativesApi as pub,
} from '../../../common/initiatives/endpoints';
import type { Deps } from '../../platform/deps';
import { inTx, publicTx } from '../../platform/http';
import { route } from '../../platform/route';
import * as ch from './changes';
import * as ini from './initiatives';
import * as pr from './proposals';
import * as pb from './public';

/** The network's initiatives and forum proposals (signed in), and the public directory's initiatives. */
export async function initiativeRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) => inTx(deps, req, (trx, a) => ini.listInitiatives(trx, a, req.query)));
  route(app, api.create, (req) => inTx(deps, req, (trx, a) => ini.createInitiative(trx, a, req.body)));
  route(app, api.get, (req) => inTx(deps, req, (trx, a) => ini.getInitiative(trx, a, req.params.id)));
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, a) => ini.updateInitiative(trx, a, req.params.id, req.body)),
  );
  route(app, api.transition, (req) =>
    inTx(deps, req, (trx, a) => ch.transitionInitiative(trx, a, req.params.id, req.body)),
  );
  route(app, api.publish, (req) =>
    inTx(deps, req, (trx, a) =>
      ch.publishInitiative(trx, a, req.params.id, req.body.published, deps.clock.now()),
    ),
  );
  route(app, api.addResult, (req) =>
    inTx(deps, req, (trx, a) => ch.addResult(trx, a, req.params.id, req.body)),
  );
  route(app, api.deleteResult, (req) =>
    inTx(deps, req, (trx, a) => ch.deleteResult(trx, a, req.params.id, req.params.resultId)),
  );

  route(app, props.list, (req) => inTx(deps, req, (trx, a) => pr.listProposals(trx, a, req.params.eventId)));
  route(app, props.create, (req) =>
    inTx(deps, req, (trx, a) => pr.createProposal(trx, a, req.params.eventId, req.body)),
  );
  route(app, props.get, (req) => inTx(deps, req, (trx, a) => pr.getProposal(trx, a, req.params.id)));
  route(app, props.setStatus, (req) =>
    inTx(deps, req, (trx, a) => pr.setProposalStatus(trx, a, req.params.id, req.body.status)),
  );

  // Limited like the public directory.
  const reading = { rateLimit: { max: deps.config.directoryRateLimit, timeWindow: '1 minute' } };
  const language = (q: { lang?: 'fr' | 'nl' }, l: string) => q.lang ?? (l === 'nl' ? 'nl' : 'fr');
  route(
    app,
    pub.list,
    (req) => publicTx(deps, req, (trx) => pb.publicList(trx, language(req.query, req.language))),
    { config: reading },
  );
  route(
    app,
    pub.get,
    (req) =>
      publicTx(deps, req, (trx) =>
        pb.publicInitiative(trx, req.params.id, language(req.query, req.language)),
      ),
    { config: reading },
  );
}
