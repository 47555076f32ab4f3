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

/** A signing page in the signer's language (their party's), whatever the browser's or the shell's. */
export function SignerLanguage({ language, children }: { language: 'fr' | 'nl'; children: ReactNode }) {
  const locale = formattingLocale(language, null);
  return (
    <IntlProvider locale={locale} messages={CATALOGS[language]} defaultLocale="fr">
      <I18nProvider locale={locale}>
        <div lang={language}>{children}</div>
      </I18nProvider>
    </IntlProvider>
  );
}
