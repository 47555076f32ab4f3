import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { type Language, localized } from '../../../common/i18n/locales';
import type { TerritoryDetail } from '../../../common/network/territory-schemas';
import { get } from '../../app/api';
import { useLanguage } from '../../app/i18n';
import { Facts } from '../../app/ui/layout';
import { useAgreementFormat } from './format';
import { useProgrammes, useTutors } from './TermsFields';
import { hours, type WizardValues } from './wizard-values';

/** A municipality's name in the reader's language, or the one given (the code until it is known). */
export function useMunicipalityName(code: string, inLanguage?: Language): string {
  const { language: ui } = useLanguage();
  const language = inLanguage ?? ui;
  const q = useQuery({
    queryKey: ['territories', 'one', code],
    queryFn: () => get<TerritoryDetail>(`/api/territories/${encodeURIComponent(code)}`),
    enabled: !!code,
    staleTime: 300_000,
  });
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
  return (
    <div className="stack">
      <p>
        <FormattedMessage id="agreementScreens.review.intro" />
      </p>
      <Facts
        items={[
          [label('agreementScreens.field.person'), personName],
          [label('agreementScreens.field.host'), hostName || notGiven],
          [label('placements.field.site'), v.siteName || notGiven],
          [label('placements.field.municipality'), v.municipalityCode ? municipality : notGiven],
          [
            label('agreementScreens.field.period'),
            v.startsOn && v.endsOn ? fmt.period(v.startsOn, v.endsOn) : notGiven,
          ],
          [label('placements.field.schedule'), v.schedule || notGiven],
          [label('placements.field.hours_per_week'), fmt.hours(hours(v.hoursPerWeek))],
          [label('agreementScreens.terms.tasks'), v.tasks || notGiven],
          [
            label('placements.field.tutor'),
            v.tutorUserId
              ? (tutors.data?.find((t) => t.id === v.tutorUserId)?.displayName ??
                intl.formatMessage({ id: 'agreementScreens.terms.tutor_hidden' }))
              : notGiven,
          ],
          [
            label('agreementScreens.terms.programme'),
            programme ? localized(language, programme.nameFr, programme.nameNl) : notGiven,
          ],
          [
            label('agreementScreens.sharing.fields'),
            v.sharedFields.map((f) => intl.formatMessage({ id: `referrals.enum.field.${f}` })).join(', '),
          ],
          [
            label('agreementScreens.signatory.who'),
            v.signatory === 'legal_representative'
              ? intl.formatMessage(
                  { id: 'agreementScreens.signatory.representative' },
                  { name: v.representativeName },
                )
              : intl.formatMessage({ id: 'agreements.signatory.person' }),
          ],
          [
            label('agreementScreens.signatory.language'),
            intl.formatMessage({ id: `placements.enum.language.${v.language}` }),
          ],
        ]}
      />
    </div>
  );
}
