import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ReferralPreview } from '../../../common/people/referral-schemas';
import { get, qs } from '../../app/api';
import { Alert, ErrorAlert } from '../../app/ui/feedback';
import { TextArea } from '../../app/ui/fields';
import { FieldGroupsPicker } from '../referrals/FieldGroupsPicker';
import { useAgreementFormat } from './format';

/**
 * What the host will see of the person: field groups, and the consent that allows it. The check runs as
 * the choices change (the same one referrals use, for purpose "placement"); the server checks again on
 * creation and answers 409 when no consent holds, which is shown here too.
 */
export function SharingStep({
  personId,
  hostOrgId,
  fields,
  onFields,
  overrideReason,
  onOverrideReason,
  errors,
  refused,
  mayOverride,
}: {
  personId: string;
  hostOrgId: string;
  fields: string[];
  onFields: (v: string[]) => void;
  overrideReason: string;
  onOverrideReason: (v: string) => void;
  errors: Record<string, string>;
  /** The server's refusal for want of consent, already in the user's language. */
  refused: unknown;
  mayOverride: boolean;
}) {
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const ready = !!hostOrgId && fields.length > 0;
  const preview = useQuery({
    queryKey: ['placement-consent', personId, hostOrgId, [...fields].sort().join(',')],
    queryFn: () =>
      get<ReferralPreview>(
        `/api/people/${encodeURIComponent(personId)}/referral-preview${qs({
          recipientOrgId: hostOrgId,
          purpose: 'placement',
          fields: fields.join(','),
        })}`,
      ),
    enabled: ready,
    placeholderData: keepPreviousData,
  });
  const check = ready && !preview.isPlaceholderData ? (preview.data?.check ?? null) : null;
  const noConsent = (!!check && !check.consent) || !!refused;
  const canOverride = !!preview.data?.canOverride || mayOverride;
  const fieldNames = (list: readonly string[]) =>
    list.map((f) => intl.formatMessage({ id: `referrals.enum.field.${f}` })).join(', ');
  const gap = check?.gap
    ? intl.formatMessage(
        { id: `referrals.consent_gap.${check.gap}` },
        { fields: fieldNames(check.missingFields) },
      )
    : '';
  return (
    <div className="stack">
      <p>
        <FormattedMessage id="agreementScreens.sharing.intro" />
      </p>
      <FieldGroupsPicker
        label={<FormattedMessage id="agreementScreens.sharing.fields" />}
        description={<FormattedMessage id="agreementScreens.sharing.fields_hint" />}
        value={fields}
        onChange={onFields}
        error={errors.sharedFields}
      />
      <ErrorAlert error={preview.error} />
      {check?.consent && (
        <Alert tone="success">
          <FormattedMessage
            id="agreementScreens.sharing.consent_found"
            values={{ given: fmt.date(check.consent.givenOn) }}
          />
          {check.consent.expiresOn && (
            <>
              {' '}
              <FormattedMessage
                id="agreementScreens.sharing.consent_until"
                values={{ until: fmt.date(check.consent.expiresOn) }}
              />
            </>
          )}
        </Alert>
      )}
      {refused ? <ErrorAlert error={refused} /> : null}
      {check && !check.consent && (
        <Alert
          tone="warning"
          title={<FormattedMessage id="agreementScreens.sharing.consent_none" values={{ detail: gap }} />}
        />
      )}
      {noConsent && (
        <p>
          <FormattedMessage
            id={
              canOverride
                ? 'agreementScreens.sharing.override_hint'
                : 'agreementScreens.sharing.consent_record'
            }
          />
        </p>
      )}
      {noConsent && canOverride && (
        <TextArea
          label={intl.formatMessage({ id: 'agreementScreens.sharing.override_reason' })}
          value={overrideReason}
          onChange={onOverrideReason}
          error={errors.overrideReason}
          isRequired
        />
      )}
    </div>
  );
}
