import type { LightMyRequestResponse } from 'fastify';

/**
 * What every answer to a fuzzed request must be: never a 5xx; a refusal is the translated error body
 * (`{ error: { code, message, fields? } }`, message from the catalogue, not the bare key); a validation
 * refusal names its fields; a refusal of a certain fault names that field.
 */
export function responseProblems(r: LightMyRequestResponse, expectField?: string): string[] {
  if (r.statusCode >= 500) return [`status ${r.statusCode}: ${r.body.slice(0, 300)}`];
  if (r.statusCode < 400) return [];
  let body: { error?: { code?: unknown; message?: unknown; fields?: unknown } };
  try {
    body = r.json();
  } catch {
    return [`status ${r.statusCode} without a JSON body: ${r.body.slice(0, 200)}`];
  }
  const err = body?.error;
  if (!err || typeof err.code !== 'string' || typeof err.message !== 'string')
    return [`status ${r.statusCode}: not the error format: ${r.body.slice(0, 200)}`];
  const out: string[] = [];
  if (err.message === err.code) out.push(`untranslated error ${err.code}`);
  const fields = (Array.isArray(err.fields) ? err.fields : []) as Array<{
    path?: unknown;
    code?: unknown;
    message?: unknown;
  }>;
  for (const f of fields) {
    if (typeof f.path !== 'string' || typeof f.code !== 'string' || typeof f.message !== 'string')
      out.push(`malformed field error ${JSON.stringify(f)}`);
    else if (f.message === f.code) out.push(`untranslated field error ${f.code}`);
  }
  if (err.code === 'errors.validation' && fields.length === 0) out.push('validation error naming no field');
  if (expectField !== undefined) {
    if (r.statusCode !== 400)
      out.push(`a certain fault at '${expectField}' answered ${r.statusCode}: ${r.body.slice(0, 200)}`);
    else if (!fields.some((f) => related(String(f.path), expectField)))
      out.push(`the refusal does not name '${expectField}': ${JSON.stringify(fields.map((f) => f.path))}`);
  }
  return out;
}

/** The error's path is the faulty field, one inside it, or the object holding it. */
function related(path: string, field: string): boolean {
  if (path === field) return true;
  if (field === '' || path.startsWith(`${field}.`)) return true;
  return path !== '' && field.startsWith(`${path}.`);
}
