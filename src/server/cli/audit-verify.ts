// `npm run audit:verify`: recomputes every audit hash chain as the schema owner; exit 1 if any is broken.
import { AuditVisibilityError, formatReport, verifyAuditChains } from '../platform/audit-verify';
import { openEngine } from '../platform/boot';
import { ConfigError, loadConfig } from '../platform/config';
import { DataDirLockedError } from '../platform/db/datadir-lock';
import { type Engine, openPostgres } from '../platform/db/engine';

try {
  const config = loadConfig();
  // The owner connection, never samen_app: the application role sees only one organisation's chain.
  const opened: { engine: Engine; release: () => void } = config.migrationUrl
    ? { engine: openPostgres(config.migrationUrl, 1), release: () => {} }
    : await openEngine(config);
  try {
    const reports = await verifyAuditChains(opened.engine.rawQuery);
    process.exitCode = formatReport(reports, (line) => console.log(line));
  } finally {
    await opened.engine.close();
    opened.release();
  }
} catch (e) {
  if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof AuditVisibilityError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
