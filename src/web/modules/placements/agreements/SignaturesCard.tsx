import { FormattedMessage, useIntl } from 'react-intl';
import {
  SIGNATURE_ROLES,
  SIGNATURE_SIDE,
  type SignatureRole,
} from '../../../../common/placements/agreement-rules';
import type { PlacementView, SignatureView } from '../../../../common/placements/agreement-schemas';
import { useCan } from '../../../app/session';
import { Card } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { useAgreementFormat } from './format';
import { SignatureDialog } from './SignatureDialog';

/** The latest request of a role for the current version, if any; a superseded round's count for nothing. */
export function currentSignature(p: PlacementView, role: SignatureRole): SignatureView | undefined {
  return p.signatures
    .filter((s) => s.role === role && s.version === p.version && !s.superseded)
    .sort((a, b) => (a.signedAt ? 1 : 0) - (b.signedAt ? 1 : 0) || a.requestedAt.localeCompare(b.requestedAt))
    .at(-1);
}

/**
 * The three signatures of the current version: signed how and when, or a link waiting. Staff of the side a
 * role belongs to may send that role a link or record that it was signed in person.
 */
export function SignaturesCard({
  placement: p,
  onChanged,
}: {
  placement: PlacementView;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const manages = useCan('placement.manage');
  const validates = useCan('placement.host_validate');
  // Server decides in the end; the buttons are offered to staff who handle agreements on either side.
  const canManage = manages || validates;
  const collecting = p.status === 'awaiting_signatures';
  const superseded = p.signatures.filter((s) => s.superseded && s.signedAt).length;
  const defaultName = (role: SignatureRole) =>
    role === 'person'
      ? ((p.signatory === 'legal_representative' ? p.representativeName : p.personName) ?? '')
      : role === 'home_referent'
        ? (p.referentName ?? '')
        : '';
  const status = (role: SignatureRole) => {
    const s = currentSignature(p, role);
    if (!s) return intl.formatMessage({ id: 'placements.agreements.signatures.not_requested' });
    if (s.signedAt)
      return intl.formatMessage(
        { id: 'placements.agreements.signatures.signed' },
        {
          name: s.signerName,
          method: intl.formatMessage({ id: `placements.agreements.method.${s.method ?? 'in_person'}` }),
          when: fmt.dateTime(s.signedAt),
        },
      );
    if (s.linkPending)
      return intl.formatMessage(
        { id: 'placements.agreements.signatures.link_pending' },
        // The other party does not see the signer's address: no empty brackets then.
        {
          name: s.signerName,
          email: s.email ?? '',
          hasEmail: s.email ? 'yes' : 'no',
          when: fmt.dateTime(s.requestedAt),
        },
      );
    return intl.formatMessage({ id: 'placements.agreements.signatures.link_lapsed' }, { name: s.signerName });
  };
  return (
    <Card
      title={<FormattedMessage id="placements.agreements.signatures.title" values={{ version: p.version }} />}
    >
      {superseded > 0 && (
        <p>
          <FormattedMessage
            id="placements.agreements.signatures.superseded"
            values={{ count: superseded, version: p.version }}
          />
        </p>
      )}
      {!collecting && (
        <p className="muted">
          <FormattedMessage
            id={
              p.status === 'draft'
                ? 'placements.agreements.signatures.draft'
                : 'placements.agreements.signatures.closed'
            }
          />
        </p>
      )}
      <DataTable
        caption={intl.formatMessage({ id: 'placements.agreements.signatures.title' }, { version: p.version })}
        rows={[...SIGNATURE_ROLES]}
        rowKey={(r) => r}
        stacked
        columns={[
          {
            key: 'role',
            header: <FormattedMessage id="placements.agreements.signatures.col.role" />,
            render: (r) => <FormattedMessage id={`placements.agreements.role.${r}`} />,
          },
          {
            key: 'status',
            header: <FormattedMessage id="placements.agreements.signatures.col.status" />,
            render: status,
          },
          {
            key: 'do',
            header: <FormattedMessage id="placements.agreements.signatures.col.actions" />,
            render: (r) =>
              collecting && canManage && SIGNATURE_SIDE[r] === p.side && !currentSignature(p, r)?.signedAt ? (
                <div className="row">
                  <SignatureDialog
                    placementId={p.id}
                    role={r}
                    method="link"
                    defaultName={defaultName(r)}
                    defaultEmail={currentSignature(p, r)?.email ?? ''}
                    onDone={onChanged}
                  />
                  <SignatureDialog
                    placementId={p.id}
                    role={r}
                    method="in_person"
                    defaultName={defaultName(r)}
                    onDone={onChanged}
                  />
                </div>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
