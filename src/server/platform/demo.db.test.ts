import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, engineAvailable, type TestEngine } from '../../../test/support/engine';
import { switchContext, withContext } from './db/context';
import { SEEDING_CONTEXT, seedingAs } from './demo';

const available = await engineAvailable();

/** A seeder's failing statement surfaces as itself, not as "current transaction is aborted". */
describe.skipIf(!available)('seedingAs', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await createTestEngine();
  });
  afterAll(async () => t?.drop());

  it('returns to the seeding context after the work, and lets the work’s own error through', async () => {
    const scope = await withContext(t.engine.db, SEEDING_CONTEXT, async (trx) => {
      await seedingAs(trx, async () => {
        await switchContext(trx, { scope: 'public' });
      });
      return (await sql<{ s: string }>`select app.scope() as s`.execute(trx)).rows[0]!.s;
    });
    expect(scope).toBe('system');
    // The pattern it replaces (try … finally { switchContext }) reported the aborted transaction instead.
    await expect(
      withContext(t.engine.db, SEEDING_CONTEXT, (trx) =>
        seedingAs(trx, async () => {
          await sql`select 1 / 0`.execute(trx);
        }),
      ),
    ).rejects.toThrow(/division by zero/);
  });
});
