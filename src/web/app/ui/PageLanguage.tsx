import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { IntlProvider } from 'react-intl';
import { formattingLocale } from '../../../common/i18n/locales';
import { CATALOGS } from '../i18n';

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
