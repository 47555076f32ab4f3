import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  AddMemberBody,
  AddMemberResult,
  AuditPage,
  AuditQuery,
  MembersPage,
  OrgTarget,
  OutboxMail,
  OutboxPage,
  OutboxQuery,
  PatchMemberBody,
  SecurityBody,
} from '../../../common/admin/schemas';
import { Uuid } from '../../../common/auth/schemas';
import { type Actor, actorContext } from '../../platform/actor';
import { type Tx, withContext } from '../../platform/db/context';
import type { Deps } from '../../platform/deps';
import { authed, inTx } from '../../platform/http';
import { readAuditLog } from './audit-log';
import {
  addMember,
  cancelInvitation,
  listOrgMembers,
  patchMember,
  scopeToOrg,
  setOrganisationSecurity,
} from './members';
import { readOutbox, readOutboxMail } from './outbox';

const tags = ['admin'];
const Ok = Type.Object({ ok: Type.Boolean() });

export async function adminRoutes(app: FastifyInstance, deps: Deps) {
  /** One transaction acting in the organisation whose members are managed (see scopeToOrg). */
  const inOrgTx = <T>(req: FastifyRequest, fn: (trx: Tx, actor: Actor & { orgId: string }) => Promise<T>) => {
    const actor = scopeToOrg(authed(req), (req.query as OrgTarget).orgId);
    return withContext(deps.db, actorContext(actor), (trx) => fn(trx, actor));
  };

  app.get(
    '/api/admin/audit',
    { schema: { tags, querystring: AuditQuery, response: { 200: AuditPage } } },
    async (req) => inTx(deps, req, (trx, actor) => readAuditLog(trx, actor, req.query as AuditQuery)),
  );

  app.get(
    '/api/admin/outbox',
    { schema: { tags, querystring: OutboxQuery, response: { 200: OutboxPage } } },
    async (req) => inTx(deps, req, (trx, actor) => readOutbox(trx, actor, req.query as OutboxQuery)),
  );

  app.get(
    '/api/admin/outbox/:id',
    { schema: { tags, params: Type.Object({ id: Uuid }), response: { 200: OutboxMail } } },
    async (req) =>
      inTx(deps, req, (trx, actor) => readOutboxMail(trx, actor, (req.params as { id: string }).id)),
  );

  app.get(
    '/api/admin/members',
    { schema: { tags, querystring: OrgTarget, response: { 200: MembersPage } } },
    async (req) => inOrgTx(req, (trx, actor) => listOrgMembers(trx, actor)),
  );

  app.post(
    '/api/admin/members',
    { schema: { tags, querystring: OrgTarget, body: AddMemberBody, response: { 201: AddMemberResult } } },
    async (req, reply) => {
      const result = await inOrgTx(req, (trx, actor) =>
        addMember(
          trx,
          { config: deps.config, secretKey: deps.secrets.secretKey },
          actor,
          req.body as AddMemberBody,
        ),
      );
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/api/admin/members/:userId',
    {
      schema: {
        tags,
        params: Type.Object({ userId: Uuid }),
        querystring: OrgTarget,
        body: PatchMemberBody,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await inOrgTx(req, (trx, actor) =>
        patchMember(trx, actor, (req.params as { userId: string }).userId, req.body as PatchMemberBody),
      );
      return { ok: true };
    },
  );

  app.delete(
    '/api/admin/members/:userId',
    {
      schema: {
        tags,
        params: Type.Object({ userId: Uuid }),
        querystring: OrgTarget,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await inOrgTx(req, (trx, actor) =>
        cancelInvitation(trx, actor, (req.params as { userId: string }).userId),
      );
      return { ok: true };
    },
  );

  app.patch(
    '/api/admin/organisation/security',
    { schema: { tags, querystring: OrgTarget, body: SecurityBody, response: { 200: Ok } } },
    async (req) => {
      await inOrgTx(req, (trx, actor) =>
        setOrganisationSecurity(trx, actor, (req.body as SecurityBody).mfaRequired),
      );
      return { ok: true };
    },
  );
}
