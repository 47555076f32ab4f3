import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import Type from 'typebox';
import { registerModules } from './modules';
import { authRoutes } from './platform/auth/routes';
import { schemaVersion } from './platform/db/migrate';
import type { Deps } from './platform/deps';
import { AppError } from './platform/errors';
import { errorBody, platformHttp } from './platform/http';

export const APP_VERSION = '0.1.0';

/** Builds the HTTP application: security headers, sessions, API routes, OpenAPI docs and the web app. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true },
    },
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    hsts: deps.config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
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
  await app.register(platformHttp, deps);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        response: {
          200: Type.Object({
            status: Type.String(),
            engine: Type.String(),
            schemaVersion: Type.String(),
            version: Type.String(),
          }),
        },
      },
    },
    async () => ({
      status: 'ok',
      engine: deps.engine.kind,
      schemaVersion: await schemaVersion(deps.engine),
      version: APP_VERSION,
    }),
  );

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
