import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { offerProblems } from '../../../../common/immersions/offer-rules';
import { MAX_PERIODS, type OfferDetail, OfferInput } from '../../../../common/immersions/offer-schemas';
import type { UnitView } from '../../../../common/network/unit-schemas';
import { schemaErrors } from '../../../../common/validation/text';
import { ApiError } from '../../../app/api';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { O, pick, useOfferWords } from './words';
import './offers.css';

interface PeriodRow {
  /** A key for React: the period's id once saved, a local one before. */
  key: string;
  id?: string;
  startsOn: string;
  endsOn: string;
  capacity: string;
}

interface Values {
  unitId: string;
  themes: string[];
  titleFr: string;
  titleNl: string;
  descriptionFr: string;
  descriptionNl: string;
  programmeFr: string;
  programmeNl: string;
  languages: string[];
  kinds: string[];
  capacityPerPeriod: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  periods: PeriodRow[];
}

let nextKey = 0;
const newPeriod = (): PeriodRow => ({ key: `new-${nextKey++}`, startsOn: '', endsOn: '', capacity: '' });

const initial = (offer: OfferDetail | undefined, units: UnitView[]): Values => ({
  unitId: offer?.unitId ?? (units.length === 1 ? units[0]!.id : ''),
  themes: offer?.themes ?? [],
  titleFr: offer?.titleFr ?? '',
  titleNl: offer?.titleNl ?? '',
  descriptionFr: offer?.descriptionFr ?? '',
  descriptionNl: offer?.descriptionNl ?? '',
  programmeFr: offer?.programmeFr ?? '',
  programmeNl: offer?.programmeNl ?? '',
  languages: offer?.languages ?? [],
  kinds: offer?.kinds ?? [],
  capacityPerPeriod: String(offer?.capacityPerPeriod ?? 1),
  contactName: offer?.contactName ?? '',
  contactEmail: offer?.contactEmail ?? '',
  contactPhone: offer?.contactPhone ?? '',
  periods: offer?.periods.map((p) => ({
    key: p.id,
    id: p.id,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    capacity: p.capacity === null ? '' : String(p.capacity),
  })) ?? [newPeriod()],
});

const text = (v: string) => (v.trim() ? v.trim() : null);
const count = (v: string) =>
  /^\d+$/.test(v.trim()) ? Number(v.trim()) : v.trim() === '' ? null : Number.NaN;

/** What the form sends: empty texts as null, numbers as numbers, empty period rows left out. */
export function toBody(v: Values, updatedAt?: string): OfferInput {
  return {
    unitId: v.unitId,
    themes: v.themes as OfferInput['themes'],
    titleFr: text(v.titleFr),
    titleNl: text(v.titleNl),
    descriptionFr: text(v.descriptionFr),
    descriptionNl: text(v.descriptionNl),
    programmeFr: text(v.programmeFr),
    programmeNl: text(v.programmeNl),
    languages: v.languages as OfferInput['languages'],
    kinds: v.kinds as OfferInput['kinds'],
    capacityPerPeriod: count(v.capacityPerPeriod) ?? Number.NaN,
    contactName: text(v.contactName),
    contactEmail: text(v.contactEmail),
    contactPhone: text(v.contactPhone),
    periods: v.periods
      .filter((p) => p.startsOn || p.endsOn || p.capacity.trim())
      .map((p) => ({
        ...(p.id ? { id: p.id } : {}),
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        capacity: count(p.capacity),
      })),
    ...(updatedAt ? { expectedUpdatedAt: updatedAt } : {}),
  };
}

/**
 * An offer's form, new or edited: the hosting unit, themes, texts in French and/or Dutch, formats,
 * languages, capacity, contact and periods. It checks what the API checks (the same schema and rules)
 * before sending, and shows the server's refusals on the same fields.
 */
