import type { FastifyInstance, FastifyRequest } from 'fastify';
import { observatoryEndpoints as api } from '../../../common/observatory/endpoints';
import { ImportSettings } from '../../../common/observatory/import-schemas';
import { schemaErrors } from '../../../common/validation/text';
import { requirePermission } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { badRequest, unauthenticated, validationFailed } from '../../platform/errors';
import { inTx } from '../../platform/http';
import { route } from '../../platform/route';
import { commitImport, previewImport, type UploadedFile } from './import-service';

/**
 * The multipart body: the settings (JSON) then the file. Read whole before the transaction opens, so a
 * slow upload holds no connection; the settings are checked against the schema the form uses.
 */
async function upload(req: FastifyRequest): Promise<{ file: UploadedFile; settings: ImportSettings }> {
  // Nobody uploads before being known and allowed: the file is not even read.
  if (!req.actor) throw unauthenticated();
  requirePermission(req.actor, 'observatory.import');
  const part = await req.file();
  if (!part) throw badRequest('observatory.errors.no_file');
  const content = await part.toBuffer();
  const field = part.fields.settings;
  const raw = field && !Array.isArray(field) && 'value' in field ? field.value : undefined;
  let settings: unknown;
  try {
    settings = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    settings = undefined;
  }
  if (settings === undefined) throw badRequest('observatory.errors.no_settings');
  const problems = schemaErrors(ImportSettings, settings);
  if (problems.length) throw validationFailed(problems);
  return { file: { filename: part.filename, content }, settings: settings as ImportSettings };
}

export async function importRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.previewImport, async (req) => {
    const { file, settings } = await upload(req);
    return inTx(deps, req, (trx, a) => previewImport(trx, a, file, settings));
  });
  route(app, api.commitImport, async (req) => {
    const { file, settings } = await upload(req);
    return inTx(deps, req, (trx, a) => commitImport(trx, a, file, settings));
  });
}
