import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isLanguage } from '../../../../common/i18n/locales';
import { systemClock } from '../../../../common/kernel/clock';
import { personsApi } from '../../../../common/people/endpoints';
import { personLink } from '../../../../common/people/links';
import type { PersonDetail } from '../../../../common/people/schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { newAgreementLink, personOffersLink, placementLink } from '../../../../common/placements/links';
import type { OfferDetail } from '../../../../common/placements/offer-schemas';
import { ApiError } from '../../../app/api';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Form, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { OrganisationPicker, type PickedOrg } from '../../people';
import { ConventionFields } from '../convention/ConventionFields';
import { conventionValues } from '../convention/convention-values';
import { useOfferText } from '../offers/text';
import { useAgreementFormat } from './format';
import { ReviewStep } from './ReviewStep';
import { SharingStep } from './SharingStep';
import { SignatoryFields } from './SignatoryFields';
import { programmeOpen, TermsFields, useProgrammes } from './TermsFields';
import {
  createBody,
  emptyTerms,
  STEPS,
  type Step,
  stepOf,
  termsFromOffer,
  type WizardValues,
  wizardProblems,
} from './wizard-values';

/** The agreement wizard: loads the person (and the offer, when started from one), then runs the steps. */
export function WizardPage() {
  // The parameter's name is the link's (`newAgreementLink`), the one the router mounts.
  const { personId = '' } = useParams();
  const [search] = useSearchParams();
  const offerId = newAgreementLink.read(search).offer ?? '';
  const canManage = useCan('placement.manage');
  const person = useEndpoint(personsApi.get, { params: { id: personId } }, { enabled: canManage });
  const offer = useEndpoint(
    placementsEndpoints.offer,
    { params: { id: offerId } },
    { enabled: canManage && !!offerId },
  );
  if (!canManage) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (person.isLoading || offer.isLoading) return <Loading />;
  if (!person.data) return <ErrorAlert error={person.error} />;
  if (offerId && !offer.data) return <ErrorAlert error={offer.error} />;
  return <Wizard person={person.data} offer={offer.data ?? null} />;
}

function initialValues(
  person: PersonDetail,
  offer: OfferDetail | null,
  ui: 'fr' | 'nl' | 'en',
): WizardValues {
  const preferred = person.preferredLanguage;
  const language = preferred === 'fr' || preferred === 'nl' ? preferred : ui === 'nl' ? 'nl' : 'fr';
  return {
    ...(offer ? termsFromOffer(offer, language) : emptyTerms()),
    accidentInsuranceRef: '',
    liabilityInsuranceRef: '',
    offerId: offer?.id ?? '',
    hostOrgId: offer?.orgId ?? '',
    sharedFields: ['identity'],
    overrideReason: '',
    signatory: 'person',
    representativeName: '',
    language,
    // The offer's timetable, job code and equipment are the defaults, as the server would take them.
    convention: conventionValues(
      offer
        ? {
            timetable: offer.timetable,
            jobCodeKind: offer.jobCodeKind,
            jobCode: offer.jobCode,
            protectiveEquipment: offer.protectiveEquipment,
          }
        : {},
    ),
  };
}

