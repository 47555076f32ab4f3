import { FormattedMessage, useIntl } from 'react-intl';
import { type Language, localized } from '../../../../common/i18n/locales';
import { territoriesApi } from '../../../../common/network/endpoints';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Facts } from '../../../app/ui/layout';
import { useConventionFacts } from '../convention/convention-facts';
import { conventionReview } from '../convention/convention-values';
import { useAgreementFormat } from './format';
import { useProgrammes, useTutors } from './TermsFields';
import { hours, type WizardValues } from './wizard-values';

/** A municipality's name in the reader's language, or the one given (the code until it is known). */
export function useMunicipalityName(code: string, inLanguage?: Language): string {
  const { language: ui } = useLanguage();
  const language = inLanguage ?? ui;
  const q = useEndpoint(territoriesApi.get, { params: { code } }, { enabled: !!code, staleTime: 300_000 });
  return q.data ? localized(language, q.data.nameFr, q.data.nameNl) : code;
}

/** Everything the draft will say, read back before it is created. */
export function ReviewStep({
  values: v,
  personName,
  hostName,
}: {
  values: WizardValues;
  personName: string;
  hostName: string;
}) {
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const { language } = useLanguage();
  const tutors = useTutors(v.hostOrgId);
  const programmes = useProgrammes(v.hostOrgId);
  const municipality = useMunicipalityName(v.municipalityCode);
  const notGiven = intl.formatMessage({ id: 'common.not_given' });
  const programme = programmes.data?.items.find((p) => p.id === v.programmeId);
  const label = (id: string) => <FormattedMessage key={id} id={id} />;
  const convention = useConventionFacts();
  const terms = conventionReview(v.convention);
  return (
    <div className="stack">
      <p>
        <FormattedMessage id="placements.agreements.review.intro" />
      </p>
      <Facts
        items={[
          [label('placements.agreements.field.person'), personName],
          [label('placements.agreements.field.host'), hostName || notGiven],
          [label('placements.offers.field.site'), v.siteName || notGiven],
          [label('placements.offers.field.municipality'), v.municipalityCode ? municipality : notGiven],
          [
            label('placements.agreements.field.period'),
            v.startsOn && v.endsOn ? fmt.period(v.startsOn, v.endsOn) : notGiven,
          ],
          convention.schedule({ ...terms, schedule: v.schedule || null }),
          [label('placements.offers.field.hours_per_week'), fmt.hours(hours(v.hoursPerWeek))],
          [label('placements.agreements.terms.tasks'), v.tasks || notGiven],
          ...convention.others(terms, 'agreement'),
          [
            label('placements.offers.field.tutor'),
            v.tutorUserId
              ? (tutors.data?.items.find((t) => t.id === v.tutorUserId)?.displayName ??
                intl.formatMessage({ id: 'placements.agreements.terms.tutor_hidden' }))
              : notGiven,
          ],
          [
            label('placements.agreements.terms.programme'),
            programme ? localized(language, programme.nameFr, programme.nameNl) : notGiven,
          ],
          [label('placements.agreements.terms.accident_insurance'), v.accidentInsuranceRef || notGiven],
          [label('placements.agreements.terms.liability_insurance'), v.liabilityInsuranceRef || notGiven],
          [
            label('placements.agreements.sharing.fields'),
            v.sharedFields.map((f) => intl.formatMessage({ id: `people.shared.field.${f}` })).join(', '),
          ],
          [
            label('placements.agreements.signatory.who'),
            v.signatory === 'legal_representative'
              ? intl.formatMessage(
                  { id: 'placements.agreements.signatory.representative' },
                  { name: v.representativeName },
                )
              : intl.formatMessage({ id: 'placements.agreements.signatory.person' }),
          ],
          [
            label('placements.agreements.signatory.language'),
            intl.formatMessage({ id: `placements.offers.enum.language.${v.language}` }),
          ],
        ]}
      />
    </div>
  );
}
