import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SignatureRole } from '../../../../common/placements/agreement-rules';
import { SignatureBody } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Checkbox, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';

/**
 * Asks one party to sign: a single-use link by e-mail, or a signature made in person on paper and recorded
 * here by the staff member who witnessed it (who confirms so).
 */
export function SignatureDialog({
  placementId,
  role,
  method,
  defaultName,
  defaultEmail = '',
  onDone,
}: {
  placementId: string;
  role: SignatureRole;
  method: 'link' | 'in_person';
  defaultName: string;
  /** The address of this role's pending link, when the reader may see it: a resend goes there by default. */
  defaultEmail?: string;
  onDone: () => void;
}) {
  const intl = useIntl();
  const form = useForm(SignatureBody, { role, method, signerName: defaultName, email: defaultEmail });
  const [witnessed, setWitnessed] = useState(false);
  const roleName = intl.formatMessage({ id: `placements.agreements.role.${role}` });
  const title = intl.formatMessage({ id: `placements.agreements.signatures.${method}` });
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" aria-label={`${title} · ${roleName}`}>
          {title}
        </Button>
      }
      title={`${title} · ${roleName}`}
      submitLabel={<FormattedMessage id={`placements.agreements.signatures.${method}_submit`} />}
      isSubmitDisabled={method === 'in_person' && !witnessed}
      onError={form.fromApiError}
      onSubmit={async () => {
        const ok = form.validate();
        if (method === 'link' && !form.values.email.trim()) {
          form.setErrors((x) => ({ ...x, email: intl.formatMessage({ id: 'validation.required' }) }));
          return false;
        }
        if (!ok || (method === 'in_person' && !witnessed)) return false;
        // Validated above against the endpoint's own schema.
        await call(placementsEndpoints.requestSignature, {
          params: { id: placementId },
          body: form.body() as SignatureBody,
        });
        onDone();
        return true;
      }}
    >
      <TextField
        label={intl.formatMessage({ id: 'placements.agreements.signatures.signer_name' })}
        value={form.values.signerName}
        onChange={form.set('signerName')}
        error={form.errors.signerName}
        maxLength={200}
        isRequired
      />
      {method === 'link' ? (
        <TextField
          label={intl.formatMessage({ id: 'placements.agreements.signatures.email' })}
          description={<FormattedMessage id="placements.agreements.signatures.email_hint" />}
          type="email"
          value={form.values.email}
          onChange={form.set('email')}
          error={form.errors.email}
          isRequired
        />
      ) : (
        <Checkbox isSelected={witnessed} onChange={setWitnessed}>
          <FormattedMessage id="placements.agreements.signatures.witnessed" />
        </Checkbox>
      )}
    </FormDialog>
  );
}