export function OfferForm({
  offer,
  units,
  onSubmit,
}: {
  offer?: OfferDetail;
  units: UnitView[];
  onSubmit: (body: OfferInput) => Promise<void>;
}) {
  const intl = useIntl();
  const { language } = useLanguage();
  const w = useOfferWords();
  const msg = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: O(id) }, values);
  const [values, setValues] = useState<Values>(() => initial(offer, units));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const set =
    <K extends keyof Values>(key: K) =>
    (v: Values[K]) =>
      setValues((s) => ({ ...s, [key]: v }));
  const setPeriod = (key: string, change: Partial<PeriodRow>) =>
    setValues((s) => ({ ...s, periods: s.periods.map((p) => (p.key === key ? { ...p, ...change } : p)) }));
  // Errors of the periods are keyed by the index of the period sent, i.e. among the rows not left empty.
  const sentIndex = (row: PeriodRow) =>
    values.periods.filter((p) => p.startsOn || p.endsOn || p.capacity.trim()).indexOf(row);
  const periodError = (row: PeriodRow, field: string) => {
    const i = sentIndex(row);
    return i < 0
      ? undefined
      : (errors[`periods.${i}.${field}`] ?? (field === 'endsOn' ? errors[`periods.${i}`] : undefined));
  };

  const submit = async (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (sending) return;
    setError(null);
    const body = toBody(values, offer?.updatedAt);
    const problems = [...schemaErrors(OfferInput, body), ...offerProblems(body)];
    setErrors(
      Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code }, p.params)])),
    );
    if (problems.length) return;
    setSending(true);
    try {
      await onSubmit(body);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.fields.length)
        setErrors(Object.fromEntries(err.fields.map((f) => [f.path, f.message])));
    } finally {
      setSending(false);
    }
  };

  const unitOptions = units.map((u) => ({ id: u.id, label: pick(language, u.nameFr, u.nameNl)?.text ?? '' }));
  return (
    <Form className="stack" onSubmit={submit} aria-label={msg(offer ? 'form.edit_title' : 'form.new_title')}>
      <ErrorAlert error={error} />
      <Card title={<FormattedMessage id={O('form.hosting')} />}>
        <div className="stack">
          <Select
            label={msg('field.unit')}
            value={values.unitId || null}
            onChange={set('unitId')}
            options={unitOptions}
            error={errors.unitId}
            isRequired
          />
          <CheckboxGroup
            label={msg('field.themes')}
            value={values.themes}
            onChange={set('themes')}
            options={w.themes}
            error={errors.themes}
          />
          <CheckboxGroup
            label={msg('field.kinds')}
            value={values.kinds}
            onChange={set('kinds')}
            options={w.kinds}
            error={errors.kinds}
          />
          <CheckboxGroup
            label={msg('field.languages')}
            value={values.languages}
            onChange={set('languages')}
            options={w.languages}
            error={errors.languages}
          />
          <TextField
            label={msg('field.capacity_per_period')}
            inputMode="numeric"
            value={values.capacityPerPeriod}
            onChange={set('capacityPerPeriod')}
            error={errors.capacityPerPeriod}
            isRequired
          />
        </div>
      </Card>
      <Card title={<FormattedMessage id={O('form.texts')} />}>
        <div className="stack">
          <p className="muted">
            <FormattedMessage id={O('form.texts_hint')} />
          </p>
          <div className="grid-2">
            <TextField
              label={msg('field.title_fr')}
              value={values.titleFr}
              onChange={set('titleFr')}
              error={errors.titleFr}
            />
            <TextField
              label={msg('field.title_nl')}
              value={values.titleNl}
              onChange={set('titleNl')}
              error={errors.titleNl}
            />
            <TextArea
              label={msg('field.description_fr')}
              value={values.descriptionFr}
              onChange={set('descriptionFr')}
              error={errors.descriptionFr}
            />
            <TextArea
              label={msg('field.description_nl')}
              value={values.descriptionNl}
              onChange={set('descriptionNl')}
              error={errors.descriptionNl}
            />
            <TextArea
              label={msg('field.programme_fr')}
              value={values.programmeFr}
              onChange={set('programmeFr')}
              error={errors.programmeFr}
            />
            <TextArea
              label={msg('field.programme_nl')}
              value={values.programmeNl}
              onChange={set('programmeNl')}
              error={errors.programmeNl}
            />
          </div>
        </div>
      </Card>
      <Card title={<FormattedMessage id={O('section.contact')} />}>
        <div className="grid-2">
          <TextField
            label={msg('field.contact_name')}
            value={values.contactName}
            onChange={set('contactName')}
            error={errors.contactName}
          />
          <TextField
            label={msg('field.contact_email')}
            type="email"
            value={values.contactEmail}
            onChange={set('contactEmail')}
            error={errors.contactEmail}
          />
          <TextField
            label={msg('field.contact_phone')}
            type="tel"
            value={values.contactPhone}
            onChange={set('contactPhone')}
            error={errors.contactPhone}
          />
        </div>
      </Card>
      <Card title={<FormattedMessage id={O('section.periods')} />}>
        <div className="stack">
          <p className="muted">
            <FormattedMessage id={O('form.periods_hint')} />
          </p>
          {errors.periods && <p className="field-error">{errors.periods}</p>}
          {values.periods.map((p, i) => (
            <fieldset key={p.key} className="offer-period">
              <legend>{msg('form.period', { n: i + 1 })}</legend>
              <DateField
                label={msg('form.period_start')}
                value={p.startsOn}
                onChange={(v) => setPeriod(p.key, { startsOn: v })}
                error={periodError(p, 'startsOn')}
              />
              <DateField
                label={msg('form.period_end')}
                value={p.endsOn}
                min={p.startsOn || undefined}
                onChange={(v) => setPeriod(p.key, { endsOn: v })}
                error={periodError(p, 'endsOn')}
              />
              <TextField
                label={msg('form.period_capacity')}
                inputMode="numeric"
                value={p.capacity}
                onChange={(v) => setPeriod(p.key, { capacity: v })}
                error={periodError(p, 'capacity')}
              />
              <Button
                variant="ghost"
                onPress={() =>
                  setValues((s) => ({ ...s, periods: s.periods.filter((x) => x.key !== p.key) }))
                }
              >
                {msg('form.period_remove', { n: i + 1 })}
              </Button>
            </fieldset>
          ))}
          {values.periods.length < MAX_PERIODS && (
            <p>
              <Button
                variant="secondary"
                onPress={() => setValues((s) => ({ ...s, periods: [...s.periods, newPeriod()] }))}
              >
                <FormattedMessage id={O('form.period_add')} />
              </Button>
            </p>
          )}
        </div>
      </Card>
      <div className="row">
        <Button type="submit" isDisabled={sending}>
          <FormattedMessage id={offer ? 'common.save' : O('form.create')} />
        </Button>
      </div>
    </Form>
  );
}
