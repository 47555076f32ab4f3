import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocation, useNavigate, useParams } from 'react-router';
import { newRequestLink, requestLink } from '../../../../common/immersions/links';
import { offerEndpoints } from '../../../../common/immersions/offer-endpoints';
import type { OfferDetail } from '../../../../common/immersions/offer-schemas';
import { requestEndpoints as api } from '../../../../common/immersions/request-endpoints';
import {
  type PreviewInput,
  type PreviewView,
  RequestInput,
  type RequestView,
} from '../../../../common/immersions/request-schemas';
import { civilDay } from '../../../../common/kernel/clock';
import { schemaErrors } from '../../../../common/validation/text';
import { ApiError } from '../../../app/api';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { pick } from '../offers/words';
import { R, useRequestWords, Warnings } from './words';

/** Asking for an immersion on an offer (`?offer=<id>`), or, for a manager, proposing one for a colleague. */
export function NewRequestPage() {
  const location = useLocation();
  const offerId = newRequestLink.read(location.search).offer ?? '';
  const canRequest = useCan('immersion.request');
  const canManage = useCan('immersion.manage');
  const q = useEndpoint(offerEndpoints.get, { params: { id: offerId } }, { enabled: !!offerId });
  if (!canRequest && !canManage) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (!offerId) return <EmptyState title={<FormattedMessage id={R('form.no_offer')} />} />;
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return <RequestForm offer={q.data} canManage={canManage} />;
}

interface Values {
  visitorUserId: string;
  kind: string;
  theme: string;
  periodId: string;
  startsOn: string;
  endsOn: string;
  days: string;
  objectives: string;
  schedule: string;
}

const toBody = (offerId: string, v: Values, submit: boolean) => ({
  offerId,
  periodId: v.periodId || null,
  programmeId: null,
  visitorUserId: v.visitorUserId || null,
  kind: v.kind,
  theme: v.theme,
  objectives: v.objectives.trim(),
  schedule: v.schedule.trim() || null,
  startsOn: v.startsOn,
  // A shadowing day is one day: its end is its start.
  endsOn: v.kind === 'shadowing' ? v.startsOn : v.endsOn,
  days: /^\d+$/.test(v.days.trim()) ? Number(v.days.trim()) : null,
  submit,
});

