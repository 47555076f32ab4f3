import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authApi as api } from '../../../common/auth/endpoints';
import { actorContext } from '../actor';
import { audit } from '../audit';
import { withContext } from '../db/context';
import type { Deps } from '../deps';
import { authed, inTx, systemTx } from '../http';
import { route } from '../route';
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
  // Sign-in, second factor and password resets: attempts per minute per address.
  const loginLimit = { config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } } };

  route(
    app,
    api.login,
    async (req, reply) => {
      const outcome = await systemTx(deps, req, (trx) =>
        login(trx, config, deps.secrets, req.body, meta(req)),
      );
      setCookie(reply, outcome.token);
      return { status: outcome.status };
    },
    loginLimit,
  );

  route(
    app,
    api.mfa,
    async (req) => {
      const actor = authed(req);
      // Not signed in yet: the transaction acts as the user only, for no organisation.
      await withContext(deps.db, { userId: actor.userId, requestId: req.id }, (trx) =>
        completeMfa(
          trx,
          config,
          deps.secrets,
          { sessionId: actor.sessionId, userId: actor.userId, email: actor.email, requestId: req.id },
          req.body.code,
        ),
      );
      return { ok: true };
    },
    loginLimit,
  );

  route(app, api.session, async (req) => {
    const actor = authed(req);
    if (req.mfaPending) return { mfaRequired: true as const, csrfToken: actor.csrfToken };
    return inTx(deps, req, (trx) => sessionView(trx, actor, config.sessionIdleMinutes));
  });

  route(app, api.logout, async (req, reply) => {
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

  route(app, api.switchOrg, async (req) => {
    await inTx(deps, req, (trx, actor) => switchOrganisation(trx, actor, req.body.orgId));
    return { ok: true };
  });

  route(app, api.answerInvitation, async (req) => {
    const { orgId, answer } = req.params;
    await inTx(deps, req, (trx, actor) => answerInvitation(trx, actor, orgId, answer));
    return { ok: true };
  });

  route(
    app,
    api.passwordResetRequest,
    async (req) => {
      await systemTx(deps, req, (trx) => acceptPasswordResetRequest(trx, req.body.email));
      return { ok: true };
    },
    loginLimit,
  );

  route(
    app,
    api.passwordResetConfirm,
    async (req) => {
      const { token, password } = req.body;
      await systemTx(deps, req, (trx) => confirmPasswordReset(trx, token, password, req.id));
      return { ok: true };
    },
    loginLimit,
  );

  route(app, api.changePassword, async (req) => {
    await inTx(deps, req, (trx, actor) => changePassword(trx, actor, req.body));
    return { ok: true };
  });

  route(app, api.preferences, async (req) => {
    await inTx(deps, req, (trx, actor) => updatePreferences(trx, actor, req.body));
    return { ok: true };
  });

  route(app, api.totpSetup, (req) =>
    inTx(deps, req, (trx, actor) => startTotpSetup(trx, deps.secrets, actor)),
  );

  route(app, api.totpEnable, async (req) => {
    await inTx(deps, req, (trx, actor) => enableTotp(trx, deps.secrets, actor, req.body.code));
    return { ok: true };
  });

  route(app, api.totpDisable, async (req) => {
    await inTx(deps, req, (trx, actor) => disableTotp(trx, actor, req.body.password));
    return { ok: true };
  });
}
