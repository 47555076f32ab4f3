import type { FastifyInstance } from 'fastify';
import { volunteersApi as api, publicVolunteersApi as pub } from '../../../common/volunteers/endpoints';
import { withContext } from '../../platform/db/context';
import type { Deps } from '../../platform/deps';
import { inTx } from '../../platform/http';
import { route } from '../../platform/route';
import * as as from './assignments';
import * as ed from './edit';
import * as i from './insurance';
import * as p from './public';
import * as s from './service';

/** The registry for coordinators, and the public self-registration form. */
export async function volunteerRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) => inTx(deps, req, (trx, actor) => s.listVolunteers(trx, actor, req.query)));
  route(app, api.organisations, (req) =>
    inTx(deps, req, (trx, actor) => {
      s.canManageOrThrow(actor);
      return p.organisationOptions(trx);
    }),
  );
  route(app, api.insurance, (req) =>
    inTx(deps, req, (trx, actor) => i.listInsurance(trx, actor, deps.clock.today())),
  );
  route(app, api.addInsurance, (req) =>
    inTx(deps, req, (trx, actor) => i.addInsurance(trx, actor, req.body)),
  );
  route(app, api.get, (req) =>
    inTx(deps, req, (trx, actor) => s.getVolunteer(trx, actor, req.params.id, deps.clock.today())),
  );
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, actor) => ed.updateVolunteer(trx, actor, req.params.id, req.body)),
  );
  route(app, api.removeTraining, (req) =>
    inTx(deps, req, (trx, actor) => ed.removeTraining(trx, actor, req.params.id, req.params.trainingId)),
  );
  route(app, api.status, (req) =>
    inTx(deps, req, (trx, actor) => s.changeStatus(trx, actor, req.params.id, req.body)),
  );
  route(app, api.benefitCentre, (req) =>
    inTx(deps, req, (trx, actor) => s.setBenefitCentre(trx, actor, req.params.id, req.body)),
  );
  route(app, api.declare, (req) =>
    inTx(deps, req, (trx, actor) =>
      s.recordDeclaration(trx, actor, req.params.id, req.body, deps.clock.today()),
    ),
  );
  route(app, api.addOrganisation, (req) =>
    inTx(deps, req, (trx, actor) => s.addOrganisation(trx, actor, req.params.id, req.body.orgId)),
  );
  route(app, api.removeOrganisation, (req) =>
    inTx(deps, req, (trx, actor) => s.removeOrganisation(trx, actor, req.params.id, req.params.orgId)),
  );
  route(app, api.addTraining, (req) =>
    inTx(deps, req, (trx, actor) => s.addTraining(trx, actor, req.params.id, req.body)),
  );
  route(app, api.assign, (req) =>
    inTx(deps, req, (trx, actor) => as.assign(trx, actor, req.params.id, req.body)),
  );

  // Without sign-in. The form is limited like sign-in attempts (a write anyone can send); always in the
  // public scope, even for a signed-in caller, so the registration lands as a pending one.
  const publicCtx = (id: string) => ({ scope: 'public' as const, requestId: id, today: deps.clock.today() });
  route(
    app,
    pub.organisations,
    (req) => withContext(deps.db, publicCtx(req.id), (trx) => p.organisationOptions(trx)),
    { config: { rateLimit: { max: deps.config.directoryRateLimit, timeWindow: '1 minute' } } },
  );
  route(
    app,
    pub.register,
    (req) => withContext(deps.db, publicCtx(req.id), (trx) => p.register(trx, req.body)),
    { config: { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } } },
  );
}
