// `npm run keys:rotate`: new data key versions for every organisation (and, with --master, moves everything
// the previous master key protected to SAMEN_SECRET_KEY), re-encrypting in batches while the server serves.
// ADR 0031; docs/operations.md gives the procedure.
import { openEngine } from '../platform/boot';
import { ConfigError, loadConfig } from '../platform/config';
import { DataDirLockedError } from '../platform/db/datadir-lock';
import { type Engine, openPostgres } from '../platform/db/engine';
import { DatabaseSetupError } from '../platform/db/prepare';
import { checkMasterKey, rotateKeys } from '../platform/keys/rotation';
import { loadSecrets } from '../platform/secrets';

const USAGE = 'usage: npm run keys:rotate [-- --master] [--no-org-keys] [--batch=N]';

/** Runs the rotation; returns the exit code. Exported for the test, which runs it in-process. */
export async function keysRotate(
  argv: readonly string[],
  env = process.env,
  print = console.log,
): Promise<number> {
  const unknown = argv.filter((a) => !/^--(master|no-org-keys|batch=[1-9][0-9]{0,4})$/.test(a));
  if (unknown.length) {
    console.error(`unknown option ${unknown.join(' ')}; ${USAGE}`);
    return 2;
  }
  const master = argv.includes('--master');
  const batch = Number(argv.find((a) => a.startsWith('--batch='))?.slice(8) ?? 200);
  const config = loadConfig(env);
  if (master && !config.previousSecretKey)
    throw new ConfigError([
      '--master needs the old master key in SAMEN_SECRET_KEY_PREVIOUS and the new one in SAMEN_SECRET_KEY',
    ]);
  const secrets = loadSecrets(config);
  // The owner connection: the keys table and every organisation's rows are the owner's to move.
  const opened: { engine: Engine; release: () => void } = config.migrationUrl
    ? { engine: openPostgres(config.migrationUrl, 1), release: () => {} }
    : await openEngine(config);
  try {
    return await opened.engine.exclusive('samen-field-keys', async (session) => {
      await checkMasterKey(session, secrets);
      const r = await rotateKeys(
        session,
        secrets,
        { orgKeys: !argv.includes('--no-org-keys') },
        { batchSize: batch },
      );
      print(
        `keys rotated: ${r.rotatedOrgs} organisation(s) on a new data key, ${r.rewrapped} key(s) re-wrapped, ` +
          `${
            Object.entries(r.resealed)
              .map(([c, n]) => `${n} ${c}`)
              .join(', ') || 'no value'
          } re-encrypted, ${r.retiredVersions} old key version(s) retired`,
      );
      return 0;
    });
  } finally {
    await opened.engine.close();
    opened.release();
  }
}

const isMain = process.argv[1]?.endsWith('keys-rotate.ts');
if (isMain) {
  try {
    process.exitCode = await keysRotate(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ConfigError) console.error(`invalid configuration: ${e.problems.join('; ')}`);
    else if (e instanceof DataDirLockedError || e instanceof DatabaseSetupError) console.error(e.message);
    else throw e;
    process.exit(2);
  }
}
