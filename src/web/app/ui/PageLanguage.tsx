import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { IntlProvider } from 'react-intl';
import { Link } from 'react-router';
import { formattingLocale } from '../../../common/i18n/locales';
import { CATALOGS, useLanguage } from '../i18n';

/**
 * The token of a public signing link: kept in the URL fragment, which browsers never send to a server or
 * in a Referer; it then travels only in POST bodies.
 */
export const linkToken = () => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

/** A public page in its reader's language (a signer's party's, a board's chosen one), whatever the shell's. */
export function PageLanguage({ language, children }: { language: 'fr' | 'nl'; children: ReactNode }) {
  const locale = formattingLocale(language, null);
  return (
    <IntlProvider locale={locale} messages={CATALOGS[language]} defaultLocale="fr">
      <I18nProvider locale={locale}>
        <div lang={language}>{children}</div>
      </I18nProvider>
    </IntlProvider>
  );
}

/** The languages a public page is offered in. */
export const PUBLIC_LANGUAGES = ['fr', 'nl'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];

/** A public page's language: the address's (?lang=), else the visitor's when Dutch, else French. */
export function usePublicLanguage(asked: string | undefined): PublicLanguage {
  const { language } = useLanguage();
  return asked === 'fr' || asked === 'nl' ? asked : language === 'nl' ? 'nl' : 'fr';
}

/** The switch between a public page's French and Dutch, each named in its own language. */
export function LanguageSwitch({
  current,
  href,
  label,
  className = 'row',
}: {
  current: PublicLanguage;
  href: (language: PublicLanguage) => string;
  label: string;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={className}>
      {PUBLIC_LANGUAGES.map((l) => (
        <Link key={l} to={href(l)} aria-current={l === current ? 'page' : undefined} lang={l}>
          {l === 'fr' ? 'Français' : 'Nederlands'}
        </Link>
      ))}
    </nav>
  );
}