/** A draft's form: the same fields, saved in place (the offer and the visitor stay). */
export function EditRequestPage() {
  const { id = '' } = useParams();
  const q = useEndpoint(api.request, { params: { id } });
  const offer = useEndpoint(
    offerEndpoints.get,
    { params: { id: q.data?.offerId ?? '' } },
    { enabled: !!q.data },
  );
  if (q.isLoading || offer.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  if (!q.data.can.edit) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (!offer.data) return <ErrorAlert error={offer.error} />;
  return <RequestForm offer={offer.data} canManage={false} existing={q.data} />;
}

export function RequestForm({
  offer,
  canManage,
  existing,
}: {
  offer: OfferDetail;
  canManage: boolean;
  existing?: RequestView;
}) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { language } = useLanguage();
  const w = useRequestWords();
  const queryClient = useQueryClient();
  const colleagues = useEndpoint(api.colleagues, {}, { enabled: canManage });
  const [values, setValues] = useState<Values>(
    existing
      ? {
          visitorUserId: '',
          kind: existing.request.kind,
          theme: existing.request.theme,
          periodId: existing.periodId ?? '',
          startsOn: existing.request.startsOn,
          endsOn: existing.request.endsOn,
          days: '',
          objectives: existing.objectives,
          schedule: existing.schedule ?? '',
        }
      : {
          visitorUserId: '',
          kind: offer.kinds.includes('short') ? 'short' : (offer.kinds[0] ?? 'short'),
          theme: offer.themes.length === 1 ? (offer.themes[0] ?? '') : '',
          periodId: '',
          startsOn: '',
          endsOn: '',
          days: '',
          objectives: '',
          schedule: '',
        },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const set =
    <K extends keyof Values>(key: K) =>
    (v: Values[K]) =>
      setValues((s) => ({ ...s, [key]: v }));

  // The warnings follow the form: once kind, theme and dates are given, the server counts the days, the
  // places left and the professional's days this year on the theme (nothing is saved).
  const ready = !!values.theme && !!values.startsOn && (values.kind === 'shadowing' || !!values.endsOn);
  const body = toBody(offer.id, values, false);
  const key = JSON.stringify([
    body.kind,
    body.theme,
    body.periodId,
    body.startsOn,
    body.endsOn,
    body.days,
    body.visitorUserId,
  ]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the fields the preview reads
  useEffect(() => {
    if (!ready) return setPreview(null);
    let live = true;
    const t = setTimeout(() => {
      const { objectives: _o, schedule: _s, submit: _x, ...asked } = body;
      call(api.previewRequest, { body: asked as PreviewInput })
        .then((p) => live && setPreview(p))
        .catch(() => live && setPreview(null));
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key, ready]);

  const send = (submit: boolean) => async () => {
    if (sending) return;
    setError(null);
    const b = toBody(offer.id, values, submit);
    const problems = schemaErrors(RequestInput, b);
    setErrors(
      Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code }, p.params)])),
    );
    if (problems.length) return;
    setSending(true);
    try {
      if (existing) {
        await call(api.updateRequest, { params: { id: existing.request.id }, body: b as RequestInput });
        await invalidate(queryClient, api.request, api.listRequests);
        navigate(requestLink.href({ id: existing.request.id }));
      } else {
        const { id } = await call(api.createRequest, { body: b as RequestInput });
        navigate(requestLink.href({ id }));
      }
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.fields.length)
        setErrors(Object.fromEntries(err.fields.map((f) => [f.path, f.message])));
    } finally {
      setSending(false);
    }
  };

  const title = pick(language, offer.titleFr, offer.titleNl)?.text ?? '';
  // Past periods are not offered (the server refuses past dates); a draft's own period stays listed.
  const today = civilDay(new Date());
  const periods = offer.periods.filter((p) => p.endsOn >= today || p.id === values.periodId);
  return (
    <div className="stack">
      <PageHeader title={w.msg('form.title')} description={title} />
      <Form
        className="stack"
        aria-label={w.msg('form.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void send(true)();
        }}
      >
        <ErrorAlert error={error} />
        <Card title={<FormattedMessage id={R('form.what')} />}>
          <div className="stack">
            {canManage && !existing && (
              <Select
                label={w.msg('field.visitor')}
                description={<FormattedMessage id={R('field.visitor_hint')} />}
                value={values.visitorUserId || null}
                onChange={set('visitorUserId')}
                options={(colleagues.data ?? []).map((c) => ({ id: c.userId, label: c.name }))}
                error={errors.visitorUserId}
              />
            )}
            <Select
              label={w.msg('field.kind')}
              value={values.kind}
              onChange={set('kind')}
              options={offer.kinds.map((k) => ({ id: k, label: w.kind(k) }))}
              error={errors.kind}
              isRequired
            />
            <Select
              label={w.msg('field.theme')}
              value={values.theme || null}
              onChange={set('theme')}
              options={offer.themes.map((t) => ({ id: t, label: w.theme(t) }))}
              error={errors.theme}
              isRequired
            />
            {periods.length > 0 && (
              <Select
                label={w.msg('field.period')}
                value={values.periodId || null}
                onChange={(periodId) => {
                  // Dates not given yet: the period's first day, to adjust.
                  const start = periods.find((p) => p.id === periodId)?.startsOn ?? '';
                  setValues((s) => ({
                    ...s,
                    periodId,
                    startsOn: s.startsOn || start,
                    endsOn: s.endsOn || start,
                  }));
                }}
                options={periods.map((p) => ({ id: p.id, label: w.range(p.startsOn, p.endsOn) }))}
                error={errors.periodId}
              />
            )}
            <div className="row">
              <DateField
                label={w.msg('field.starts_on')}
                value={values.startsOn}
                onChange={set('startsOn')}
                error={errors.startsOn}
                isRequired
              />
              {values.kind !== 'shadowing' && (
                <DateField
                  label={w.msg('field.ends_on')}
                  value={values.endsOn}
                  onChange={set('endsOn')}
                  error={errors.endsOn}
                  isRequired
                />
              )}
            </div>
            <TextField
              label={w.msg('field.days')}
              description={<FormattedMessage id={R('field.days_hint')} />}
              inputMode="numeric"
              value={values.days}
              onChange={set('days')}
              error={errors.days}
            />
            {preview && <Warnings warnings={preview.warnings} days={preview.days} />}
          </div>
        </Card>
        <Card title={<FormattedMessage id={R('form.why')} />}>
          <div className="stack">
            <TextArea
              label={w.msg('field.objectives')}
              value={values.objectives}
              onChange={set('objectives')}
              error={errors.objectives}
              isRequired
            />
            <TextArea
              label={w.msg('field.schedule')}
              description={<FormattedMessage id={R('field.schedule_hint')} />}
              value={values.schedule}
              onChange={set('schedule')}
              error={errors.schedule}
            />
          </div>
        </Card>
        <div className="row">
          <Button type="submit" isDisabled={sending}>
            <FormattedMessage id={R('form.send')} />
          </Button>
          <Button variant="secondary" isDisabled={sending} onPress={() => void send(false)()}>
            <FormattedMessage id={R('form.save_draft')} />
          </Button>
        </div>
      </Form>
    </div>
  );
}
