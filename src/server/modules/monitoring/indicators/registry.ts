import type { RuleParamSpecs } from '../../../../common/monitoring/rules';
import type { IndicatorRule, ServerModule } from '../../../platform/module';

/**
 * The counting rules every module offers through its manifest (`indicators`), by code. Monitoring never
 * imports a module's rules: it reads them from the manifests it is given (deps.modules).
 */
export function ruleRegistry(
  modules: readonly ServerModule[],
): Map<string, { rule: IndicatorRule; module: string }> {
  const out = new Map<string, { rule: IndicatorRule; module: string }>();
  for (const m of modules)
    for (const rule of m.indicators ?? []) {
      if (out.has(rule.code)) throw new Error(`indicator rule ${rule.code} is declared twice`);
      out.set(rule.code, { rule, module: m.name });
    }
  return out;
}

export const ruleInfos = (modules: readonly ServerModule[]) =>
  [...ruleRegistry(modules).values()].map(({ rule, module }) => ({
    code: rule.code,
    module,
    unit: rule.unit,
    labelKey: rule.labelKey,
    definitionKey: rule.definitionKey,
    params: rule.params as RuleParamSpecs as Record<string, unknown>,
    profile: rule.profile !== undefined,
  }));
