import type { Language } from '../../../../common/i18n/locales';
import { loadCatalogs, t } from '../../../platform/i18n';

/**
 * The readable copy names list codes as the screens do ("Homme", not `male`): a field's codes are looked
 * up in the enum catalogue of its name (`<module>.<feature>.enum.<field in snake_case>.<code>`) within
 * the section's module, or in the one named here where the field's name alone is ambiguous.
 */
const FIELD_ENUMS: Record<string, string> = {
  'people.person.status': 'people.persons.enum.status',
  'people.person.preferredLanguage': 'people.persons.enum.language',
  'people.objectives.status': 'people.pathways.enum.objective_status',
  'people.pathways.modules': 'people.pathways.enum.module',
  'people.referrals.status': 'people.referrals.enum.status',
  'people.referrals.purpose': 'people.consents.enum.purpose',
  'people.referrals.fields': 'people.consents.enum.category',
  'people.consents.dataCategories': 'people.consents.enum.category',
  'people.consents.status': 'people.consents.enum.consent_status',
};

const ENUM_KEY = /^([a-z_]+)\.[a-z_]+\.enum\.([a-z_]+)\.[^.]+$/;
/** `<module>:<enum>` → the catalogue prefixes holding that enum in that module. */
let prefixes: Map<string, string[]> | null = null;
const known = new Set<string>();

function enumIndex() {
  if (prefixes) return prefixes;
  prefixes = new Map();
  for (const key of Object.keys(loadCatalogs().en)) {
    const m = ENUM_KEY.exec(key);
    if (!m) continue;
    known.add(key);
    const id = `${m[1]}:${m[2]}`;
    const prefix = key.slice(0, key.lastIndexOf('.'));
    const list = prefixes.get(id) ?? [];
    if (!list.includes(prefix)) list.push(prefix);
    prefixes.set(id, list);
  }
  return prefixes;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function candidates(section: string, field: string): string[] {
  const explicit = FIELD_ENUMS[`${section}.${field}`];
  if (explicit) return [explicit];
  const module = section.split('.')[0] ?? '';
  return enumIndex().get(`${module}:${snake(field)}`) ?? [];
}

function labelOf(prefixList: string[], code: string, language: Language): string | null {
  enumIndex();
  for (const prefix of prefixList) {
    const key = `${prefix}.${code}`;
    if (known.has(key)) return t(language, key);
  }
  return null;
}

/**
 * A recorded value as the person reads it: a code (or a comma-separated list of codes) by its label, a
 * JSON object of codes (language levels) as "label: value" pairs; anything else unchanged.
 */
export function readableCode(section: string, field: string, value: string, language: Language): string {
  const list = candidates(section, field);
  if (value.startsWith('{') && value.endsWith('}')) {
    try {
      const parsed = JSON.parse(value) as Record<string, unknown>;
      const languages = enumIndex().get('people:language') ?? [];
      const pairs = Object.entries(parsed).map(
        ([k, v]) =>
          `${labelOf(languages, k, language) ?? k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`,
      );
      return pairs.length ? pairs.join(', ') : '–';
    } catch {
      return value;
    }
  }
  if (list.length === 0) return value;
  const whole = labelOf(list, value, language);
  if (whole) return whole;
  const parts = value.split(/,\s*/);
  if (parts.length < 2) return value;
  return parts.map((p) => labelOf(list, p, language) ?? p).join(', ');
}
