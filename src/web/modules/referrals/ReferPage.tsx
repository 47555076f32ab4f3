import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import { REFERRAL_PURPOSES } from '../../../common/people/referral-rules';
import {
  ReferralCreateBody,
  type ReferralPreview,
  type ReferralView,
} from '../../../common/people/referral-schemas';
import { get, post, qs } from '../../app/api';
import { useCan, useSessionState } from '../../app/session';
import { Button, LinkButton } from '../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Form, Select, TextArea } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { Card, PageHeader } from '../../app/ui/layout';
import { FieldGroupsPicker } from './FieldGroupsPicker';
import { useReferralFormat } from './format';
import { OrganisationPicker, type PickedOrg } from './OrganisationPicker';

/**
 * Refers one of the organisation's persons to a partner: whom, why, which field groups. Before sending it
 * shows the consent the server will rely on, or why there is none (and, for a coordinator, the override).
 */
export function ReferPage() {
  const { personId = '' } = useParams();
  const intl = useIntl();
  const fmt = useReferralFormat();
  const navigate = useNavigate();
  const { state } = useSessionState();
  const ownOrgId = state.status === 'signed_in' ? state.session.activeOrgId : null;
  const canManage = useCan('person.manage');
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const form = useForm(ReferralCreateBody, {
    recipientOrgId: '',
    purpose: 'referral',
    fields: [] as string[],
    message: '',
    overrideReason: '',
  });
  const v = form.values;
  const ready = !!v.recipientOrgId && v.fields.length > 0;
  const preview = useQuery({
    queryKey: ['referral-preview', personId, v.recipientOrgId, v.purpose, [...v.fields].sort().join(',')],
    queryFn: () =>
      get<ReferralPreview>(
        `/api/people/${personId}/referral-preview${qs(
          ready ? { recipientOrgId: v.recipientOrgId, purpose: v.purpose, fields: v.fields.join(',') } : {},
        )}`,
      ),
    enabled: canManage && !!personId,
    // Keep the form on screen while the consent check for new choices loads.
    placeholderData: keepPreviousData,
  });
  const send = useMutation({
    mutationFn: () => post<ReferralView>(`/api/people/${personId}/referrals`, form.body()),
    onSuccess: (r) => navigate(`/app/referrals/${r.id}`),
    onError: (e) => form.fromApiError(e),
  });

  if (!canManage) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (preview.isLoading && !preview.data) return <Loading />;
  const p = preview.data;
  if (!p) return <ErrorAlert error={preview.error} />;
  const check = ready && !preview.isPlaceholderData ? p.check : null;
  const name = `${p.person.firstName} ${p.person.lastName}`;
  const noConsent = !!check && !check.consent;
  const gapText = check?.gap
    ? intl.formatMessage(
        { id: `referrals.consent_gap.${check.gap}` },
        { fields: fmt.fields(check.missingFields) },
      )
    : '';

  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'referrals.refer.title_person' }, { name })}
        description={<FormattedMessage id="referrals.refer.intro" />}
        actions={
          <LinkButton to={`/app/people/${personId}`} variant="ghost">
            <FormattedMessage id="common.back" />
          </LinkButton>
        }
      />
      <ErrorAlert error={send.error} />
      <Card>
        <Form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (form.validate()) send.mutate();
          }}
        >
          <OrganisationPicker
            excludeId={ownOrgId}
            picked={org}
            error={form.errors.recipientOrgId}
            onPick={(o) => {
              setOrg(o);
              form.set('recipientOrgId')(o.id);
            }}
          />
          <Select
            label={intl.formatMessage({ id: 'referrals.refer.purpose' })}
            value={v.purpose}
            onChange={(x) => form.set('purpose')(x)}
            options={REFERRAL_PURPOSES.map((x) => ({
              id: x,
              label: intl.formatMessage({ id: `referrals.enum.purpose.${x}` }),
            }))}
            error={form.errors.purpose}
            isRequired
          />
          <FieldGroupsPicker
            label={<FormattedMessage id="referrals.refer.fields" />}
            description={<FormattedMessage id="referrals.refer.fields_hint" />}
            value={v.fields}
            onChange={form.set('fields')}
            error={form.errors.fields}
          />
          <TextArea
            label={intl.formatMessage({ id: 'referrals.refer.message' })}
            description={<FormattedMessage id="referrals.refer.message_hint" />}
            value={v.message}
            onChange={form.set('message')}
            error={form.errors.message}
          />
          {!ready && (
            <p className="muted">
              <FormattedMessage id="referrals.refer.choose_first" />
            </p>
          )}
          {check?.consent && (
            <Alert tone="success">
              <FormattedMessage
                id="referrals.refer.consent_found"
                values={{ given: fmt.date(check.consent.givenOn) }}
              />{' '}
              {check.consent.expiresOn && (
                <FormattedMessage
                  id="referrals.refer.consent_until"
                  values={{ until: fmt.date(check.consent.expiresOn) }}
                />
              )}
            </Alert>
          )}
          {noConsent && (
            <Alert
              tone="warning"
              title={<FormattedMessage id="referrals.refer.consent_none" values={{ detail: gapText }} />}
            >
              {p.canOverride ? (
                <FormattedMessage id="referrals.refer.override_hint" />
              ) : (
                <FormattedMessage id="referrals.refer.consent_record" />
              )}
            </Alert>
          )}
          {noConsent && p.canOverride && (
            <TextArea
              label={intl.formatMessage({ id: 'referrals.refer.override_reason' })}
              value={v.overrideReason}
              onChange={form.set('overrideReason')}
              error={form.errors.overrideReason}
              isRequired
            />
          )}
          <div className="row">
            <Button type="submit" isDisabled={send.isPending || (noConsent && !p.canOverride)}>
              <FormattedMessage id="referrals.refer.submit" />
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
