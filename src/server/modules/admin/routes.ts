import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditApi, membersApi, outboxApi, retentionApi } from '../../../common/admin/endpoints';
import { type Actor, actorContext } from '../../platform/actor';
import { type Tx, withContext } from '../../platform/db/context';
import type { Deps } from '../../platform/deps';
import { authed, inTx } from '../../platform/http';
import { route } from '../../platform/route';
import { readAuditLog } from './audit/read-audit-log';
import {
  addMember,
  cancelInvitation,
  listOrgMembers,
  patchMember,
  scopeToOrg,
  setOrganisationSecurity,
} from './members/members';
import { readOutbox, readOutboxMail } from './outbox/read-outbox';
import { readRetention, retentionDryRun, setRetentionPolicy } from './retention/retention';

export async function adminRoutes(app: FastifyInstance, deps: Deps) {
  /** One transaction acting in the organisation whose members are managed (see scopeToOrg). */
  const inOrgTx = <T>(
    req: FastifyRequest,
    orgId: string | undefined,
    fn: (trx: Tx, actor: Actor & { orgId: string }) => Promise<T>,
  ) => {
    const actor = scopeToOrg(authed(req), orgId);
    return withContext(deps.db, { ...actorContext(actor), today: deps.clock.today() }, (trx) =>
      fn(trx, actor),
    );
  };

  route(app, auditApi.list, (req) => inTx(deps, req, (trx, actor) => readAuditLog(trx, actor, req.query)));

  route(app, outboxApi.list, (req) => inTx(deps, req, (trx, actor) => readOutbox(trx, actor, req.query)));

  route(app, outboxApi.get, (req) =>
    inTx(deps, req, (trx, actor) => readOutboxMail(trx, actor, req.params.id)),
  );

  route(app, membersApi.list, (req) =>
    inOrgTx(req, req.query.orgId, (trx, actor) => listOrgMembers(trx, actor)),
  );

  route(app, membersApi.add, (req) =>
    inOrgTx(req, req.query.orgId, (trx, actor) =>
      addMember(trx, { config: deps.config, secretKey: deps.secrets.secretKey }, actor, req.body),
    ),
  );

  route(app, membersApi.patch, async (req) => {
    await inOrgTx(req, req.query.orgId, (trx, actor) => patchMember(trx, actor, req.params.userId, req.body));
    return { ok: true };
  });

  route(app, membersApi.cancelInvitation, async (req) => {
    await inOrgTx(req, req.query.orgId, (trx, actor) => cancelInvitation(trx, actor, req.params.userId));
    return { ok: true };
  });

  route(app, membersApi.security, async (req) => {
    await inOrgTx(req, req.query.orgId, (trx, actor) =>
      setOrganisationSecurity(trx, actor, req.body.mfaRequired),
    );
    return { ok: true };
  });

  route(app, retentionApi.get, (req) =>
    inOrgTx(req, req.query.orgId, (trx, actor) => readRetention(trx, actor)),
  );

  route(app, retentionApi.set, async (req) => {
    await inOrgTx(req, req.query.orgId, (trx, actor) => setRetentionPolicy(trx, actor, req.body));
    return { ok: true };
  });

  route(app, retentionApi.dryRun, (req) =>
    inOrgTx(req, req.query.orgId, (trx, actor) => retentionDryRun(trx, actor, deps.clock.today())),
  );
}
