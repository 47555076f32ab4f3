import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import type { PersonDetail } from '../../../common/people/schemas';
import { get, post } from '../../app/api';
import { Button, LinkButton } from '../../app/ui/Button';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../app/ui/layout';
import { PersonAgreementsCard } from '../agreements/PersonAgreementsCard';
import { ConsentsCard } from './ConsentsCard';
import { personKey, usePeopleLabels } from './labels';

const none = (
  <span className="muted">
    <FormattedMessage id="common.not_given" />
  </span>
);

/** A person's page: profile, languages, benefit, contract, consents, and links to other modules' pages. */
export function PersonPage() {
  const intl = useIntl();
  const labels = usePeopleLabels();
  const client = useQueryClient();
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: personKey(id),
    queryFn: () => get<PersonDetail>(`/api/people/${encodeURIComponent(id)}`),
  });
  const archive = useMutation({
    mutationFn: () => post<PersonDetail>(`/api/people/${encodeURIComponent(id)}/archive`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['people'] }),
  });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  const languages = Object.entries(p.languages);
  return (
    <div className="stack">
      <PageHeader
        title={`${p.firstName} ${p.lastName.toUpperCase()}`}
        description={
          p.status === 'archived' ? (
            <span className="tag tag--warning">{labels.label('status', 'archived')}</span>
          ) : undefined
        }
        actions={
          p.canManage && (
            <>
              <LinkButton to={`/app/people/${p.id}/edit`}>
                <FormattedMessage id="common.edit" />
              </LinkButton>
              {p.status === 'active' && (
                <Button variant="secondary" onPress={() => archive.mutate()} isDisabled={archive.isPending}>
                  <FormattedMessage id="people.archive" />
                </Button>
              )}
            </>
          )
        }
      />
      <ErrorAlert error={archive.error} />
      <p>
        <Link to="/app/people">
          <FormattedMessage id="people.back_to_list" />
        </Link>
      </p>
      <div className="grid-2">
        <Card title={<FormattedMessage id="people.section.identity" />}>
          <Facts
            items={[
              [<FormattedMessage key="b" id="people.field.birth_date" />, labels.date(p.birthDate)],
              [
                <FormattedMessage key="c" id="people.field.participant_code" />,
                <code key="cv">{p.participantCode}</code>,
              ],
              [<FormattedMessage key="n" id="people.field.national_id" />, p.nationalIdMasked ?? none],
              [<FormattedMessage key="r" id="people.field.referent" />, p.referentName ?? none],
              [
                <FormattedMessage key="l" id="people.field.preferred_language" />,
                labels.label('language', p.preferredLanguage),
              ],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id="people.section.contact" />}>
          <Facts
            items={[
              [<FormattedMessage key="e" id="people.field.email" />, p.email ?? none],
              [<FormattedMessage key="p" id="people.field.phone" />, p.phone ?? none],
              [
                <FormattedMessage key="a" id="people.field.address" />,
                p.street || p.postalCode || p.municipalityCode ? (
                  <>
                    {p.street}
                    {p.street && <br />}
                    {p.postalCode} {labels.municipality(p) ?? p.municipalityCode}
                  </>
                ) : (
                  none
                ),
              ],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id="people.section.languages" />}>
          {languages.length === 0 ? (
            <p className="muted">
              <FormattedMessage id="people.languages.none" />
            </p>
          ) : (
            <Facts items={languages.map(([l, level]) => [labels.label('language', l), level])} />
          )}
          <p className="muted">
            <FormattedMessage id="people.languages.cefr_hint" />
          </p>
        </Card>
        <Card title={<FormattedMessage id="people.section.benefit_contract" />}>
          <Facts
            items={[
              [<FormattedMessage key="b" id="people.field.benefit" />, labels.label('benefit', p.benefit)],
              [
                <FormattedMessage key="bs" id="people.field.benefit_period" />,
                p.benefitSince || p.benefitUntil
                  ? intl.formatMessage(
                      { id: 'people.period' },
                      { from: labels.date(p.benefitSince) ?? '…', to: labels.date(p.benefitUntil) ?? '…' },
                    )
                  : none,
              ],
              [
                <FormattedMessage key="c" id="people.field.contract_type" />,
                labels.label('contract_type', p.contractType),
              ],
              [
                <FormattedMessage key="cs" id="people.field.contract_signed_on" />,
                labels.date(p.contractSignedOn) ?? none,
              ],
              [
                <FormattedMessage key="ce" id="people.field.contract_next_evaluation_on" />,
                labels.date(p.contractNextEvaluationOn) ?? none,
              ],
            ]}
          />
        </Card>
      </div>
      <ConsentsCard person={p} />
      <PersonAgreementsCard personId={p.id} canManage={p.canManage} />
      {/* Pages of the pathway, placement and referral modules, linked from here. */}
      <Card title={<FormattedMessage id="people.link.title" />}>
        <ul>
          <li>
            <Link to={`/app/people/${p.id}/pathway`}>
              <FormattedMessage id="people.link.pathway" />
            </Link>
          </li>
          <li>
            <Link to={`/app/people/${p.id}/offers`}>
              <FormattedMessage id="people.link.offers" />
            </Link>
          </li>
          {p.canManage && (
            <li>
              <Link to={`/app/people/${p.id}/refer`}>
                <FormattedMessage id="referrals.refer.action" />
              </Link>
            </li>
          )}
        </ul>
      </Card>
    </div>
  );
}
