import type { TerritoryImportResult } from '../../../../common/network/territory-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { AppError } from '../../../platform/errors';
import { upsertTerritories } from './store';
import { parseTerritoryFile, type TerritoryImportError } from './territory-import';

/** Where a problem is in the file, as a field path the web app reads: 'line.12', 'feature.3' or ''. */
const pathOf = (e: TerritoryImportError) =>
  e.line !== undefined ? `line.${e.line}` : e.feature !== undefined ? `feature.${e.feature}` : '';

/**
 * Imports a municipalities file (TopoJSON, GeoJSON or CSV). Any problem refuses the whole file with every
 * problem located by line or feature, and nothing is written; otherwise every record is inserted or
 * updated in this one transaction (a re-import of the same file changes nothing) and audited once.
 */
export async function importTerritories(
  trx: Tx,
  actor: Actor,
  file: { filename: string; content: Buffer },
): Promise<TerritoryImportResult> {
  requirePermission(actor, 'territory.import');
  const parsed = parseTerritoryFile(file.filename, file.content);
  if (parsed.errors.length || !parsed.format) {
    const fields = parsed.errors.map((e) => ({
      path: pathOf(e),
      code: `network.territories.errors.${e.code}`,
      params: {
        ...e.params,
        ...(e.line !== undefined ? { line: e.line } : {}),
        ...(e.feature !== undefined ? { feature: e.feature } : {}),
      },
    }));
    throw new AppError(400, 'network.territories.errors.refused', { count: fields.length }, fields);
  }
  const counts = await upsertTerritories(
    trx,
    parsed.territories,
    parsed.geometries,
    file.filename.slice(0, 200),
  );
  const result = { format: parsed.format, total: parsed.territories.length, ...counts };
  await audit(trx, {
    action: 'import',
    entity: 'territories',
    detail: { file: file.filename, ...result },
  });
  return result;
}
