// Section 5 of the issue (bundle sizes, first renders) lives in bench/web.ts, written separately: called
// when it is there, otherwise the report says so.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function runWeb(baseUrl: string): Promise<unknown> {
  const file = join(import.meta.dirname, '../web.ts');
  if (!existsSync(file))
    return 'Not measured: bench/web.ts (bundle sizes and first render) does not exist yet.';
  try {
    const mod = (await import(pathToFileURL(file).href)) as {
      benchWeb?: (baseUrl: string) => Promise<unknown>;
    };
    if (!mod.benchWeb) return 'Not measured: bench/web.ts exports no benchWeb(baseUrl).';
    return await mod.benchWeb(baseUrl);
  } catch (e) {
    return `Not measured: benchWeb failed: ${String(e).slice(0, 500)}`;
  }
}
