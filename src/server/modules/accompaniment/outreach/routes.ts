import type { FastifyInstance } from 'fastify';
import { outreachApi as api } from '../../../../common/accompaniment/outreach-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as c from './contacts';

export async function outreachRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) => inTx(deps, req, (trx, a) => c.listContacts(trx, a, deps.secrets, req.query)));
  route(app, api.get, (req) =>
    inTx(deps, req, (trx, a) => c.getContact(trx, a, deps.secrets, req.params.id)),
  );
  route(app, api.create, (req) =>
    inTx(deps, req, (trx, a) => c.createContact(trx, a, deps.secrets, deps.clock.today(), req.body)),
  );
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, a) =>
      c.updateContact(trx, a, deps.secrets, deps.clock.today(), req.params.id, req.body),
    ),
  );
  route(app, api.link, (req) =>
    inTx(deps, req, (trx, a) => c.linkContact(trx, a, deps.clock.today(), req.params.id, req.body.personId)),
  );
}
