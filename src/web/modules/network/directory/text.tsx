import { useIntl } from 'react-intl';
import type { Language } from '../../../../common/i18n/locales';
import {
  CROSS_BORDER_ACCESS,
  SERVICE_LANGUAGES,
  SERVICE_THEMES,
  TARGET_PUBLICS,
} from '../../../../common/network/service-schemas';
import { useLanguage } from '../../../app/i18n';
import type { Option } from '../../../app/ui/fields';

/** Which of a FR/NL pair a reader gets: their language when given, else the other one. */
export function pickText(
  language: Language,
  fr: string | null | undefined,
  nl: string | null | undefined,
): { text: string; lang: 'fr' | 'nl' } | null {
  const order: Array<['fr' | 'nl', string | null | undefined]> =
    language === 'nl'
      ? [
          ['nl', nl],
          ['fr', fr],
        ]
      : [
          ['fr', fr],
          ['nl', nl],
        ];
  const hit = order.find(([, t]) => t?.trim());
  return hit ? { text: hit[1]!, lang: hit[0] } : null;
}

/** Catalogue text typed by a partner in FR and/or NL; a fallback is marked with its language. */
export function Localized({ fr, nl }: { fr: string | null | undefined; nl: string | null | undefined }) {
  const { language } = useLanguage();
  const picked = pickText(language, fr, nl);
  if (!picked) return null;
  return picked.lang === language ? picked.text : <span lang={picked.lang}>{picked.text}</span>;
}

/** Language and country names come from Intl, in the reader's language. */
export function useDisplayNames() {
  const intl = useIntl();
  const languages = new Intl.DisplayNames([intl.locale], { type: 'language' });
  const regions = new Intl.DisplayNames([intl.locale], { type: 'region' });
  return {
    language: (code: string) => languages.of(code) ?? code,
    country: (code: string) => regions.of(code) ?? code,
  };
}

/** Options of the directory's value lists, labelled in the reader's language. */
export function useServiceOptions() {
  const intl = useIntl();
  const names = useDisplayNames();
  const sorted = (o: Option[]) => o.sort((a, b) => a.label.localeCompare(b.label, intl.locale));
  return {
    themes: sorted(
      SERVICE_THEMES.map((id) => ({
        id,
        label: intl.formatMessage({ id: `network.services.enum.theme.${id}` }),
      })),
    ),
    targets: TARGET_PUBLICS.map((id) => ({
      id,
      label: intl.formatMessage({ id: `network.services.enum.target.${id}` }),
    })),
    languages: SERVICE_LANGUAGES.map((id) => ({ id, label: names.language(id) })),
    access: CROSS_BORDER_ACCESS.map((id) => ({
      id,
      label: intl.formatMessage({ id: `network.services.enum.access.${id}` }),
    })),
    countries: (['FR', 'BE'] as const).map((id) => ({ id, label: names.country(id) })),
  };
}
