import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './actor';
import type { Tx } from './db/context';
import type { Deps } from './deps';
import { type ExportFile, exportHref, storeExport } from './exports';
import { inTx } from './http';

/**
 * Answers a download of personal data the stored way (ADR 0033): the file is made and stored for the
 * caller in one transaction (it exists only if the export's audit entry does), and the answer is a 303 to
 * `/api/exports/:id`, which the caller alone can open for 24 hours. `make` may also return the file of a
 * first transaction (a PDF rendered outside it): it is then stored in a second one.
 */
export async function storedDownload(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  kind: string,
  make: (trx: Tx, actor: Actor) => Promise<Omit<ExportFile, 'kind'>>,
): Promise<FastifyReply> {
  const made = await inTx(deps, req, async (trx, actor) =>
    storeExport(trx, deps.secrets, actor, { kind, ...(await make(trx, actor)) }),
  );
  return reply.header('cache-control', 'no-store').redirect(exportHref(made.id), 303);
}
