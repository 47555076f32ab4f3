import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { Button } from '../../../app/ui/Button';
import { Card, Facts } from '../../../app/ui/layout';
import { useConventionFacts } from '../convention/convention-facts';
import { useAgreementFormat } from './format';
import { TermsEditForm } from './TermsEditForm';

/** The agreed terms; the home side edits them while `editable` says so. */
export function TermsCard({ placement: p, onChanged }: { placement: PlacementView; onChanged: () => void }) {
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const [editing, setEditing] = useState(false);
  const convention = useConventionFacts();
  const none = intl.formatMessage({ id: 'common.not_given' });
  const label = (id: string) => <FormattedMessage key={id} id={id} />;
  if (editing && p.editable)
    return (
      <Card title={<FormattedMessage id="placements.agreements.terms.edit_title" />}>
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
      title={<FormattedMessage id="placements.agreements.terms.title" />}
      actions={
        p.editable && (
          <Button variant="secondary" onPress={() => setEditing(true)}>
            <FormattedMessage id="placements.agreements.terms.edit" />
          </Button>
        )
      }
    >
      <Facts
        items={[
          [label('placements.offers.field.site'), p.siteName],
          [label('placements.offers.field.municipality'), p.municipalityName ?? p.municipalityCode],
          [label('placements.agreements.field.period'), fmt.period(p.startsOn, p.endsOn)],
          convention.schedule(p),
          [label('placements.offers.field.hours_per_week'), fmt.hours(p.hoursPerWeek)],
          [label('placements.agreements.terms.tasks'), p.tasks ?? none],
          ...convention.others(p, 'agreement'),
          [label('placements.offers.field.tutor'), p.tutorName ?? none],
          [label('placements.agreements.terms.programme'), p.programmeName ?? none],
          [
            label('placements.agreements.signatory.who'),
            p.signatory === 'legal_representative'
              ? intl.formatMessage(
                  { id: 'placements.agreements.signatory.representative' },
                  { name: p.representativeName ?? none },
                )
              : intl.formatMessage({ id: 'placements.agreements.signatory.person' }),
          ],
          [
            label('placements.agreements.signatory.language'),
            intl.formatMessage({ id: `placements.offers.enum.language.${p.language}` }),
          ],
          [label('placements.agreements.terms.accident_insurance'), p.accidentInsuranceRef ?? none],
          [label('placements.agreements.terms.liability_insurance'), p.liabilityInsuranceRef ?? none],
          [
            label('placements.agreements.sharing.fields'),
            p.sharedFields.map((f) => intl.formatMessage({ id: `people.shared.field.${f}` })).join(', '),
          ],
          [
            label('placements.agreements.terms.duration_rule'),
            intl.formatMessage({ id: 'placements.agreements.terms.duration_rule_value' }, p.durationRule),
          ],
        ]}
      />
    </Card>
  );
}
