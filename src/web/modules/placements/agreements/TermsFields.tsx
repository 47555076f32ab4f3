import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { systemClock } from '../../../../common/kernel/clock';
import { programmesApi } from '../../../../common/network/endpoints';
import type { ProgrammeSummary } from '../../../../common/network/programme-schemas';
import { programmeOpenFor } from '../../../../common/placements/agreement-rules';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { DateField } from '../../../app/ui/DateField';
import { type Option, Select, TextArea, TextField } from '../../../app/ui/fields';
import { MunicipalityPicker } from '../../../app/ui/MunicipalityPicker';
import { periodProblem, type TermValues } from './wizard-values';

const NONE = 'none';

/** The host's staff who may tutor. */
export function useTutors(hostOrgId: string) {
  return useEndpoint(
    placementsEndpoints.hostTutors,
    { query: { hostOrgId } },
    { enabled: !!hostOrgId, staleTime: 300_000 },
  );
}

/** Programmes the host is a partner of: an agreement's host must be one (guard host_in_programme). */
export function useProgrammes(hostOrgId: string) {
  return useEndpoint(
    programmesApi.list,
    { query: { org: hostOrgId, pageSize: 100 } },
    { enabled: !!hostOrgId, staleTime: 300_000 },
  );
}

/**
 * Whether a programme may be offered for these dates: open on all of them (not yet ended while they are
 * not both typed). An ended programme is never offered, nor preselected.
 */
export const programmeOpen = (p: ProgrammeSummary, v: Pick<TermValues, 'startsOn' | 'endsOn'>) =>
  programmeOpenFor(
    { start: p.startsOn, end: p.endsOn },
    { start: v.startsOn, end: v.endsOn },
    systemClock.today(),
  );

/**
 * The terms of an agreement: place, dates, schedule, hours, tasks, tutor and programme. Shared by the wizard
 * and the placement page's edit form so both say the same thing the same way.
 */
export function TermsFields({
  values: v,
  set,
  errors,
  hostOrgId,
  municipalityName,
  known,
  durationRule,
}: {
  values: TermValues;
  set: (key: keyof TermValues) => (value: string) => void;
  errors: Record<string, string>;
  hostOrgId: string;
  municipalityName: string;
  /** Names of the current tutor and programme, when the lists do not hold them. */
  known?: { tutorName?: string | null; programmeName?: string | null };
  durationRule?: { minMonths: number; maxMonths: number };
}) {
  const intl = useIntl();
  const { language } = useLanguage();
  const label = (id: string) => intl.formatMessage({ id });
  const tutors = useTutors(hostOrgId);
  const programmes = useProgrammes(hostOrgId);
  const none: Option = { id: NONE, label: label('placements.agreements.terms.none') };
  const tutorOptions: Option[] = [
    none,
    ...(tutors.data?.items ?? []).map((t) => ({ id: t.id, label: t.displayName })),
  ];
  if (v.tutorUserId && !tutorOptions.some((o) => o.id === v.tutorUserId))
    tutorOptions.push({
      id: v.tutorUserId,
      label: known?.tutorName ?? label('placements.agreements.terms.tutor_hidden'),
    });
  const programmeLabel = (p: ProgrammeSummary) =>
    [p.acronym, localized(language, p.nameFr, p.nameNl)].filter(Boolean).join(' · ');
  const programmeOptions: Option[] = [
    none,
    ...(programmes.data?.items ?? [])
      .filter((p) => programmeOpen(p, v))
      .map((p) => ({ id: p.id, label: programmeLabel(p) })),
  ];
  // The current choice stays visible even when it no longer fits the dates (its error says why).
  if (v.programmeId && !programmeOptions.some((o) => o.id === v.programmeId)) {
    const current = programmes.data?.items.find((p) => p.id === v.programmeId);
    programmeOptions.push({
      id: v.programmeId,
      label: current
        ? programmeLabel(current)
        : (known?.programmeName ?? label('placements.agreements.terms.programme_other')),
    });
  }
  const text = (key: keyof TermValues) => ({ value: v[key], onChange: set(key), error: errors[key] });
  const pick = (key: 'tutorUserId' | 'programmeId') => ({
    value: v[key] || NONE,
    onChange: (x: string) => set(key)(x === NONE ? '' : x),
    error: errors[key],
  });
  // The chosen programme's own limits, as the server will apply them when the agreement is sent.
  const chosen = programmes.data?.items.find((p) => p.id === v.programmeId);
  const effectiveRule = chosen
    ? { minMonths: chosen.placementMinMonths, maxMonths: chosen.placementMaxMonths }
    : v.programmeId
      ? durationRule
      : undefined;
  const problem = v.startsOn && v.endsOn ? periodProblem(v.startsOn, v.endsOn, effectiveRule) : null;
  const rule = effectiveRule ?? { minMonths: 2, maxMonths: 6 };
  return (
    <div className="stack">
      <div className="grid-2">
        <TextField
          label={label('placements.offers.field.site')}
          {...text('siteName')}
          maxLength={200}
          isRequired
        />
        <MunicipalityPicker
          label={label('placements.offers.field.municipality')}
          value={v.municipalityCode}
          initialName={municipalityName}
          onChange={set('municipalityCode')}
          error={errors.municipalityCode}
        />
        <DateField label={label('placements.offers.field.starts_on')} {...text('startsOn')} isRequired />
        <DateField label={label('placements.offers.field.ends_on')} {...text('endsOn')} isRequired />
      </div>
      {(problem === 'too_short' || problem === 'too_long') && !errors.endsOn && (
        <p className="muted" role="status">
          <FormattedMessage id={`placements.agreements.terms.${problem}`} values={rule} />
        </p>
      )}
      <div className="grid-2">
        <TextField label={label('placements.offers.field.schedule')} {...text('schedule')} maxLength={200} />
        <TextField
          label={label('placements.offers.field.hours_per_week')}
          {...text('hoursPerWeek')}
          inputMode="numeric"
        />
      </div>
      <TextArea label={label('placements.agreements.terms.tasks')} {...text('tasks')} />
      <div className="grid-2">
        <Select
          label={label('placements.offers.field.tutor')}
          {...pick('tutorUserId')}
          options={tutorOptions}
          isDisabled={!hostOrgId}
          description={<FormattedMessage id="placements.agreements.terms.tutor_hint" />}
        />
        <Select
          label={label('placements.agreements.terms.programme')}
          {...pick('programmeId')}
          options={programmeOptions}
          isDisabled={!hostOrgId}
          description={<FormattedMessage id="placements.agreements.terms.programme_hint" />}
        />
      </div>
    </div>
  );
}
