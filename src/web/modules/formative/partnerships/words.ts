import { useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { useLanguage } from '../../../app/i18n';

/** The formative's words: catalogue keys by feature, names in the reader's language. */
export function useFormativeWords() {
  const intl = useIntl();
  const { language } = useLanguage();
  const t = (feature: string, id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `formative.${feature}.${id}` }, values);
  return {
    p: (id: string, values?: Record<string, string | number>) => t('partnerships', id, values),
    plan: (id: string, values?: Record<string, string | number>) => t('plan', id, values),
    rev: (id: string, values?: Record<string, string | number>) => t('reviews', id, values),
    proj: (id: string, values?: Record<string, string | number>) => t('projects', id, values),
    doc: (id: string, values?: Record<string, string | number>) => t('documents', id, values),
    mod: (id: string, values?: Record<string, string | number>) => t('modules', id, values),
    name: (o: { nameFr: string | null; nameNl: string | null }) => localized(language, o.nameFr, o.nameNl),
    org: (o: { shortName: string | null; nameFr: string; nameNl: string }) =>
      o.shortName ?? localized(language, o.nameFr, o.nameNl),
    hours: (n: number) => intl.formatNumber(n, { maximumFractionDigits: 1 }),
  };
}

/** The server's field errors of a refused form, by field name. */
export function fieldErrors(e: unknown): Record<string, string> {
  const fields = (e as { fields?: { path: string; message: string }[] }).fields ?? [];
  return Object.fromEntries(fields.map((x) => [x.path.replace(/^\//, ''), x.message]));
}
