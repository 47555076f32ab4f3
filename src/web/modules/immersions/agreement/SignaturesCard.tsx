import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { agreementEndpoints as api } from '../../../../common/immersions/agreement-endpoints';
import { requestEndpoints } from '../../../../common/immersions/request-endpoints';
import type { RequestView } from '../../../../common/immersions/request-schemas';
import {
  type AgreementSignaturesView,
  SignatureInput,
  type SignatureRole,
  type SignatureView,
} from '../../../../common/immersions/signature-schemas';
import { call, invalidate } from '../../../app/client';
import { useSession } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Alert } from '../../../app/ui/feedback';
import { Checkbox, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card } from '../../../app/ui/layout';
import { AmendDialog } from './AmendDialog';

export const G = (id: string) => `immersions.signatures.${id}`;

/**
 * The agreement's signatures once both sides approved (issue 11): the three signers of the current
 * version, each with its state and what the reader may do for it (sign in their own name, send a
 * single-use link, record a paper signature they witnessed), the earlier versions' signatures, and the
 * amendment that makes a new version.
 */
export function SignaturesCard({ view }: { view: RequestView }) {
  const intl = useIntl();
  const s = view.signatures;
  if (!s) return null;
  const names = (v: AgreementSignaturesView['earlier'][number]) =>
    new Intl.ListFormat(intl.locale, { type: 'conjunction' }).format(v.signatures.map((x) => x.signerName));
  return (
    <Card title={<FormattedMessage id={G('title')} />} actions={s.canAmend && <AmendDialog view={view} />}>
      <div className="stack">
        <p>
          <FormattedMessage id={G(s.open ? 'intro' : 'closed')} values={{ version: s.version }} />
        </p>
        {s.fullySigned && s.open && (
          <Alert tone="success" title={<FormattedMessage id={G('fully_signed')} />} />
        )}
        <dl className="facts">
          {s.signatures.map((x) => (
            <SignatureRow key={x.role} requestId={view.request.id} version={s.version} signature={x} />
          ))}
        </dl>
        {s.earlier.length > 0 && (
          <details>
            <summary>
              <FormattedMessage id={G('earlier')} />
            </summary>
            <ul>
              {s.earlier.map((v) => (
                <li key={v.version}>
                  <FormattedMessage id={G('earlier_item')} values={{ version: v.version, names: names(v) }} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </Card>
  );
}

function SignatureRow({
  requestId,
  version,
  signature: x,
}: {
  requestId: string;
  version: number;
  signature: SignatureView;
}) {
  const intl = useIntl();
  const day = (iso: string | null) =>
    iso ? intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'Europe/Brussels' }) : '';
  const state =
    x.state === 'signed'
      ? intl.formatMessage(
          { id: G(`state.signed_${x.method ?? 'account'}`) },
          { day: day(x.signedAt), witness: x.recordedBy ?? '' },
        )
      : intl.formatMessage({ id: G(`state.${x.state}`) }, { day: day(x.requestedAt) });
  return (
    <div style={{ display: 'contents' }} data-role={x.role}>
      <dt>
        <FormattedMessage id={G(`role.${x.role}`)} />
      </dt>
      <dd className="stack">
        <span>
          {x.signerName ? `${x.signerName} · ` : ''}
          {state}
        </span>
        {x.email && x.state !== 'signed' && (
          <span className="description">
            <FormattedMessage id={G('sent_to')} values={{ email: x.email }} />
          </span>
        )}
        {(x.can.sign || x.can.link || x.can.inPerson) && (
          <div className="row">
            {x.can.sign && <SignDialog requestId={requestId} role={x.role} version={version} />}
            {x.can.link && (
              <AskDialog
                requestId={requestId}
                role={x.role}
                version={version}
                method="link"
                defaults={{ signerName: x.signerName ?? '', email: x.email ?? '' }}
              />
            )}
            {x.can.inPerson && (
              <AskDialog
                requestId={requestId}
                role={x.role}
                version={version}
                method="in_person"
                defaults={{ signerName: x.signerName ?? '', email: '' }}
              />
            )}
          </div>
        )}
      </dd>
    </div>
  );
}

function useRefresh() {
  const qc = useQueryClient();
  return () => invalidate(qc, requestEndpoints.request, requestEndpoints.listRequests);
}

/** Signing in one's own name: the reader confirms they read this version (and, as the visitor, the undertaking). */
function SignDialog({
  requestId,
  role,
  version,
}: {
  requestId: string;
  role: SignatureRole;
  version: number;
}) {
  const intl = useIntl();
  const session = useSession();
  const refresh = useRefresh();
  const [accepted, setAccepted] = useState(false);
  const roleName = intl.formatMessage({ id: G(`role.${role}`) });
  return (
    <FormDialog
      trigger={
        <Button aria-label={`${intl.formatMessage({ id: G('action.sign') })} · ${roleName}`}>
          <FormattedMessage id={G('action.sign')} />
        </Button>
      }
      title={<FormattedMessage id={G('action.sign_title')} values={{ version }} />}
      submitLabel={<FormattedMessage id={G('action.sign')} />}
      isSubmitDisabled={!accepted}
      onSubmit={async () => {
        await call(api.sign, {
          params: { id: requestId },
          body: { role, method: 'account', accept: true },
        });
        await refresh();
        return true;
      }}
    >
      <p>
        <FormattedMessage
          id={G('action.sign_as')}
          values={{ name: session.user.displayName, role: roleName }}
        />
      </p>
      <p className="description">
        <FormattedMessage id={G('read_pdf')} />
      </p>
      <Checkbox isSelected={accepted} onChange={setAccepted}>
        <FormattedMessage id={G(role === 'visitor' ? 'accept_visitor' : 'accept')} values={{ version }} />
      </Checkbox>
    </FormDialog>
  );
}

/** A single-use link mailed to the signer, or a paper signature recorded by the manager who witnessed it. */
function AskDialog({
  requestId,
  role,
  version,
  method,
  defaults,
}: {
  requestId: string;
  role: SignatureRole;
  version: number;
  method: 'link' | 'in_person';
  defaults: { signerName: string; email: string };
}) {
  const intl = useIntl();
  const refresh = useRefresh();
  const form = useForm(SignatureInput, { role, method, ...defaults, accept: false });
  const roleName = intl.formatMessage({ id: G(`role.${role}`) });
  const title = intl.formatMessage({ id: G(`action.${method}_title`) }, { role: roleName });
  const label = intl.formatMessage({ id: G(`action.${method}`) });
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" aria-label={`${label} · ${roleName}`}>
          {label}
        </Button>
      }
      title={title}
      submitLabel={<FormattedMessage id={G(`action.${method}_submit`)} />}
      isSubmitDisabled={method === 'in_person' && !form.values.accept}
      onError={form.fromApiError}
      onSubmit={async () => {
        if (!form.validate()) return false;
        if (method === 'link' && !form.values.email.trim()) {
          form.setErrors((e) => ({ ...e, email: intl.formatMessage({ id: G('errors.email_required') }) }));
          return false;
        }
        const body = form.body() as SignatureInput;
        await call(api.sign, {
          params: { id: requestId },
          body: method === 'link' ? { ...body, accept: undefined } : { ...body, email: undefined },
        });
        await refresh();
        return true;
      }}
    >
      <TextField
        label={intl.formatMessage({ id: G('field.signer_name') })}
        value={form.values.signerName}
        onChange={form.set('signerName')}
        error={form.errors.signerName}
        maxLength={200}
        isRequired
      />
      {method === 'link' ? (
        <TextField
          label={intl.formatMessage({ id: G('field.email') })}
          description={<FormattedMessage id={G('action.link_hint')} />}
          type="email"
          value={form.values.email}
          onChange={form.set('email')}
          error={form.errors.email}
          isRequired
        />
      ) : (
        <Checkbox isSelected={form.values.accept} onChange={form.set('accept')}>
          <FormattedMessage id={G('witnessed')} values={{ version }} />
        </Checkbox>
      )}
    </FormDialog>
  );
}
