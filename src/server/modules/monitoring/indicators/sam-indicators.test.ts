import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../../../common/monitoring/rules';
import { SERVER_MODULES } from '../../index';
import { ruleRegistry } from './registry';
import { SAM_INDICATORS } from './sam-indicators';

const SEEDS = '/work/shared/context/seeds';
const seed002 = (() => {
  try {
    const f = readdirSync(SEEDS).find((n) => n.startsWith('002_'));
    return f ? readFileSync(join(SEEDS, f), 'utf8') : null;
  } catch {
    return null;
  }
})();

describe("SAM's six indicators", () => {
  it('carry the targets of the Bilan', () => {
    expect(SAM_INDICATORS.map((i) => i.target)).toEqual([50, 60, 23, 350, 750, 45]);
  });

  it.skipIf(seed002 === null)('keep the French wording of seed 002 word for word', () => {
    const bilan = seed002!.slice(
      seed002!.indexOf("Le projet est évalué sur la base d'indicateurs prédéfinis"),
    );
    const phrases = SAM_INDICATORS.map((i) => `${i.target} ${i.labelFr}`);
    phrases[3] = `plus de 350 ${SAM_INDICATORS[3]!.labelFr}`;
    for (const p of phrases) expect(bilan).toContain(p);
  });

  it('use rules the modules offer, with parameters their specs accept and the unit they count', () => {
    const rules = ruleRegistry(SERVER_MODULES);
    for (const i of SAM_INDICATORS) {
      if (!i.ruleCode) {
        // Every SAM indicator now has its records in samen.
        throw new Error(`${i.code} has no counting rule`);
      }
      const rule = rules.get(i.ruleCode)?.rule;
      expect(rule, i.ruleCode).toBeDefined();
      expect(resolveParams(rule!.params, i.ruleParams ?? {}).problems).toEqual([]);
      expect(rule!.unit).toBe(i.unit);
      // By sex and by age band only where the rule counts them so (write.ts refuses it otherwise).
      if (i.breakdowns?.some((k) => k !== 'partner')) expect(rule!.profile, i.code).toBeDefined();
    }
  });

  it('break the indicators about participants down by sex and by age band (ESF+), not those about staff', () => {
    const rules = ruleRegistry(SERVER_MODULES);
    const ruled = SAM_INDICATORS.filter((i) => i.ruleCode && i.unit === 'persons');
    expect(ruled.map((i) => [i.code, i.breakdowns])).toEqual([
      ['I1', ['partner', 'sex', 'age_band']],
      // Professionals on immersion: no sex or age is recorded for staff, so the rule has no profile.
      ['I2', undefined],
      // Persons made aware: attendance carries no sex or age (counts and codes), by partner only.
      ['I5', ['partner']],
    ]);
    // Use of the cross-border services: monthly counts by the providing services, no sex or age.
    expect(SAM_INDICATORS[3]!.unit).toBe('participations');
    expect(SAM_INDICATORS[3]!.breakdowns).toEqual(['partner']);
    expect(rules.get('immersions.professionals_completed')?.rule.profile).toBeUndefined();
  });

  it('say how "6 months" is counted against the 2–6 month placements of Action 1', () => {
    const first = SAM_INDICATORS[0]!;
    expect(first.definitionFr).toMatch(/2 à 6 mois/);
    expect(first.definitionNl).toMatch(/2 tot 6 maanden/);
    expect(first.definitionEn).toMatch(/2 to 6 months/);
    expect(first.ruleParams?.minDurationDays).toBe(56);
  });
});
