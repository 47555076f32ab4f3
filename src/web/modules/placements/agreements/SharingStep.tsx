import { FormattedMessage } from 'react-intl';
import { ConsentCheck, FieldGroupsPicker, SharePreview } from '../../people';

/**
 * What the host will see of the person: field groups, and the consent that allows it. The people
 * module's sharing set runs the check as the choices change (purpose "placement"); the server checks
 * again on creation and answers 409 when no consent holds, which is shown here too.
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
  return (
    <SharePreview
      personId={personId}
      share={{ recipientOrgId: hostOrgId, purpose: 'placement', fields }}
      options={{ whenReadyOnly: true }}
    >
      {({ preview, check }) => (
        <div className="stack">
          <p>
            <FormattedMessage id="placements.agreements.sharing.intro" />
          </p>
          <FieldGroupsPicker
            label={<FormattedMessage id="placements.agreements.sharing.fields" />}
            description={<FormattedMessage id="placements.agreements.sharing.fields_hint" />}
            value={fields}
            onChange={onFields}
            error={errors.sharedFields}
          />
          <ConsentCheck
            check={check}
            canOverride={!!preview.data?.canOverride || mayOverride}
            refused={refused || preview.error}
            overrideReason={overrideReason}
            onOverrideReason={onOverrideReason}
            error={errors.overrideReason}
          />
        </div>
      )}
    </SharePreview>
  );
}
