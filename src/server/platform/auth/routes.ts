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
import { resolveSession, revokeSession, SESSION_COOKIE } from './sessions';
import { auditThrottled } from './throttle-audit';
import { disableTotp, enableTotp, startTotpSetup } from './totp-setup';

export async function authRoutes(app: FastifyInstance, deps: Deps) {
  const { config } = deps;
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      // Over TLS, including TLS ended by a trusted proxy (X-Forwarded-Proto), even if PUBLIC_URL says http.
      secure: config.secureCookies || reply.request.protocol === 'https',
      path: '/',
      // No Max-Age: the cookie ends with the browser; the session's idle and absolute expiry stay on the server.
    });
  const meta = (req: FastifyRequest) => ({
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: req.id,
  });
  // Sign-in, second factor and password resets: attempts per minute per address. An address over the
  // limit gets the same 429 whichever account it names, and is audited (once per window).
  const loginLimit = {
    config: {
      rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute', onExceeded: auditThrottled(deps) },
    },
  };

  route(
    app,
    api.login,
    async (req, reply) => {
      // The session this browser held before (signed in, or waiting for its second factor), if any.
      const held = req.cookies[SESSION_COOKIE];
      const previous = held ? (await resolveSession(deps.db, config, held, req.id))?.actor : undefined;
      const outcome = await systemTx(deps, req, (trx) =>
        login(trx, config, deps.secrets, req.body, meta(req)),
      );
      // Session fixation: the session this browser held before (if any) ends; only the new token is valid.
      if (previous)
        await withContext(deps.db, { userId: previous.userId, requestId: req.id }, (trx) =>
          revokeSession(trx, previous.sessionId),
        );
      setCookie(reply, outcome.token);
      return { status: outcome.status };
    },
    loginLimit,
  );

  route(
    app,
    api.mfa,
    async (req, reply) => {
      const actor = authed(req);
      // Not signed in yet: the transaction acts as the user only, for no organisation.
      const token = await withContext(deps.db, { userId: actor.userId, requestId: req.id }, (trx) =>
        completeMfa(
          trx,
          config,
          deps.secrets,
          { sessionId: actor.sessionId, userId: actor.userId, email: actor.email, requestId: req.id },
          req.body.code,
        ),
      );
      setCookie(reply, token);
      return { ok: true as const };
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
