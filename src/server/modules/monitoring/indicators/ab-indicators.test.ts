import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../../../common/monitoring/rules';
import { SERVER_MODULES } from '../../index';
import { AB_INDICATORS, AB_SUITE_INDICATORS } from './ab-indicators';
import { ruleRegistry } from './registry';

describe("AB Réfugiés' indicators", () => {
  it('carry the application’s one figure: an experimentation per side, transferred to the two others', () => {
    expect(AB_INDICATORS.map((i) => [i.euCode, i.target])).toEqual([
      ['RCO84', 3],
      ['RCR104', 6],
    ]);
  });

  it('use rules the modules offer, with parameters their specs accept and the unit they count', () => {
    const rules = ruleRegistry(SERVER_MODULES);
    for (const i of [...AB_INDICATORS, ...AB_SUITE_INDICATORS]) {
      const rule = rules.get(i.ruleCode ?? '')?.rule;
      expect(rule, `${i.code} ${i.ruleCode}`).toBeDefined();
      expect(resolveParams(rule!.params, i.ruleParams ?? {}).problems).toEqual([]);
      expect(rule!.unit, i.code).toBe(i.unit);
    }
  });

  it('give every indicator of the follow-up its own code', () => {
    const codes = AB_SUITE_INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
