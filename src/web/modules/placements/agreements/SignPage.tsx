import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { urlOf } from '../../../../common/kernel/endpoint';
import type { SignatureLinkView } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { ApiError } from '../../../app/api';
import { call, keyOf, useEndpointMutation } from '../../../app/client';
import { downloadFile } from '../../../app/download';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Checkbox } from '../../../app/ui/fields';
import { Facts, PageHeader } from '../../../app/ui/layout';
import { linkToken, PageLanguage } from '../../../app/ui/PageLanguage';
import { AgreementReadingView } from './AgreementReadingView';
import { useAgreementFormat } from './format';
import { useMunicipalityName } from './ReviewStep';

/** The public page a signature link opens (no account needed), in the agreement's language. */
export function SignPage() {
  const token = linkToken();
  // A look-up sent by POST, so that the token never travels in a URL; read once, like a GET, per token.
  const lookup = useQuery({
    queryKey: [...keyOf(placementsEndpoints.signatureLookup), token],
    queryFn: () => call(placementsEndpoints.signatureLookup, { body: { token } }),
    enabled: !!token,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const view = lookup.data;
  if (!token || lookup.error) return <Unusable error={lookup.error} />;
  if (!view) return <Loading />;
  return (
    <PageLanguage language={view.language}>
      <SignForm token={token} view={view} />
    </PageLanguage>
  );
}

/** A link that is missing, unknown, already used or expired: the server's message says which. */
function Unusable({ error }: { error: unknown }) {
  const intl = useIntl();
  return (
    <div className="card stack" style={{ maxWidth: '40rem', margin: '0 auto' }}>
      <PageHeader title={intl.formatMessage({ id: 'placements.agreements.sign.title' })} />
      {/* The server's answer says why (used, expired, replaced); said once, in place of the general hint. */}
      <Alert tone="error" title={<FormattedMessage id="placements.agreements.sign.unusable" />}>
        {error instanceof ApiError ? (
          error.message
        ) : (
          <FormattedMessage id="placements.agreements.sign.unusable_hint" />
        )}
      </Alert>
    </div>
  );
}

function SignForm({ token, view: v }: { token: string; view: SignatureLinkView }) {
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const municipality = useMunicipalityName(v.municipalityCode, v.language);
  const [accepted, setAccepted] = useState(false);
  const sign = useEndpointMutation(placementsEndpoints.sign);
  const pdf = useMutation({ mutationFn: () => downloadSignaturePdf(token, v.language) });
  // Said before the signer reads and accepts, not only as the refusal of their signature (issue 9).
  const blocked = v.blocked.map((g) => intl.formatMessage({ id: `placements.agreements.guard.${g}` }));
  const none = intl.formatMessage({ id: 'common.not_given' });
  const label = (id: string) => <FormattedMessage key={id} id={id} />;
  return (
    <div className="card stack" style={{ maxWidth: '40rem', margin: '0 auto' }}>
      <PageHeader
        title={intl.formatMessage({ id: 'placements.agreements.sign.title' })}
        description={
          <FormattedMessage
            id="placements.agreements.sign.intro"
            values={{
              name: v.signerName,
              role: intl.formatMessage({ id: `placements.agreements.role.${v.role}` }),
            }}
          />
        }
      />
      <Facts
        items={[
          [label('placements.agreements.field.person'), v.personName],
          [label('placements.agreements.side.home'), v.homeOrgName],
          [label('placements.agreements.field.host'), v.hostOrgName],
          [label('placements.offers.field.site'), v.siteName],
          [label('placements.offers.field.municipality'), municipality],
          [label('placements.agreements.field.period'), fmt.period(v.startsOn, v.endsOn)],
          [label('placements.offers.field.schedule'), v.schedule ?? none],
          [label('placements.offers.field.hours_per_week'), fmt.hours(v.hoursPerWeek)],
          [label('placements.agreements.terms.tasks'), v.tasks ?? none],
        ]}
      />
      <section className="stack" aria-labelledby="sign-document">
        <h2 id="sign-document">
          <FormattedMessage id="placements.agreements.sign.document" />
        </h2>
        <p>
          <FormattedMessage id="placements.agreements.sign.document_hint" />
        </p>
        <div className="row">
          <Button variant="secondary" onPress={() => pdf.mutate()} isDisabled={pdf.isPending}>
            <FormattedMessage id="placements.agreements.sign.pdf" />
          </Button>
        </div>
        {pdf.isError ? (
          <Alert tone="error" title={<FormattedMessage id="placements.agreements.sign.pdf_failed" />}>
            {pdf.error instanceof ApiError ? pdf.error.message : null}
          </Alert>
        ) : null}
        <AgreementReadingView reading={v.document} />
      </section>
      {blocked.length > 0 && !sign.isSuccess ? (
        <Alert tone="warning" title={<FormattedMessage id="placements.agreements.sign.blocked" />}>
          <FormattedMessage
            id="placements.agreements.sign.blocked_hint"
            values={{ reasons: new Intl.ListFormat(intl.locale, { type: 'conjunction' }).format(blocked) }}
          />
        </Alert>
      ) : null}
      {sign.isSuccess ? (
        <Alert tone="success" title={<FormattedMessage id="placements.agreements.sign.done" />}>
          <FormattedMessage id="placements.agreements.sign.done_hint" />{' '}
          <FormattedMessage id="placements.agreements.sign.done_copy" />
        </Alert>
      ) : (
        <>
          <ErrorAlert error={sign.error} />
          <Checkbox isSelected={accepted} onChange={setAccepted} isDisabled={blocked.length > 0}>
            <FormattedMessage id="placements.agreements.sign.accept" />
          </Checkbox>
          <div className="row">
            <Button
              onPress={() => sign.mutate({ body: { token, accept: true } })}
              isDisabled={!accepted || sign.isPending || blocked.length > 0}
            >
              <FormattedMessage id="placements.agreements.sign.submit" />
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/**
 * The agreement's PDF through the link, by POST like the look-up so that the token never travels in a
 * URL; saved as a file so that a refusal shows on this page.
 */
const downloadSignaturePdf = (token: string, language: string) =>
  downloadFile(urlOf(placementsEndpoints.signaturePdf, {}), language, {
    method: 'POST',
    body: { token },
    fallbackName: 'convention.pdf',
  });
