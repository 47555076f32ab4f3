import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { observatoryEndpoints as api } from '../../../common/observatory/endpoints';
import { ImportSettings } from '../../../common/observatory/import-schemas';
import { schemaErrors } from '../../../common/validation/text';
import { requirePermission } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError, badRequest, unauthenticated, validationFailed } from '../../platform/errors';
import { inTx } from '../../platform/http';
import { route } from '../../platform/route';
import { fileSource } from './import';
import { commitImport, previewImport, type UploadedFile } from './import-service';

interface Upload {
  file: UploadedFile;
  settings: ImportSettings;
  /** Removes the temporary file. */
  done: () => Promise<void>;
}

/**
 * The multipart body: the settings (JSON) then the file. The file is streamed to a temporary file (its
 * checksum taken on the way, its size capped by OBSERVATORY_IMPORT_MAX_MB) before the transaction opens, so a
 * slow upload holds no connection and a large one no memory; it is then read from disk batch by batch, each
 * read letting other requests through. The settings are checked against the schema the form uses.
 */
async function upload(req: FastifyRequest, maxMb: number): Promise<Upload> {
  // Nobody uploads before being known and allowed: the file is not even read.
  if (!req.actor) throw unauthenticated();
  requirePermission(req.actor, 'observatory.import');
  const part = await req.file({ limits: { fileSize: maxMb * 1024 * 1024, files: 1 } });
  if (!part) throw badRequest('observatory.errors.no_file');
  const field = part.fields.settings;
  const raw = field && !Array.isArray(field) && 'value' in field ? field.value : undefined;
  let settings: unknown;
  try {
    settings = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    settings = undefined;
  }
  const problems = settings === undefined ? [] : schemaErrors(ImportSettings, settings);
  if (settings === undefined || problems.length) {
    // The rest of the body is not wanted: drained, not kept.
    part.file.resume();
    if (settings === undefined) throw badRequest('observatory.errors.no_settings');
    throw validationFailed(problems);
  }
  const dir = await mkdtemp(join(tmpdir(), 'samen-import-'));
  const done = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'upload');
  const hash = createHash('sha256');
  try {
    await pipeline(
      part.file,
      new Transform({
        transform(chunk: Buffer, _enc, next) {
          hash.update(chunk);
          next(null, chunk);
        },
      }),
      createWriteStream(path),
    );
    if (part.file.truncated) throw tooLarge(maxMb);
  } catch (e) {
    await done();
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxMb);
    throw e;
  }
  return {
    file: { filename: part.filename, content: await fileSource(path), checksum: hash.digest('hex') },
    settings: settings as ImportSettings,
    done,
  };
}

const tooLarge = (maxMb: number) => new AppError(413, 'observatory.errors.file_too_large', { max: maxMb });

export async function importRoutes(app: FastifyInstance, deps: Deps) {
  const maxMb = deps.config.observatoryImportMaxMb;
  route(app, api.previewImport, async (req) => {
    const u = await upload(req, maxMb);
    try {
      return await inTx(deps, req, (trx, a) => previewImport(trx, a, u.file, u.settings));
    } finally {
      await u.done();
    }
  });
  route(app, api.commitImport, async (req) => {
    const u = await upload(req, maxMb);
    try {
      return await inTx(deps, req, (trx, a) => commitImport(trx, a, u.file, u.settings));
    } finally {
      await u.done();
    }
  });
}
