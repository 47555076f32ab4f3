import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Tone } from '../../../../common/kernel/workflow';
import type { SignatureInvitations } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import type { SignatureInvitees } from '../../../../common/placements/invitation-schemas';
import { call, useEndpoint } from '../../../app/client';
import { useSession } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Checkbox, Select, TextField } from '../../../app/ui/fields';

const HOME_SIGNERS = ['person', 'home_referent'] as const;
type HomeSigner = (typeof HOME_SIGNERS)[number];

interface Invite {
  method: 'link' | 'in_person';
  signerName: string;
  email: string;
}
export interface SendValues {
  person: Invite;
  home_referent: Invite;
  host: boolean;
}

/**
 * Sensible defaults (issue 9, item 3): a link to whoever has a known address, in person otherwise; the
 * referent who sends signs in person (they are here), another referent gets a link.
 */
export function defaultInvites(known: SignatureInvitees, sender: string, referentId: string): SendValues {
  const invite = (k: SignatureInvitees[HomeSigner], inPerson = false): Invite => ({
    method: k.email && !inPerson ? 'link' : 'in_person',
    signerName: k.signerName,
    email: k.email ?? '',
  });
  return {
    person: invite(known.person),
    home_referent: invite(known.home_referent, sender === referentId),
    host: true,
  };
}

/** The body's invitations: a link for each signatory so chosen; one signing in person is left out. */
export function invitationsOf(v: SendValues): SignatureInvitations {
  const out: SignatureInvitations = { host_representative: v.host };
  for (const role of HOME_SIGNERS) {
    const i = v[role];
    if (i.method === 'link') out[role] = { signerName: i.signerName.trim(), email: i.email.trim() };
  }
  return out;
}

/**
 * "Send for signature" asks every signatory at once: the person and the referent each by their own link
 * or in person (recorded when they have signed), and the host's representative at the address of the
 * host's signatory known to the platform (else the host is asked to choose on its dashboard).
 */
export function SendForSignatureDialog({
  placementId,
  referentUserId,
  tone,
  onDone,
}: {
  placementId: string;
  referentUserId: string;
  tone: Tone;
  onDone: () => void;
}) {
  const intl = useIntl();
  const [values, setValues] = useState<SendValues | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const label = intl.formatMessage({ id: 'placements.agreements.action.send_for_signature' });
  return (
    <FormDialog
      trigger={<Button variant={tone}>{label}</Button>}
      title={label}
      submitLabel={<FormattedMessage id="placements.agreements.send.submit" />}
      isSubmitDisabled={!values}
      onSubmit={async () => {
        if (!values) return false;
        const required = intl.formatMessage({ id: 'validation.required' });
        const found: Record<string, string> = {};
        for (const role of HOME_SIGNERS) {
          const i = values[role];
          if (i.method !== 'link') continue;
          if (i.signerName.trim().length < 2) found[`${role}.signerName`] = required;
          if (!i.email.trim()) found[`${role}.email`] = required;
        }
        setErrors(found);
        if (Object.keys(found).length) return false;
        await call(placementsEndpoints.transition, {
          params: { id: placementId },
          body: { action: 'send_for_signature', invitations: invitationsOf(values) },
        });
        onDone();
        return true;
      }}
    >
      <InviteFields
        placementId={placementId}
        referentUserId={referentUserId}
        values={values}
        onChange={setValues}
        errors={errors}
      />
    </FormDialog>
  );
}

/** Mounted when the dialog opens: reads the known addresses then, and starts from the defaults. */
function InviteFields({
  placementId,
  referentUserId,
  values,
  onChange,
  errors,
}: {
  placementId: string;
  referentUserId: string;
  values: SendValues | null;
  onChange: (v: SendValues) => void;
  errors: Record<string, string>;
}) {
  const intl = useIntl();
  const label = (id: string) => intl.formatMessage({ id });
  const sender = useSession().user.id;
  const known = useEndpoint(placementsEndpoints.signatureInvitees, { params: { id: placementId } });
  useEffect(() => {
    if (known.data) onChange(defaultInvites(known.data, sender, referentUserId));
  }, [known.data, sender, referentUserId, onChange]);
  if (!values)
    return (
      <p className="muted" role="status">
        <FormattedMessage id="common.loading" />
      </p>
    );
  const set = (role: HomeSigner, key: keyof Invite) => (v: string) =>
    onChange({ ...values, [role]: { ...values[role], [key]: v } });
  return (
    <div className="stack">
      <p>
        <FormattedMessage id="placements.agreements.send.intro" />
      </p>
      {HOME_SIGNERS.map((role) => {
        const roleName = label(`placements.agreements.role.${role}`);
        const i = values[role];
        return (
          <fieldset key={role} className="stack">
            <legend>{roleName}</legend>
            <Select
              label={intl.formatMessage({ id: 'placements.agreements.send.how' }, { role: roleName })}
              value={i.method}
              onChange={set(role, 'method')}
              options={(['link', 'in_person'] as const).map((m) => ({
                id: m,
                label: label(`placements.agreements.send.method_${m}`),
              }))}
              isRequired
            />
            {i.method === 'link' ? (
              <div className="grid-2">
                <TextField
                  label={label('placements.agreements.signatures.signer_name')}
                  value={i.signerName}
                  onChange={set(role, 'signerName')}
                  error={errors[`${role}.signerName`]}
                  maxLength={200}
                  isRequired
                />
                <TextField
                  label={label('placements.agreements.signatures.email')}
                  type="email"
                  value={i.email}
                  onChange={set(role, 'email')}
                  error={errors[`${role}.email`]}
                  isRequired
                />
              </div>
            ) : (
              <p className="muted">
                <FormattedMessage id="placements.agreements.send.in_person_hint" />
              </p>
            )}
          </fieldset>
        );
      })}
      <Checkbox isSelected={values.host} onChange={(host) => onChange({ ...values, host })}>
        <FormattedMessage id="placements.agreements.send.host" />
      </Checkbox>
      <p className="muted">
        <FormattedMessage id="placements.agreements.send.host_hint" />
      </p>
    </div>
  );
}
