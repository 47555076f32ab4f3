import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  ChangePasswordBody,
  LoginBody,
  MfaBody,
  PreferencesBody,
  ResetConfirmBody,
  ResetRequestBody,
  SessionView,
  SwitchOrgBody,
  Uuid,
} from '../../../common/auth/schemas';
import { actorContext } from '../actor';
import { audit } from '../audit';
import { withContext } from '../db/context';
import type { Deps } from '../deps';
import { authed, inTx, systemTx } from '../http';
import {
  answerInvitation,
  changePassword,
  sessionView,
  switchOrganisation,
  updatePreferences,
} from './account';
import { completeMfa, login } from './login';
import { acceptPasswordResetRequest, confirmPasswordReset } from './password-reset';
import { revokeSession, SESSION_COOKIE } from './sessions';
import { disableTotp, enableTotp, startTotpSetup } from './totp-setup';

const Ok = Type.Object({ ok: Type.Boolean() });
const tags = ['auth'];

export async function authRoutes(app: FastifyInstance, deps: Deps) {
  const { config } = deps;
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/',
      // No Max-Age: the cookie ends with the browser; the session's idle and absolute expiry stay on the server.
    });
  const meta = (req: FastifyRequest) => ({
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: req.id,
  });
  const loginLimit = { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } };

  app.post(
    '/api/auth/login',
    { schema: { tags, body: LoginBody }, config: loginLimit },
    async (req, reply) => {
      const outcome = await systemTx(deps, req, (trx) =>
        login(trx, config, deps.secrets, req.body as LoginBody, meta(req)),
      );
      setCookie(reply, outcome.token);
      if (outcome.status === 'mfa_required') return { status: 'mfa_required' };
      return { status: 'ok' };
    },
  );

  app.post('/api/auth/mfa', { schema: { tags, body: MfaBody }, config: loginLimit }, async (req) => {
    const actor = authed(req);
    const { code } = req.body as { code: string };
    // Not signed in yet: the transaction acts as the user only, for no organisation.
    await withContext(deps.db, { userId: actor.userId, requestId: req.id }, (trx) =>
      completeMfa(
        trx,
        config,
        deps.secrets,
        { sessionId: actor.sessionId, userId: actor.userId, email: actor.email, requestId: req.id },
        code,
      ),
    );
    return { ok: true };
  });

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        response: {
          200: Type.Union([
            SessionView,
            Type.Object({ mfaRequired: Type.Literal(true), csrfToken: Type.String() }),
          ]),
        },
      },
    },
    async (req) => {
      const actor = authed(req);
      if (req.mfaPending) return { mfaRequired: true as const, csrfToken: actor.csrfToken };
      return inTx(deps, req, (trx) => sessionView(trx, actor, config.sessionIdleMinutes));
    },
  );

  app.post('/api/auth/logout', { schema: { tags, response: { 200: Ok } } }, async (req, reply) => {
    if (req.actor) {
      const actor = req.actor;
      await withContext(deps.db, actorContext(actor), async (trx) => {
        await revokeSession(trx, actor.sessionId);
        await audit(trx, { action: 'logout', entity: 'user', entityId: actor.userId });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.post('/api/auth/switch-org', { schema: { tags, body: SwitchOrgBody } }, async (req) => {
    const { orgId } = req.body as { orgId: string };
    await inTx(deps, req, (trx, actor) => switchOrganisation(trx, actor, orgId));
    return { ok: true };
  });

  app.post(
    '/api/me/invitations/:orgId/:answer',
    {
      schema: {
        tags,
        params: Type.Object({
          orgId: Uuid,
          answer: Type.Union([Type.Literal('accept'), Type.Literal('decline')]),
        }),
        response: { 200: Ok },
      },
    },
    async (req) => {
      const { orgId, answer } = req.params as { orgId: string; answer: 'accept' | 'decline' };
      await inTx(deps, req, (trx, actor) => answerInvitation(trx, actor, orgId, answer));
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    { schema: { tags, body: ResetRequestBody, response: { 202: Ok } }, config: loginLimit },
    async (req, reply) => {
      const { email } = req.body as { email: string };
      await systemTx(deps, req, (trx) => acceptPasswordResetRequest(trx, email));
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    { schema: { tags, body: ResetConfirmBody, response: { 200: Ok } }, config: loginLimit },
    async (req) => {
      const { token, password } = req.body as { token: string; password: string };
      await systemTx(deps, req, (trx) => confirmPasswordReset(trx, token, password, req.id));
      return { ok: true };
    },
  );

  app.post(
    '/api/me/password',
    { schema: { tags, body: ChangePasswordBody, response: { 200: Ok } } },
    async (req) => {
      await inTx(deps, req, (trx, actor) =>
        changePassword(trx, actor, req.body as { currentPassword: string; newPassword: string }),
      );
      return { ok: true };
    },
  );

  app.patch(
    '/api/me/preferences',
    { schema: { tags, body: PreferencesBody, response: { 200: Ok } } },
    async (req) => {
      await inTx(deps, req, (trx, actor) =>
        updatePreferences(trx, actor, req.body as { language?: string; displayName?: string }),
      );
      return { ok: true };
    },
  );

  app.post('/api/auth/totp/setup', { schema: { tags } }, async (req) =>
    inTx(deps, req, (trx, actor) => startTotpSetup(trx, deps.secrets, actor)),
  );

  app.post(
    '/api/auth/totp/enable',
    { schema: { tags, body: MfaBody, response: { 200: Ok } } },
    async (req) => {
      const { code } = req.body as { code: string };
      await inTx(deps, req, (trx, actor) => enableTotp(trx, deps.secrets, actor, code));
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      schema: {
        tags,
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 1024 }) }),
        response: { 200: Ok },
      },
    },
    async (req) => {
      const { password } = req.body as { password: string };
      await inTx(deps, req, async (trx, actor) => {
        const org = actor.orgId
          ? await trx
              .selectFrom('organisations')
              .select('mfa_required')
              .where('id', '=', actor.orgId)
              .executeTakeFirst()
          : undefined;
        await disableTotp(trx, actor, password, org?.mfa_required ?? false);
      });
      return { ok: true };
    },
  );
}
