// `npm run seed:demo`: empties the database and seeds the demo network again. Refused in production.
import { seedDemo, wipeAll } from '../demo/seed';
import { migrateWith, openEngine } from '../platform/boot';
import { loadConfig } from '../platform/config';
import { openPostgres } from '../platform/db/engine';
import { loadSecrets } from '../platform/secrets';
import {
  appDatabaseVariable,
  ownerDatabaseVariable,
  reportStartupFailure,
  type StartupStep,
} from '../platform/startup-failure';

// Any failure prints one line naming its cause and exits 2.
let step: StartupStep = { doing: 'reading the configuration' };
try {
  const config = loadConfig();
  if (config.production && !process.argv.includes('--force')) {
    console.error(
      'Refusing to wipe a production database (NODE_ENV=production). Add --force if you really mean it.',
    );
    process.exit(2);
  }
  step = { doing: 'opening the database', databaseVariable: appDatabaseVariable(config) };
  const { engine, release } = await openEngine(config);
  try {
    step = { doing: 'applying migrations', databaseVariable: ownerDatabaseVariable(config), asOwner: true };
    await migrateWith(config, engine);
    // Emptying the tables is the owner's work: the app's login role may not truncate them.
    step = { doing: 'emptying the database', databaseVariable: ownerDatabaseVariable(config), asOwner: true };
    const owner = config.migrationUrl ? openPostgres(config.migrationUrl, 1) : engine;
    try {
      await wipeAll(owner);
    } finally {
      if (owner !== engine) await owner.close().catch(() => {});
    }
    step = { doing: 'seeding the demo network', databaseVariable: appDatabaseVariable(config) };
    await seedDemo(engine, loadSecrets(config));
    console.log(`Demo network seeded (${engine.kind}).`);
  } finally {
    await engine.close().catch(() => {});
    release();
  }
} catch (e) {
  reportStartupFailure('npm run seed:demo failed', e, step);
  process.exit(2);
}
