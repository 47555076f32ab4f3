import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SharePurpose } from '../../../../common/people/consent';
import { sharedApi } from '../../../../common/people/endpoints';
import type { ShareCheck } from '../../../../common/people/shared-schemas';
import { useEndpoint } from '../../../app/client';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { TextArea } from '../../../app/ui/fields';
import { useSharingFormat } from './format';

/**
 * The server's preview of a share as the choices change: the person, and once recipient and field groups
 * are chosen, the consent it would rest on (the same rule the server applies when the share is made).
 */
export function useSharePreview(
  personId: string,
  share: { recipientOrgId: string; purpose: SharePurpose; fields: readonly string[] },
  options: { enabled?: boolean; whenReadyOnly?: boolean } = {},
) {
  const ready = !!share.recipientOrgId && share.fields.length > 0;
  const preview = useEndpoint(
    sharedApi.preview,
    {
      params: { personId },
      query: ready
        ? { recipientOrgId: share.recipientOrgId, purpose: share.purpose, fields: share.fields.join(',') }
        : {},
    },
    {
      enabled: (options.enabled ?? true) && !!personId && (ready || !options.whenReadyOnly),
      // Keep the form on screen while the consent check for new choices loads.
      placeholderData: keepPreviousData,
    },
  );
  const check: ShareCheck | null = ready && !preview.isPlaceholderData ? (preview.data?.check ?? null) : null;
  return { preview, check, ready };
}

/**
 * The consent a share rests on, or why none does; for those who may override, the reason to give. Shows
 * the server's refusal too (a 409 for want of consent), where it can be resolved.
 */
export function ConsentCheck({
  check,
  canOverride,
  refused,
  overrideReason,
  onOverrideReason,
  error,
}: {
  check: ShareCheck | null;
  canOverride: boolean;
  /** The server's refusal for want of consent, already in the user's language. */
  refused?: unknown;
  overrideReason: string;
  onOverrideReason: (v: string) => void;
  error?: string;
}) {
  const intl = useIntl();
  const fmt = useSharingFormat();
  const none = !!check && !check.consent;
  const noConsent = none || !!refused;
  const gap = check?.gap
    ? intl.formatMessage(
        { id: `people.shared.consent_gap.${check.gap}` },
        { fields: fmt.fields(check.missingFields) },
      )
    : '';
  const hint = (
    <FormattedMessage
      id={canOverride ? 'people.shared.consent.override_hint' : 'people.shared.consent.record'}
    />
  );
  return (
    <>
      {check?.consent && (
        <Alert tone="success">
          <FormattedMessage
            id="people.shared.consent.found"
            values={{ given: fmt.date(check.consent.givenOn) }}
          />
          {check.consent.expiresOn && (
            <>
              {' '}
              <FormattedMessage
                id="people.shared.consent.until"
                values={{ until: fmt.date(check.consent.expiresOn) }}
              />
            </>
          )}
        </Alert>
      )}
      {refused ? <ErrorAlert error={refused} /> : null}
      {none && (
        <Alert
          tone="warning"
          title={<FormattedMessage id="people.shared.consent.none" values={{ detail: gap }} />}
        >
          {hint}
        </Alert>
      )}
      {!none && noConsent && <p>{hint}</p>}
      {noConsent && canOverride && (
        <TextArea
          label={intl.formatMessage({ id: 'people.shared.consent.override_reason' })}
          value={overrideReason}
          onChange={onOverrideReason}
          error={error}
          isRequired
        />
      )}
    </>
  );
}
