// `npm run seed:demo`: empties the database and seeds the demo network again. Refused in production.
import { seedDemo, wipeAll } from '../demo/seed';
import { migrateWith, openEngine } from '../platform/boot';
import { ConfigError, loadConfig } from '../platform/config';
import { DataDirLockedError } from '../platform/db/datadir-lock';
import { loadSecrets } from '../platform/secrets';

try {
  const config = loadConfig();
  if (config.production && !process.argv.includes('--force')) {
    console.error(
      'Refusing to wipe a production database (NODE_ENV=production). Add --force if you really mean it.',
    );
    process.exit(2);
  }
  const { engine, release } = await openEngine(config);
  try {
    await migrateWith(config, engine);
    await wipeAll(engine);
    await seedDemo(engine, loadSecrets(config));
    console.log(`Demo network seeded (${engine.kind}).`);
  } finally {
    await engine.close();
    release();
  }
} catch (e) {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
