import { FormattedMessage, useIntl } from 'react-intl';
import type { ShareCheck } from '../../../../common/people/shared-schemas';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { TextArea } from '../../../app/ui/fields';
import { useSharingFormat } from './format';

// The hook lives apart so the face can offer it without loading this card (and its fields) up front.
export { useSharePreview } from './share-preview';

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
