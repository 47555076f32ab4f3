import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { allows } from '../../common/access/endpoint-access';
import {
  type Access,
  type AnyEndpoint,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  successStatus,
} from '../../common/kernel/endpoint';
import { forbidden, unauthenticated } from './errors';
import { routeActor } from './http';

/** A request whose input has the types of its endpoint (validated by its schemas before the handler). */
export type RequestOf<E extends AnyEndpoint> = FastifyRequest & {
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
};

/**
 * The endpoint's declared access, enforced before its input is validated (issue 16): no session → 401,
 * none of the permissions → 403, so a caller who may not call it learns nothing of its schemas. The use
 * cases keep their own checks (which records, which side, which status): this is the outer gate.
 */
export function checkAccess(access: Access | undefined, req: FastifyRequest): void {
  if (!access || 'public' in access) return;
  const actor = routeActor(req);
  if (!actor) throw unauthenticated();
  if (!allows(access, actor.roles)) throw forbidden();
}

/**
 * Registers an endpoint declared in `src/common/<module>/endpoints.ts`. The handler returns the answer
 * (sent with the endpoint's success status) or, for files, sends it through `reply` and returns it.
 */
export function route<E extends AnyEndpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: (req: RequestOf<E>, reply: FastifyReply) => Promise<ResponseOf<E> | FastifyReply>,
  options: { config?: RouteShorthandOptions['config'] } = {},
): void {
  const status = successStatus(endpoint);
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    config: options.config,
    preValidation: async (req) => checkAccess(endpoint.access, req),
    schema: {
      tags: [...endpoint.tags],
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body && !endpoint.multipart ? { body: endpoint.body } : {}),
      ...(endpoint.file ? {} : { response: endpoint.response }),
    },
    handler: async (req, reply) => {
      // The one place request input is typed: the schemas above have validated it.
      const out = await handler(req as RequestOf<E>, reply);
      if ((out as unknown) === reply || reply.sent) return reply;
      return reply.status(status).send(out);
    },
  });
}
