import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import { referralsApi } from '../../../../common/people/endpoints';
import { personLink, referralLink } from '../../../../common/people/links';
import { REFERRAL_PURPOSES } from '../../../../common/people/referral-rules';
import { ReferralCreateBody } from '../../../../common/people/referral-schemas';
import { call } from '../../../app/client';
import { useCan, useSessionState } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Form, Select, TextArea } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card, PageHeader } from '../../../app/ui/layout';
import { ConsentCheck, useSharePreview } from '../shared/ConsentCheck';
import { FieldGroupsPicker } from '../shared/FieldGroupsPicker';
import { OrganisationPicker, type PickedOrg } from '../shared/OrganisationPicker';

/**
 * Refers one of the organisation's persons to a partner: whom, why, which field groups. Before sending it
 * shows the consent the server will rely on, or why there is none (and, for a coordinator, the override).
 */
export function ReferPage() {
  const { personId = '' } = useParams();
  const intl = useIntl();
  const navigate = useNavigate();
  const { state } = useSessionState();
  const ownOrgId = state.status === 'signed_in' ? state.session.activeOrgId : null;
  const canManage = useCan('person.manage');
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const form = useForm(ReferralCreateBody, {
    recipientOrgId: '',
    purpose: 'referral' as (typeof REFERRAL_PURPOSES)[number],
    fields: [] as string[],
    message: '',
    overrideReason: '',
  });
  const v = form.values;
  const { preview, check, ready } = useSharePreview(personId, v, { enabled: canManage });

  if (!canManage) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (preview.isLoading && !preview.data) return <Loading />;
  const p = preview.data;
  if (!p) return <ErrorAlert error={preview.error} />;
  const name = `${p.person.firstName} ${p.person.lastName}`;
  const noConsent = !!check && !check.consent;
  const submit = form.onSubmit(
    (body) => call(referralsApi.create, { params: { personId }, body: body as ReferralCreateBody }),
    (r) => navigate(referralLink.href({ id: r.id })),
  );

  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'people.referrals.refer.title_person' }, { name })}
        description={<FormattedMessage id="people.referrals.refer.intro" />}
        actions={
          <LinkButton to={personLink.href({ id: personId })} variant="ghost">
            <FormattedMessage id="common.back" />
          </LinkButton>
        }
      />
      <ErrorAlert error={form.error} />
      <Card>
        <Form className="stack" onSubmit={submit}>
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
            label={intl.formatMessage({ id: 'people.referrals.refer.purpose' })}
            value={v.purpose}
            onChange={(x) => form.set('purpose')(x as (typeof REFERRAL_PURPOSES)[number])}
            options={REFERRAL_PURPOSES.map((x) => ({
              id: x,
              label: intl.formatMessage({ id: `people.shared.purpose.${x}` }),
            }))}
            error={form.errors.purpose}
            isRequired
          />
          <FieldGroupsPicker
            label={<FormattedMessage id="people.referrals.refer.fields" />}
            description={<FormattedMessage id="people.referrals.refer.fields_hint" />}
            value={v.fields}
            onChange={form.set('fields')}
            error={form.errors.fields}
          />
          <TextArea
            label={intl.formatMessage({ id: 'people.referrals.refer.message' })}
            description={<FormattedMessage id="people.referrals.refer.message_hint" />}
            value={v.message}
            onChange={form.set('message')}
            error={form.errors.message}
          />
          {!ready && (
            <p className="muted">
              <FormattedMessage id="people.referrals.refer.choose_first" />
            </p>
          )}
          <ConsentCheck
            check={check}
            canOverride={p.canOverride}
            overrideReason={v.overrideReason}
            onOverrideReason={form.set('overrideReason')}
            error={form.errors.overrideReason}
          />
          <div className="row">
            <Button type="submit" isDisabled={form.submitting || (noConsent && !p.canOverride)}>
              <FormattedMessage id="people.referrals.refer.submit" />
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
