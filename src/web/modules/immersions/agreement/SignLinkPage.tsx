import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { agreementEndpoints as api } from '../../../../common/immersions/agreement-endpoints';
import type { ReadingBlock, SignatureLinkView } from '../../../../common/immersions/signature-schemas';
import { urlOf } from '../../../../common/kernel/endpoint';
import { ApiError } from '../../../app/api';
import { call, keyOf, useEndpointMutation } from '../../../app/client';
import { downloadFile } from '../../../app/download';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Checkbox } from '../../../app/ui/fields';
import { PageHeader } from '../../../app/ui/layout';
import { linkToken, PageLanguage } from '../../../app/ui/PageLanguage';

const G = (id: string) => `immersions.signatures.${id}`;

/**
 * The public page a signer's single-use link opens (no account needed): the whole immersion agreement in
 * the signer's side's language, its PDF, and the signature (the token as placements' links keep it).
 */
export function SignLinkPage() {
  const token = linkToken();
  const lookup = useQuery({
    queryKey: [...keyOf(api.signatureLookup), token],
    queryFn: () => call(api.signatureLookup, { body: { token } }),
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

function Unusable({ error }: { error: unknown }) {
  const intl = useIntl();
  return (
    <div className="card stack" style={{ maxWidth: '44rem', margin: '0 auto' }}>
      <PageHeader title={intl.formatMessage({ id: G('link_page.title') })} />
      <Alert tone="error" title={<FormattedMessage id={G('link_page.unusable')} />}>
        {error instanceof ApiError ? error.message : <FormattedMessage id={G('link_page.unusable_hint')} />}
      </Alert>
    </div>
  );
}

function SignForm({ token, view: v }: { token: string; view: SignatureLinkView }) {
  const intl = useIntl();
  const [accepted, setAccepted] = useState(false);
  const sign = useEndpointMutation(api.signByLink);
  const pdf = useMutation({
    mutationFn: () =>
      downloadFile(urlOf(api.signaturePdf, {}), v.language, {
        method: 'POST',
        body: { token },
        fallbackName: 'agreement.pdf',
      }),
  });
  return (
    <div className="card stack" style={{ maxWidth: '44rem', margin: '0 auto' }}>
      <PageHeader
        title={intl.formatMessage({ id: G('link_page.title') })}
        description={
          <FormattedMessage
            id={G('link_page.intro')}
            values={{
              name: v.signerName,
              version: v.version,
              role: intl.formatMessage({ id: G(`role.${v.role}`) }),
            }}
          />
        }
      />
      <div className="row">
        <Button variant="secondary" onPress={() => pdf.mutate()} isDisabled={pdf.isPending}>
          <FormattedMessage id={G('link_page.pdf')} />
        </Button>
      </div>
      {pdf.isError && (
        <Alert tone="error" title={<FormattedMessage id={G('link_page.pdf_failed')} />}>
          {pdf.error instanceof ApiError ? pdf.error.message : null}
        </Alert>
      )}
      <article className="stack" aria-label={v.title}>
        {v.blocks.map((b) => (
          <Block key={b.id} block={b} />
        ))}
      </article>
      {sign.isSuccess ? (
        <Alert tone="success" title={<FormattedMessage id={G('link_page.done')} />}>
          <FormattedMessage id={G('link_page.done_hint')} />
        </Alert>
      ) : (
        <>
          <ErrorAlert error={sign.error} />
          <Checkbox isSelected={accepted} onChange={setAccepted}>
            <FormattedMessage
              id={G(v.role === 'visitor' ? 'accept_visitor' : 'accept')}
              values={{ version: v.version }}
            />
          </Checkbox>
          <div className="row">
            <Button
              onPress={() => sign.mutate({ body: { token, accept: true } })}
              isDisabled={!accepted || sign.isPending}
            >
              <FormattedMessage id={G('link_page.submit')} />
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/** One block of the agreement, as printed: fields as a description list, paragraphs, approvals. */
function Block({ block: b }: { block: ReadingBlock }) {
  return (
    <section className="stack" data-block={b.id}>
      {b.heading && <h2>{b.heading}</h2>}
      {b.items.map((i, n) => {
        const key = `${b.id}-${n}`;
        switch (i.kind) {
          case 'field':
            return (
              <dl key={key} className="facts">
                <dt>{i.label}</dt>
                <dd style={{ whiteSpace: 'pre-line' }}>{i.value}</dd>
              </dl>
            );
          case 'subheading':
            return <h3 key={key}>{i.text}</h3>;
          case 'paragraph':
            return i.note ? (
              <p key={key} className="description">
                {i.text}
              </p>
            ) : (
              <p key={key} style={{ whiteSpace: 'pre-line' }}>
                {i.text}
              </p>
            );
          default:
            return (
              <p key={key}>
                <strong>{i.label}</strong>
                {i.name ? ` — ${i.name}` : ''}
                <br />
                {i.state}
              </p>
            );
        }
      })}
    </section>
  );
}
