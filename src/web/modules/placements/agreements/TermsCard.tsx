import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PlacementView } from '../../../common/placements/agreement-schemas';
import { Button } from '../../app/ui/Button';
import { Card, Facts } from '../../app/ui/layout';
import { useAgreementFormat } from './format';
import { TermsEditForm } from './TermsEditForm';

/** The agreed terms; the home side edits them while `editable` says so. */
export function TermsCard({ placement: p, onChanged }: { placement: PlacementView; onChanged: () => void }) {
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const [editing, setEditing] = useState(false);
  const none = intl.formatMessage({ id: 'common.not_given' });
  const label = (id: string) => <FormattedMessage key={id} id={id} />;
  if (editing && p.editable)
    return (
      <Card title={<FormattedMessage id="agreementScreens.terms.edit_title" />}>
        <TermsEditForm
          placement={p}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      </Card>
    );
  return (
    <Card
      title={<FormattedMessage id="agreementScreens.terms.title" />}
      actions={
        p.editable && (
          <Button variant="secondary" onPress={() => setEditing(true)}>
            <FormattedMessage id="agreementScreens.terms.edit" />
          </Button>
        )
      }
    >
      <Facts
        items={[
          [label('placements.field.site'), p.siteName],
          [label('placements.field.municipality'), p.municipalityName ?? p.municipalityCode],
          [label('agreementScreens.field.period'), fmt.period(p.startsOn, p.endsOn)],
          [label('placements.field.schedule'), p.schedule ?? none],
          [label('placements.field.hours_per_week'), fmt.hours(p.hoursPerWeek)],
          [label('agreementScreens.terms.tasks'), p.tasks ?? none],
          [label('placements.field.tutor'), p.tutorName ?? none],
          [label('agreementScreens.terms.programme'), p.programmeName ?? none],
          [
            label('agreementScreens.signatory.who'),
            p.signatory === 'legal_representative'
              ? intl.formatMessage(
                  { id: 'agreementScreens.signatory.representative' },
                  { name: p.representativeName ?? none },
                )
              : intl.formatMessage({ id: 'agreements.signatory.person' }),
          ],
          [
            label('agreementScreens.signatory.language'),
            intl.formatMessage({ id: `placements.enum.language.${p.language}` }),
          ],
          [label('agreementScreens.terms.accident_insurance'), p.accidentInsuranceRef ?? none],
          [label('agreementScreens.terms.liability_insurance'), p.liabilityInsuranceRef ?? none],
          [
            label('agreementScreens.sharing.fields'),
            p.sharedFields.map((f) => intl.formatMessage({ id: `referrals.enum.field.${f}` })).join(', '),
          ],
          [
            label('agreementScreens.terms.duration_rule'),
            intl.formatMessage({ id: 'agreementScreens.terms.duration_rule_value' }, p.durationRule),
          ],
        ]}
      />
    </Card>
  );
}
