import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SignatureRole } from '../../../common/placements/agreement-rules';
import { SignatureBody } from '../../../common/placements/agreement-schemas';
import { post } from '../../app/api';
import { Button } from '../../app/ui/Button';
import { FormDialog } from '../../app/ui/FormDialog';
import { Checkbox, TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';

/**
 * Asks one party to sign: a single-use link by e-mail, or a signature made in person on paper and recorded
 * here by the staff member who witnessed it (who confirms so).
 */
export function SignatureDialog({
  placementId,
  role,
  method,
  defaultName,
  onDone,
}: {
  placementId: string;
  role: SignatureRole;
  method: 'link' | 'in_person';
  defaultName: string;
  onDone: () => void;
}) {
  const intl = useIntl();
  const form = useForm(SignatureBody, { role, method, signerName: defaultName, email: '' });
  const [witnessed, setWitnessed] = useState(false);
  const roleName = intl.formatMessage({ id: `agreements.role.${role}` });
  const title = intl.formatMessage({ id: `agreementScreens.signatures.${method}` });
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" aria-label={`${title} · ${roleName}`}>
          {title}
        </Button>
      }
      title={`${title} · ${roleName}`}
      submitLabel={<FormattedMessage id={`agreementScreens.signatures.${method}_submit`} />}
      isSubmitDisabled={method === 'in_person' && !witnessed}
      onError={form.fromApiError}
      onSubmit={async () => {
        const ok = form.validate();
        if (method === 'link' && !form.values.email.trim()) {
          form.setErrors((x) => ({ ...x, email: intl.formatMessage({ id: 'validation.required' }) }));
          return false;
        }
        if (!ok || (method === 'in_person' && !witnessed)) return false;
        await post<unknown>(`/api/placements/${encodeURIComponent(placementId)}/signatures`, form.body());
        onDone();
        return true;
      }}
    >
      <TextField
        label={intl.formatMessage({ id: 'agreementScreens.signatures.signer_name' })}
        value={form.values.signerName}
        onChange={form.set('signerName')}
        error={form.errors.signerName}
        maxLength={200}
        isRequired
      />
      {method === 'link' ? (
        <TextField
          label={intl.formatMessage({ id: 'agreementScreens.signatures.email' })}
          description={<FormattedMessage id="agreementScreens.signatures.email_hint" />}
          type="email"
          value={form.values.email}
          onChange={form.set('email')}
          error={form.errors.email}
          isRequired
        />
      ) : (
        <Checkbox isSelected={witnessed} onChange={setWitnessed}>
          <FormattedMessage id="agreementScreens.signatures.witnessed" />
        </Checkbox>
      )}
    </FormDialog>
  );
}
