import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AjvCompiler } from '@fastify/ajv-compiler';
import cookie from '@fastify/cookie';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { exportsApi, platformApi } from '../common/platform/endpoints';
import { MULTILINE } from '../common/validation/text';
import { registerModules } from './modules';
import { authRoutes } from './platform/auth/routes';
import type { Config } from './platform/config';
import { schemaVersion } from './platform/db/migrate';
import type { Deps } from './platform/deps';
import { AppError } from './platform/errors';
import { openExport } from './platform/exports';
import { errorBody, frameworkErrorHandler, inTx, platformHttp } from './platform/http';
import { sharedRateLimitStore } from './platform/rate-limit-store';
import { route } from './platform/route';
import { sendUploadedFile } from './platform/send-file';

export const APP_VERSION = '0.1.0';

/**
 * TRUST_PROXY for Fastify. A hop count becomes "trust the socket and the next hops - 1 entries of
 * X-Forwarded-For": the client is the address the outermost trusted proxy saw, never a left-most hop the
 * client wrote itself. (Fastify, given a bare number, trusts nothing.)
 */
function trustProxy(
  setting: Config['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

/**
 * A query string repeats a key for a list, so its values are wrapped into arrays ('array' coercion).
 * A JSON body never needs that, and Ajv's unwrapping of a one-element array inside `anyOf` (a nullable
 * text) let `["text"]` through validation unchanged, to fail in the handler with a 500 (found by fuzzing).
 */
const validatorPool = AjvCompiler();
type RouteSchema = { schema: unknown; httpPart?: string };
function bodiesWithoutArrayCoercion(
  externalSchemas: Record<string, unknown>,
  options?: { customOptions?: object },
) {
  // The pool's typings describe Ajv's compile, not the route-level function Fastify calls.
  const build = (coerceTypes: boolean | 'array') =>
    validatorPool(
      externalSchemas as never,
      {
        ...options,
        customOptions: { ...options?.customOptions, coerceTypes },
      } as never,
    ) as unknown as (route: RouteSchema) => unknown;
  const others = build('array');
  const bodies = build(true);
  return ((route: RouteSchema) =>
    (route.httpPart === 'body' ? bodies : others)(route)) as unknown as ReturnType<typeof validatorPool>;
}

/**
 * Response serializers, compiled once per schema for the process. Compiling them was three quarters of
 * building the application (a generated function per route and status); a process builds it once, but the
 * test suite builds it in every file, and a serializer depends on nothing but its schema and options.
 */
const serializerFactory = SerializerSelector();
const serializers = new Map<string, (data: unknown) => string>();
function memoizedSerializers(externalSchemas: unknown, options: unknown) {
  const build = serializerFactory(externalSchemas as never, options as never) as unknown as (route: {
    schema: unknown;
  }) => (data: unknown) => string;
  const context = JSON.stringify([externalSchemas ?? null, options ?? null]);
  return ((route: { schema: unknown }) => {
    const key = `${context}${JSON.stringify(route.schema)}`;
    let serialize = serializers.get(key);
    if (!serialize) {
      serialize = build(route);
      serializers.set(key, serialize);
    }
    return serialize;
  }) as unknown as ReturnType<typeof serializerFactory>;
}

/** Builds the HTTP application: security headers, sessions, API routes, OpenAPI docs and the web app. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    trustProxy: trustProxy(deps.config.trustProxy),
    bodyLimit: 10 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    ajv: {
      customOptions: {
        allErrors: true,
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        // An annotation (multi-line free text) that platform/http.ts reads; Ajv has nothing to check.
        keywords: [MULTILINE],
      },
    },
    schemaController: {
      compilersFactory: {
        buildValidator: bodiesWithoutArrayCoercion,
        buildSerializer: memoizedSerializers,
      },
    },
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    // Sent below, per request: helmet's option can only follow the configuration.
    hsts: false,
  });
  // HSTS over TLS only: when PUBLIC_URL is https, or when a trusted proxy says the request came over https
  // (X-Forwarded-Proto; from an untrusted client the header is ignored). Never on plain http (localhost).
  app.addHook('onRequest', async (req, reply) => {
    if (deps.config.secureCookies || req.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(cookie);
  // Several processes on one PostgreSQL database share their counters there (PGlite is one process).
  const store = deps.engine.kind === 'postgres' ? { store: sharedRateLimitStore(deps.db) } : {};
  await app.register(rateLimit, { global: false, ...store });
  // 20 MB for every upload; the observatory's import asks for its own, larger limit (it streams to disk).
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  // Registered before every route, the documentation's included, so that its hooks (sessions, control
  // characters, CSRF) cover them all.
  await app.register(platformHttp, deps);
  // The API documentation and its looser CSP only where API_DOCS says (off in production by default).
  if (deps.config.apiDocs) {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'samen API',
          version: APP_VERSION,
          description:
            'Cross-border social programmes of CCAS, CPAS and OCMW. Session cookie + X-CSRF-Token header.',
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  }

  route(app, platformApi.health, async () => ({
    status: 'ok',
    engine: deps.engine.kind,
    schemaVersion: await schemaVersion(deps.engine),
    version: APP_VERSION,
  }));

  route(app, exportsApi.download, async (req, reply) => {
    const file = await inTx(deps, req, (trx, actor) => openExport(trx, deps.secrets, actor, req.params.id));
    return sendUploadedFile(reply, {
      filename: file.filename,
      mediaType: file.contentType,
      content: file.body,
    });
  });

  await app.register(async (scope) => authRoutes(scope, deps));
  await registerModules(app, deps);

  const webDir = deps.config.webDir;
  if (existsSync(join(webDir, 'index.html'))) {
    // Unknown paths that are not API calls get the web app, which routes on the client.
    await app.register(fastifyStatic, { root: webDir, index: false, wildcard: true });
    const serveIndex = (reply: import('fastify').FastifyReply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html');
    app.get('/', (_req, reply) => serveIndex(reply));
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return serveIndex(reply);
      return reply.status(404).send(errorBody(req.language, new AppError(404, 'errors.not_found')));
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.status(404).send(errorBody(req.language, new AppError(404, 'errors.not_found'))),
    );
  }
  return app;
}
