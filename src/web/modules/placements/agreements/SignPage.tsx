import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { FormattedMessage, IntlProvider, useIntl } from 'react-intl';
import { formattingLocale } from '../../../common/i18n/locales';
import type { SignatureLinkView } from '../../../common/placements/agreement-schemas';
import { post } from '../../app/api';
import { CATALOGS } from '../../app/i18n';
import { Button } from '../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Checkbox } from '../../app/ui/fields';
import { Facts, PageHeader } from '../../app/ui/layout';
import { useAgreementFormat } from './format';
import { useMunicipalityName } from './ReviewStep';

/**
 * The public page a signature link opens (no account needed). The token stays in the URL fragment, which
 * browsers never send to a server or in a Referer; the terms are shown in the agreement's language.
 */
export function SignPage() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const lookup = useQuery({
    queryKey: ['signature-link', token],
    queryFn: () => post<SignatureLinkView>('/api/signatures/lookup', { token }),
    enabled: !!token,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const view = lookup.data;
  if (!token || lookup.error) return <Unusable error={lookup.error} />;
  if (!view) return <Loading />;
  return (
    <IntlProvider
      locale={formattingLocale(view.language, null)}
      messages={CATALOGS[view.language]}
      defaultLocale="fr"
    >
      <I18nProvider locale={formattingLocale(view.language, null)}>
        <div lang={view.language}>
          <SignForm token={token} view={view} />
        </div>
      </I18nProvider>
    </IntlProvider>
  );
}

/** A link that is missing, unknown, already used or expired: the server's message says which. */
function Unusable({ error }: { error: unknown }) {
  const intl = useIntl();
  return (
    <div className="card stack" style={{ maxWidth: '40rem', margin: '0 auto' }}>
      <PageHeader title={intl.formatMessage({ id: 'agreementScreens.sign.title' })} />
      <Alert tone="error" title={<FormattedMessage id="agreementScreens.sign.unusable" />}>
        <FormattedMessage id="agreementScreens.sign.unusable_hint" />
      </Alert>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

function SignForm({ token, view: v }: { token: string; view: SignatureLinkView }) {
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const municipality = useMunicipalityName(v.municipalityCode, v.language);
  const [accepted, setAccepted] = useState(false);
  const sign = useMutation({ mutationFn: () => post<void>('/api/signatures/sign', { token, accept: true }) });
  const none = intl.formatMessage({ id: 'common.not_given' });
  const label = (id: string) => <FormattedMessage key={id} id={id} />;
  return (
    <div className="card stack" style={{ maxWidth: '40rem', margin: '0 auto' }}>
      <PageHeader
        title={intl.formatMessage({ id: 'agreementScreens.sign.title' })}
        description={
          <FormattedMessage
            id="agreementScreens.sign.intro"
            values={{
              name: v.signerName,
              role: intl.formatMessage({ id: `agreements.role.${v.role}` }),
            }}
          />
        }
      />
      <Facts
        items={[
          [label('agreementScreens.field.person'), v.personName],
          [label('agreements.side.home'), v.homeOrgName],
          [label('agreementScreens.field.host'), v.hostOrgName],
          [label('placements.field.site'), v.siteName],
          [label('placements.field.municipality'), municipality],
          [label('agreementScreens.field.period'), fmt.period(v.startsOn, v.endsOn)],
          [label('placements.field.schedule'), v.schedule ?? none],
          [label('placements.field.hours_per_week'), fmt.hours(v.hoursPerWeek)],
          [label('agreementScreens.terms.tasks'), v.tasks ?? none],
        ]}
      />
      {sign.isSuccess ? (
        <Alert tone="success" title={<FormattedMessage id="agreementScreens.sign.done" />}>
          <FormattedMessage id="agreementScreens.sign.done_hint" />
        </Alert>
      ) : (
        <>
          <ErrorAlert error={sign.error} />
          <Checkbox isSelected={accepted} onChange={setAccepted}>
            <FormattedMessage id="agreementScreens.sign.accept" />
          </Checkbox>
          <div className="row">
            <Button onPress={() => sign.mutate()} isDisabled={!accepted || sign.isPending}>
              <FormattedMessage id="agreementScreens.sign.submit" />
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
