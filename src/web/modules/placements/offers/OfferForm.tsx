import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { type OfferDetail, OfferInput, offerProblems } from '../../../../common/placements/offer-schemas';
import { schemaErrors } from '../../../../common/validation/text';
import { useLanguage } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card } from '../../../app/ui/layout';
import { MunicipalityPicker } from '../../../app/ui/MunicipalityPicker';
import { ConventionFields } from '../convention/ConventionFields';
import {
  conventionCreate,
  conventionFormProblems,
  conventionPatch,
  conventionValues,
} from '../convention/convention-values';
import { useOfferOptions } from './text';

export interface OfferValues extends Record<string, string> {
  siteName: string;
  street: string;
  postalCode: string;
  municipalityCode: string;
  sector: string;
  titleFr: string;
  titleNl: string;
  tasksFr: string;
  tasksNl: string;
  positions: string;
  startsOn: string;
  endsOn: string;
  schedule: string;
  hoursPerWeek: string;
  languageCode: string;
  languageLevel: string;
  accessibility: string;
  tutorUserId: string;
  status: string;
}

const NONE = 'none';
const TEXT = [
  'siteName',
  'street',
  'postalCode',
  'municipalityCode',
  'titleFr',
  'titleNl',
  'tasksFr',
  'tasksNl',
]
  .concat(['startsOn', 'endsOn', 'schedule', 'accessibility', 'sector', 'languageCode', 'languageLevel'])
  .concat(['tutorUserId']);

function initialValues(o?: OfferDetail): OfferValues {
  const v = Object.fromEntries(
    TEXT.map((k) => [k, (o?.[k as keyof OfferDetail] as string | null) ?? '']),
  ) as OfferValues;
  return {
    ...v,
    positions: o ? String(o.positions) : '1',
    hoursPerWeek: o?.hoursPerWeek != null ? String(o.hoursPerWeek) : '',
    status: o?.status ?? 'open',
  };
}

/**
 * What the form sends: numbers as numbers; on a change every field, emptied ones as null so that
 * clearing a field clears it; on creation empty fields are left out.
 */
export function offerBody(v: OfferValues, forChange: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(v)) {
    const s = raw.trim();
    const value = !s ? null : k === 'positions' || k === 'hoursPerWeek' ? Number(s.replace(',', '.')) : s;
    if (value !== null || forChange) out[k] = value;
  }
  // Required fields are never cleared: left out, they keep their value.
  if (forChange)
    for (const k of ['siteName', 'municipalityCode', 'sector', 'positions', 'startsOn', 'endsOn', 'status'])
      if (out[k] === null) delete out[k];
  return out;
}

