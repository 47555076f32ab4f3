import { FormattedMessage, useIntl } from 'react-intl';
import { type Language, localized } from '../../../../common/i18n/locales';
import {
  IMMERSION_KINDS,
  OFFER_COUNTRIES,
  OFFER_LANGUAGES,
  OFFER_STATUSES,
  OFFER_THEMES,
  type OfferItem,
} from '../../../../common/immersions/offer-schemas';
import { useLanguage } from '../../../app/i18n';
import type { Option } from '../../../app/ui/fields';

export const O = (id: string) => `immersions.offers.${id}`;

/** The offers' value lists and names, in the reader's language. */
export function useOfferWords() {
  const intl = useIntl();
  const { language } = useLanguage();
  const languages = new Intl.DisplayNames([intl.locale], { type: 'language' });
  const regions = new Intl.DisplayNames([intl.locale], { type: 'region' });
  const msg = (id: string) => intl.formatMessage({ id: O(id) });
  const theme = (t: string) => msg(`enum.theme.${t}`);
  const kind = (k: string) => msg(`enum.kind.${k}`);
  const status = (s: string) => msg(`enum.status.${s}`);
  const languageName = (code: string) => languages.of(code) ?? code;
  const country = (code: string) => regions.of(code) ?? code;
  const sorted = (o: Option[]) => o.sort((a, b) => a.label.localeCompare(b.label, intl.locale));
  const day = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    theme,
    kind,
    status,
    languageName,
    country,
    range: (from: string, to: string) =>
      intl.formatMessage({ id: O('periods.range') }, { from: day(from), to: day(to) }),
    themes: sorted(OFFER_THEMES.map((id) => ({ id, label: theme(id) }))),
    kinds: IMMERSION_KINDS.map((id) => ({ id, label: kind(id) })),
    statuses: OFFER_STATUSES.map((id) => ({ id, label: status(id) })),
    languages: OFFER_LANGUAGES.map((id) => ({ id, label: languageName(id) })),
    countries: OFFER_COUNTRIES.map((id) => ({ id, label: country(id) })),
    /** "Unit, Organisation" as the host signs: the unit's full name, never an abbreviation. */
    host: (o: Pick<OfferItem, 'unitNameFr' | 'unitNameNl' | 'orgNameFr' | 'orgNameNl' | 'orgShortName'>) => ({
      unit: localized(language, o.unitNameFr ?? o.unitNameNl ?? '', o.unitNameNl ?? o.unitNameFr ?? ''),
      organisation: o.orgShortName ?? localized(language, o.orgNameFr, o.orgNameNl),
    }),
  };
}

/** Which of a FR/NL pair a reader gets: their language when written, else the other one. */
export function pick(
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

/**
 * A text the host wrote in French and/or Dutch. When it exists only in the other language, a visible mark
 * says so (a Dutch reader of a French-only offer knows no translation exists; an English reader sees which).
 */
export function OfferText({
  fr,
  nl,
  as: Tag = 'span',
  className,
}: {
  fr: string | null | undefined;
  nl: string | null | undefined;
  as?: 'span' | 'p' | 'div';
  className?: string;
}) {
  const { language } = useLanguage();
  const picked = pick(language, fr, nl);
  if (!picked) return null;
  // Marked only when the reader's own language is missing (an English reader always sees which one it is).
  const single = picked.lang !== language && !(fr?.trim() && nl?.trim());
  return (
    <Tag className={className}>
      <span lang={picked.lang === language ? undefined : picked.lang}>{picked.text}</span>
      {single && (
        <>
          {' '}
          <span className="tag tag--warning offer-lang-mark">
            <FormattedMessage id={O(`only_in.${picked.lang}`)} />
          </span>
        </>
      )}
    </Tag>
  );
}
