import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isLanguage, type Language, negotiateLanguage } from '../../common/i18n/locales';
import { type SchemaIssue, toFieldErrors } from '../../common/validation/errors';
import { controlCharacterErrors } from '../../common/validation/text';
import { type Actor, actorContext } from './actor';
import { resolveSession, SESSION_COOKIE } from './auth/sessions';
import { safeEqual } from './crypto';
import { type DbContext, type Tx, withContext } from './db/context';
import type { Deps } from './deps';
import { AppError, forbidden, fromDatabaseError, unauthenticated, validationFailed } from './errors';
import { t } from './i18n';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    mfaPending: boolean;
    language: Language;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a session waiting for its second-factor code may call: nothing that changes the account. */
const MFA_PENDING_ALLOWED = /^\/api\/auth\/(session|logout|mfa)$/;
/** Routes a signed-in user may call before finishing a mandatory second-factor set-up. */
const MFA_SETUP_ALLOWED = /^\/api\/(auth\/(session|logout|mfa|totp\/(setup|enable))|me\/preferences)$/;

/** The signed-in actor, or a 401. */
export function authed(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/**
 * Who a route acts for: a session waiting for its second factor is not signed in yet (it only reaches
 * the MFA routes), and a user who must still set up a second factor reaches only the set-up.
 */
export function routeActor(req: FastifyRequest): Actor | null {
  const path = req.url.split('?')[0] ?? '';
  if (req.actor && req.mfaPending && !MFA_PENDING_ALLOWED.test(path)) return null;
  if (req.actor?.mfaSetupRequired && !MFA_SETUP_ALLOWED.test(path))
    throw forbidden('auth.mfa_setup_required');
  return req.actor;
}

/** Runs fn in one transaction as the request's actor (RLS context set, application role). */
export function inTx<T>(
  deps: Deps,
  req: FastifyRequest,
  fn: (trx: Tx, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = authed(req);
  return withContext(deps.db, { ...actorContext(actor), today: deps.clock.today() }, (trx) => fn(trx, actor));
}

/** Runs fn for an anonymous visitor: only rows that policies open to the public are visible. */
export function publicTx<T>(deps: Deps, req: FastifyRequest, fn: (trx: Tx) => Promise<T>): Promise<T> {
  const ctx: DbContext = req.actor ? actorContext(req.actor) : { scope: 'public', requestId: req.id };
  return withContext(deps.db, { ...ctx, today: deps.clock.today() }, fn);
}

export function systemTx<T>(deps: Deps, req: FastifyRequest, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return withContext(deps.db, { scope: 'system', requestId: req.id, today: deps.clock.today() }, fn);
}

/**
 * Whether an anonymous state-changing request comes from the web app's own pages: its Origin (or
 * Referer) must be the origin of PUBLIC_URL. The Host header is not used: a reverse proxy may rewrite it,
 * and a DNS-rebound name would match itself.
 */
function sameOrigin(req: FastifyRequest, publicOrigins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin ?? req.headers.referer;
  if (!origin) return true;
  try {
    return publicOrigins.has(new URL(origin).origin);
  } catch {
    return false;
  }
}

/** PUBLIC_URL's origin; on localhost also its loopback spellings, which name the same machine. */
export function publicOrigins(publicUrl: string): Set<string> {
  const u = new URL(publicUrl);
  const origins = new Set([u.origin]);
  if (u.hostname === 'localhost')
    for (const host of ['127.0.0.1', '[::1]'])
      origins.add(`${u.protocol}//${host}${u.port ? `:${u.port}` : ''}`);
  return origins;
}

/** The caller's language before the session is known: the web app's hint, else Accept-Language. */
export function requestLanguage(req: FastifyRequest): Language {
  const hinted = req.headers['x-samen-language'];
  return isLanguage(hinted) ? hinted : negotiateLanguage(req.headers['accept-language']);
}

/**
 * Errors the router raises before any route or hook runs (a malformed %-escape in the path, a path
 * parameter over the length limit): the same translated JSON as every other error, without the URL.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const e = toAppError(err) ?? new AppError(400, 'errors.bad_request');
  req.log.info({ code: e.code, status: e.status }, 'request refused');
  return reply.status(e.status).send(errorBody(requestLanguage(req), e));
}

export function errorBody(language: Language, e: AppError) {
  return {
    error: {
      code: e.code,
      message: t(language, e.code, e.params),
      ...(e.fields.length
        ? { fields: e.fields.map((f) => ({ ...f, message: t(language, f.code, f.params ?? {}) })) }
        : {}),
    },
  };
}

/** Where the multipart body parser lives: an error raised there is about the body it was given. */
const MULTIPART_PARSER = /[\\/]node_modules[\\/]@fastify[\\/]busboy[\\/]/;

/** Turns any thrown error into the translated JSON error a user can act on; only real faults are 500. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { validation?: SchemaIssue[] };
  if (fe?.validation) return new AppError(400, 'errors.validation', {}, toFieldErrors(fe.validation));
  const db = fromDatabaseError(err);
  if (db) return db;
  // The multipart parser throws plain errors on a body it cannot read (no boundary, a truncated part):
  // the client's fault, found by fuzzing (issue 16).
  if (err instanceof Error && MULTIPART_PARSER.test(err.stack ?? ''))
    return new AppError(400, 'errors.bad_request');
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const byStatus: Record<number, string> = {
      400: 'errors.bad_request',
      404: 'errors.not_found',
      405: 'errors.bad_request',
      406: 'errors.bad_request',
      413: 'errors.too_large',
      414: 'errors.uri_too_long',
      415: 'errors.unsupported_media',
      429: 'errors.rate_limited',
    };
    return new AppError(fe.statusCode, byStatus[fe.statusCode] ?? 'errors.bad_request');
  }
  return null;
}

export const platformHttp = fp(async (app: FastifyInstance, deps: Deps) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('mfaPending', false);
  app.decorateRequest('language', 'fr');

  app.addHook('onRequest', async (req) => {
    req.language = requestLanguage(req);
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession(deps.db, deps.config, token, req.id);
    if (!resolved) return;
    req.actor = resolved.actor;
    req.mfaPending = resolved.mfaPending;
    req.language = resolved.actor.language;
  });

  // Control characters are refused in every string of every route's path parameters, query and body,
  // before validation and before anything reaches the database (issue 7, item 10); TAB, LF and CR only
  // where the route's schema marks a string as multi-line text (common/validation/text.ts).
  app.addHook('preValidation', async (req) => {
    const schema = (req.routeOptions.schema ?? {}) as {
      params?: unknown;
      querystring?: unknown;
      body?: unknown;
    };
    const fields = [
      ...controlCharacterErrors(schema.params, req.params),
      ...controlCharacterErrors(schema.querystring, req.query),
      ...controlCharacterErrors(schema.body, req.body),
    ];
    if (fields.length) throw validationFailed(fields);
  });

  const origins = publicOrigins(deps.config.publicUrl);
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (!SAFE_METHODS.has(req.method)) {
      if (req.actor) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !safeEqual(sent, req.actor.csrfToken)) throw forbidden('errors.csrf');
      } else if (!sameOrigin(req, origins)) throw forbidden('errors.csrf');
    }
    req.actor = routeActor(req);
  });

  app.setErrorHandler(async (err, req, reply: FastifyReply) => {
    const e = toAppError(err);
    if (!e) {
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send(errorBody(req.language, new AppError(500, 'errors.internal')));
    }
    if (e.status >= 400 && e.status < 500)
      req.log.info({ code: e.code, status: e.status }, 'request refused');
    return reply.status(e.status).send(errorBody(req.language, e));
  });
});