/** The offer form: texts in both languages, place, dates, requirements and tutor. */
export function OfferForm({
  existing,
  onSubmit,
  cancelTo,
}: {
  existing?: OfferDetail;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  cancelTo: string;
}) {
  const intl = useIntl();
  const { language } = useLanguage();
  const session = useSession();
  const options = useOfferOptions();
  const form = useForm<OfferValues>(OfferInput, initialValues(existing));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Timetable, job code and protective equipment (issue 9, item 9): the agreements' defaults.
  const [conv, setConv] = useState(() => conventionValues(existing));
  const convention = () =>
    existing ? conventionPatch(conventionValues(existing), conv, 'offer') : conventionCreate(conv, 'offer');
  const v = form.values;
  const label = (id: string) => intl.formatMessage({ id });
  const f = (key: keyof OfferValues & string) => ({
    value: v[key] ?? '',
    onChange: form.set(key),
    error: form.errors[key],
  });
  const pick = (key: keyof OfferValues & string) => ({
    value: v[key] || NONE,
    onChange: (x: string) => form.set(key)(x === NONE ? '' : x),
    error: form.errors[key],
  });
  const none = { id: NONE, label: label('placements.offers.value.none') };
  const tutors = [
    none,
    {
      id: session.user.id,
      label: intl.formatMessage(
        { id: 'placements.offers.form.tutor_self' },
        { name: session.user.displayName },
      ),
    },
    ...(existing?.tutorUserId && existing.tutorUserId !== session.user.id
      ? [
          {
            id: existing.tutorUserId,
            label: existing.tutorName ?? label('placements.offers.value.tutor_hidden'),
          },
        ]
      : []),
  ];

  const check = (): boolean => {
    const body = offerBody(v, false);
    const hours = typeof body.hoursPerWeek === 'number' ? body.hoursPerWeek : null;
    const problems = [
      ...schemaErrors(OfferInput, body),
      ...offerProblems(body as Record<string, string>),
      ...conventionFormProblems(conv, 'offer', hours),
    ];
    form.setErrors(
      Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code }, p.params)])),
    );
    return problems.length === 0;
  };

  return (
    <Form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        if (!check()) return;
        setBusy(true);
        try {
          await onSubmit({ ...offerBody(v, !!existing), ...convention() });
        } catch (err) {
          setError(err);
          form.fromApiError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <ErrorAlert error={error} />
      <Card title={<FormattedMessage id="placements.offers.form.texts" />}>
        <p className="muted">
          <FormattedMessage id="placements.offers.form.texts_hint" />
        </p>
        <div className="grid-2">
          <div className="stack" lang="fr">
            <TextField label={label('placements.offers.field.title_fr')} {...f('titleFr')} maxLength={200} />
            <TextArea label={label('placements.offers.field.tasks_fr')} {...f('tasksFr')} />
          </div>
          <div className="stack" lang="nl">
            <TextField label={label('placements.offers.field.title_nl')} {...f('titleNl')} maxLength={200} />
            <TextArea label={label('placements.offers.field.tasks_nl')} {...f('tasksNl')} />
          </div>
        </div>
        <Select
          label={label('placements.offers.field.sector')}
          value={v.sector || null}
          onChange={form.set('sector')}
          options={options.sectors}
          error={form.errors.sector}
          isRequired
        />
      </Card>
      <Card title={<FormattedMessage id="placements.offers.form.place" />}>
        <div className="grid-2">
          <TextField
            label={label('placements.offers.field.site')}
            {...f('siteName')}
            maxLength={200}
            isRequired
          />
          <TextField
            label={label('placements.offers.field.street')}
            {...f('street')}
            autoComplete="street-address"
          />
          <TextField
            label={label('placements.offers.field.postal_code')}
            {...f('postalCode')}
            inputMode="numeric"
          />
          <MunicipalityPicker
            label={label('placements.offers.field.municipality')}
            value={v.municipalityCode}
            initialName={
              existing ? localized(language, existing.municipalityNameFr, existing.municipalityNameNl) : ''
            }
            onChange={form.set('municipalityCode')}
            error={form.errors.municipalityCode}
          />
        </div>
      </Card>
      <Card title={<FormattedMessage id="placements.offers.form.when" />}>
        <div className="grid-2">
          <DateField label={label('placements.offers.field.starts_on')} {...f('startsOn')} isRequired />
          <DateField label={label('placements.offers.field.ends_on')} {...f('endsOn')} isRequired />
          <TextField label={label('placements.offers.field.schedule')} {...f('schedule')} maxLength={200} />
          <TextField
            label={label('placements.offers.field.hours_per_week')}
            {...f('hoursPerWeek')}
            inputMode="numeric"
          />
          <TextField
            label={label('placements.offers.field.positions')}
            {...f('positions')}
            inputMode="numeric"
            isRequired
          />
          {existing && (
            <Select
              label={label('placements.offers.field.status')}
              value={v.status}
              onChange={form.set('status')}
              options={['open', 'closed'].map((s) => ({
                id: s,
                label: label(`placements.offers.enum.status.${s}`),
              }))}
              description={<FormattedMessage id="placements.offers.form.closed_hint" />}
            />
          )}
        </div>
      </Card>
      <Card title={<FormattedMessage id="placements.convention.card" />}>
        <ConventionFields
          values={conv}
          onChange={setConv}
          errors={form.errors}
          part="offer"
          onHours={form.set('hoursPerWeek')}
        />
      </Card>
      <Card title={<FormattedMessage id="placements.offers.form.requirements" />}>
        <div className="grid-2">
          <Select
            label={label('placements.offers.field.language')}
            {...pick('languageCode')}
            options={[none, ...options.languages]}
          />
          <Select
            label={label('placements.offers.field.language_level')}
            {...pick('languageLevel')}
            options={[none, ...options.levels]}
          />
          <Select
            label={label('placements.offers.field.tutor')}
            {...pick('tutorUserId')}
            options={tutors}
            description={<FormattedMessage id="placements.offers.form.tutor_hint" />}
          />
        </div>
        <TextArea label={label('placements.offers.field.accessibility')} {...f('accessibility')} />
      </Card>
      <div className="row">
        <Button type="submit" isDisabled={busy}>
          <FormattedMessage id="common.save" />
        </Button>
        <LinkButton to={cancelTo} variant="secondary">
          <FormattedMessage id="common.cancel" />
        </LinkButton>
      </div>
    </Form>
  );
}
