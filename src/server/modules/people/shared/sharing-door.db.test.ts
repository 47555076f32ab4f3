import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { OVERRIDE_REASON_MIN } from '../../../../common/people/consent';
import {
  agreementFixtures,
  HOME_ADMIN,
  HOME_REFERENT,
  PARKS,
} from '../../placements/agreements/fixtures.testing';

const available = await engineAvailable();

/**
 * The one sharing door (ADR 0012): a referral and a placement agreement that share the same person with
 * the same organisation, for the same purpose and field groups, are refused or accepted on the same basis
 * — the same consent rule, the same override permission and minimum reason — and both write their grant
 * (and the override's audit entry) through the door.
 */
describe.skipIf(!available)('the sharing door', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof agreementFixtures>>;
  let referent: Client;
  let coordinator: Client;
  let host: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = await agreementFixtures(t);
    referent = await t.login(HOME_REFERENT);
    await sql`update memberships set roles = array['org_admin', 'coordinator'] where user_id = (
      select id from users where email = ${HOME_ADMIN})`.execute(f.db);
    coordinator = await t.login(HOME_ADMIN);
    host = f.orgs['atelier-roubaix'] as string;
  });
  afterAll(async () => t?.close());

  /** The same share, to the Atelier du Pile, for a placement, of the identity: as a referral or an agreement. */
  const share = {
    referral: (c: Client, personId: string, extra: Record<string, unknown> = {}) =>
      c.post(`/api/people/${personId}/referrals`, {
        recipientOrgId: host,
        purpose: 'placement',
        fields: ['identity'],
        ...extra,
      }),
    placement: (c: Client, personId: string, extra: Record<string, unknown> = {}) =>
      c.post('/api/placements', { personId, offerId: f.offers[PARKS], sharedFields: ['identity'], ...extra }),
  };
  const kinds = ['referral', 'placement'] as const;

  const grants = async (personId: string) =>
    (
      await sql<{
        source: string;
        source_id: string;
        recipient_org_id: string;
        purpose: string;
        fields: string[];
        consent_id: string | null;
        override_reason: string | null;
      }>`select source, source_id, recipient_org_id, purpose, fields, consent_id, override_reason
        from person_grants where person_id = ${personId} order by source`.execute(f.db)
    ).rows;

  /** What the server answered, reduced to what the rule decides: status, error code, field errors. */
  const outcome = (r: Awaited<ReturnType<Client['post']>>) => {
    const body = r.json() as { error?: { code: string; fields?: Array<{ path: string; code: string }> } };
    return {
      status: r.statusCode,
      code: body.error?.code ?? null,
      fields: (body.error?.fields ?? []).map((x) => `${x.path}:${x.code}`),
    };
  };

  it('refuses the same share on the same grounds, writing nothing', async () => {
    const cases: Array<[Client, Record<string, unknown>]> = [
      // No consent covers it, and no override.
      [referent, {}],
      // An override, by someone without the permission.
      [referent, { overrideReason: 'Urgence sociale constatée' }],
      // An override whose reason is one character short once trimmed (the schemas let the padding through).
      [coordinator, { overrideReason: `  ${'x'.repeat(OVERRIDE_REASON_MIN - 1)}  ` }],
    ];
    const seen: Record<(typeof kinds)[number], ReturnType<typeof outcome>[]> = {
      referral: [],
      placement: [],
    };
    for (const kind of kinds) {
      const personId = await f.person(`Sans${kind}`, false);
      for (const [client, extra] of cases)
        seen[kind].push(outcome(await share[kind](client, personId, extra)));
      expect(await grants(personId)).toEqual([]);
    }
    expect(seen.referral).toEqual([
      { status: 409, code: 'people.shared.errors.consent_missing', fields: [] },
      { status: 403, code: 'people.shared.errors.override_forbidden', fields: [] },
      { status: 400, code: 'errors.validation', fields: ['overrideReason:validation.min_length'] },
    ]);
    expect(seen.placement).toEqual(seen.referral);
  });

  it('accepts an override of the minimum length, granting and auditing it the same way', async () => {
    const reason = 'y'.repeat(OVERRIDE_REASON_MIN);
    for (const kind of kinds) {
      const personId = await f.person(`Urgence${kind}`, false);
      const r = await share[kind](coordinator, personId, { overrideReason: reason });
      expect(r.statusCode, r.body).toBe(201);
      const id = (r.json() as { id: string }).id;
      expect(await grants(personId)).toEqual([
        {
          source: kind,
          source_id: id,
          recipient_org_id: host,
          purpose: 'placement',
          fields: ['identity'],
          consent_id: null,
          override_reason: reason,
        },
      ]);
      expect(await f.auditCount(f.home.orgId, 'override', id)).toBe(1);
    }
  });

  it('accepts the share a consent covers, each grant resting on that consent', async () => {
    for (const kind of kinds) {
      // A placement consent naming the Atelier du Pile, for identity and languages.
      const personId = await f.person(`Consent${kind}`);
      const consent = await sql<{
        id: string;
      }>`select id from consents where person_id = ${personId}`.execute(f.db);
      const r = await share[kind](referent, personId);
      expect(r.statusCode, r.body).toBe(201);
      const id = (r.json() as { id: string }).id;
      expect(await grants(personId)).toEqual([
        expect.objectContaining({
          source: kind,
          source_id: id,
          consent_id: consent.rows[0]?.id,
          override_reason: null,
        }),
      ]);
      expect(await f.auditCount(f.home.orgId, 'override', id)).toBe(0);
    }
  });

  it('writes person_grants in one place only: the door’s store', () => {
    const root = join(import.meta.dirname, '../../..');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory()
          ? files(p)
          : /\.ts$/.test(n) && !/\.(test|testing)\.ts$/.test(n)
            ? [p]
            : [];
      });
    const writers = files(root)
      .filter((p) =>
        /insertInto\(\s*'person_grants'\s*\)|insert\s+into\s+person_grants/i.test(readFileSync(p, 'utf8')),
      )
      .map((p) => relative(root, p));
    expect(writers).toEqual(['modules/people/shared/store.ts']);
  });
});