function Wizard({ person, offer }: { person: PersonDetail; offer: OfferDetail | null }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { language } = useLanguage();
  const offerText = useOfferText();
  const fmt = useAgreementFormat();
  const mayOverride = useCan('consent.override');
  const [values, setValues] = useState(() =>
    initialValues(person, offer, isLanguage(language) ? language : 'fr'),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [step, setStep] = useState<Step>('terms');
  const [host, setHost] = useState<PickedOrg | null>(null);
  const [refused, setRefused] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const personName = `${person.firstName} ${person.lastName}`;
  const hostName = offer ? offerText.host(offer) : host ? fmt.orgName(host) : '';
  const set =
    <K extends keyof WizardValues>(key: K) =>
    (v: WizardValues[K]) =>
      setValues((s) => ({ ...s, [key]: v }));
  const index = STEPS.indexOf(step);
  const programmes = useProgrammes(values.hostOrgId);
  // The offer's programme is kept only if it is open on the placement's dates: an ended one (SAM-E,
  // 2010–2014, for a placement in 2026) is never preselected. Without one, the only programme open on
  // them is proposed (the author may still choose none); with several, the author chooses.
  useEffect(() => {
    const items = programmes.data?.items;
    if (!items) return;
    setValues((s) => {
      const p = items.find((x) => x.id === s.programmeId);
      if (s.programmeId && p && programmeOpen(p, s)) return s;
      const open = items.filter((x) => programmeOpen(x, s));
      return { ...s, programmeId: open.length === 1 ? (open[0]?.id ?? '') : '' };
    });
  }, [programmes.data]);

  const go = (to: Step) => {
    setStep(to);
    // The new step's title takes the focus so a screen reader announces where the user is.
    requestAnimationFrame(() => heading.current?.focus());
  };
  /** Checks the steps up to `upTo`; shows their problems and returns the first step that has one. */
  const check = (upTo: Step): Step | null => {
    const limit = STEPS.indexOf(upTo);
    const problems = wizardProblems(
      person.id,
      values,
      systemClock.today(),
      programmes.data?.items ?? [],
    ).filter((p) => STEPS.indexOf(stepOf(p.path)) <= limit);
    setErrors(
      Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code }, p.params)])),
    );
    const first = problems.map((p) => STEPS.indexOf(stepOf(p.path))).sort()[0];
    return first === undefined ? null : STEPS[first]!;
  };
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () => call(placementsEndpoints.createPlacement, { body: createBody(person.id, values) }),
    onSuccess: (p) => {
      // The new draft shows in the lists (the organisation's, the person page's card).
      void invalidate(client, placementsEndpoints.placements);
      navigate(placementLink.href({ id: p.id }));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409 && e.code.includes('consent')) {
        setRefused(e);
        go('sharing');
        return;
      }
      if (e instanceof ApiError && e.fields.length) {
        setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])));
        go(STEPS[Math.min(...e.fields.map((f) => STEPS.indexOf(stepOf(f.path))))] ?? 'review');
      }
    },
  });
  const next = () => {
    const bad = check(step);
    if (bad) return go(bad);
    if (step === 'review') create.mutate();
    else go(STEPS[index + 1]!);
  };
  // A refusal for want of consent is shown on the sharing step, where it can be resolved.
  const showError = !!create.error && create.error !== refused;

  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'placements.agreements.wizard.title' }, { name: personName })}
        description={<FormattedMessage id="placements.agreements.wizard.intro" />}
        actions={
          <LinkButton to={personLink.href({ id: person.id })} variant="ghost">
            <FormattedMessage id="common.back" />
          </LinkButton>
        }
      />
      <nav aria-label={intl.formatMessage({ id: 'placements.agreements.wizard.steps' })}>
        <ol className="row" style={{ listStyle: 'none', padding: 0 }}>
          {STEPS.map((s, i) => (
            <li
              key={s}
              className={`tag ${s === step ? 'tag--success' : ''}`}
              aria-current={s === step ? 'step' : undefined}
            >
              <FormattedMessage
                id="placements.agreements.wizard.step_of"
                values={{
                  n: i + 1,
                  label: intl.formatMessage({ id: `placements.agreements.wizard.step.${s}` }),
                }}
              />
            </li>
          ))}
        </ol>
      </nav>
      {showError && <ErrorAlert error={create.error} />}
      <Card>
        <Form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
        >
          <h2 ref={heading} tabIndex={-1}>
            <FormattedMessage
              id="placements.agreements.wizard.step_of"
              values={{
                n: index + 1,
                label: intl.formatMessage({ id: `placements.agreements.wizard.step.${step}` }),
              }}
            />
          </h2>
          {step === 'terms' && (
            <>
              {offer ? (
                <p>
                  <FormattedMessage
                    id="placements.agreements.wizard.from_offer"
                    values={{ title: offerText.title(offer) || offer.siteName, host: hostName }}
                  />{' '}
                  <Link to={personOffersLink.href({ personId: person.id })}>
                    <FormattedMessage id="placements.agreements.wizard.other_offer" />
                  </Link>
                </p>
              ) : (
                <>
                  <p className="muted">
                    <FormattedMessage id="placements.agreements.wizard.no_offer" />{' '}
                    <Link to={personOffersLink.href({ personId: person.id })}>
                      <FormattedMessage id="placements.agreements.wizard.see_offers" />
                    </Link>
                  </p>
                  <OrganisationPicker
                    excludeId={person.orgId}
                    picked={host}
                    error={errors.hostOrgId}
                    onPick={(o) => {
                      setHost(o);
                      setValues((s) => ({ ...s, hostOrgId: o.id, tutorUserId: '', programmeId: '' }));
                    }}
                  />
                </>
              )}
              <TermsFields
                values={values}
                set={set}
                errors={errors}
                hostOrgId={values.hostOrgId}
                municipalityName={offer ? offerText.place(offer) : ''}
                known={{ tutorName: offer?.tutorName }}
              />
              <ConventionFields
                values={values.convention}
                onChange={set('convention')}
                errors={errors}
                part="agreement"
                onHours={set('hoursPerWeek')}
              />
              <div className="grid-2">
                <TextField
                  label={intl.formatMessage({ id: 'placements.agreements.terms.accident_insurance' })}
                  value={values.accidentInsuranceRef}
                  onChange={set('accidentInsuranceRef')}
                  error={errors.accidentInsuranceRef}
                  maxLength={100}
                />
                <TextField
                  label={intl.formatMessage({ id: 'placements.agreements.terms.liability_insurance' })}
                  value={values.liabilityInsuranceRef}
                  onChange={set('liabilityInsuranceRef')}
                  error={errors.liabilityInsuranceRef}
                  maxLength={100}
                />
              </div>
              <p className="muted">
                <FormattedMessage id="placements.agreements.terms.insurance_hint" />
              </p>
            </>
          )}
          {step === 'sharing' && (
            <SharingStep
              personId={person.id}
              hostOrgId={values.hostOrgId}
              fields={values.sharedFields}
              onFields={set('sharedFields')}
              overrideReason={values.overrideReason}
              onOverrideReason={set('overrideReason')}
              errors={errors}
              refused={refused}
              mayOverride={mayOverride}
            />
          )}
          {step === 'signatory' && (
            <SignatoryFields
              signatory={values.signatory}
              representativeName={values.representativeName}
              language={values.language}
              set={set}
              errors={errors}
            />
          )}
          {step === 'review' && <ReviewStep values={values} personName={personName} hostName={hostName} />}
          <div className="row">
            {index > 0 && (
              <Button variant="secondary" onPress={() => go(STEPS[index - 1]!)}>
                <FormattedMessage id="placements.agreements.wizard.previous" />
              </Button>
            )}
            <Button type="submit" isDisabled={create.isPending}>
              <FormattedMessage
                id={
                  step === 'review'
                    ? 'placements.agreements.wizard.create'
                    : 'placements.agreements.wizard.next'
                }
              />
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
