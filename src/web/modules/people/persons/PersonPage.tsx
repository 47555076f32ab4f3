import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { can, type Permission, type Role } from '../../../../common/access/permissions';
import { personsApi } from '../../../../common/people/endpoints';
import { personEditLink, personsLink } from '../../../../common/people/links';
import type { PersonDetail } from '../../../../common/people/schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useSession } from '../../../app/session';
import { useSlot } from '../../../app/slots';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { ConsentsCard } from '../consents/ConsentsCard';
import { usePeopleLabels } from './labels';
import { SpokenLanguagesList, useNewcomerLabels } from './newcomer';

const none = (
  <span className="muted">
    <FormattedMessage id="common.not_given" />
  </span>
);

/** A person's page: profile, languages, benefit, contract, consents, and links to other modules' pages. */
export function PersonPage() {
  const intl = useIntl();
  const labels = usePeopleLabels();
  const newcomer = useNewcomerLabels();
  const { id = '' } = useParams();
  const q = useEndpoint(personsApi.get, { params: { id } });
  const archive = useEndpointMutation(personsApi.archive, [personsApi.get, personsApi.list]);
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  // French and Dutch levels first: the languages of the cross-border area.
  const order = ['fr', 'nl', 'en', 'de'];
  const languages = Object.entries(p.languages).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return (
    <div className="stack">
      <PageHeader
        title={[p.firstName, p.lastName.toUpperCase()].filter(Boolean).join(' ')}
        description={
          p.status === 'archived' ? (
            <span className="tag tag--warning">{labels.label('status', 'archived')}</span>
          ) : undefined
        }
        actions={
          p.canManage && (
            <>
              <LinkButton to={personEditLink.href({ id: p.id })}>
                <FormattedMessage id="common.edit" />
              </LinkButton>
              {p.status === 'active' && (
                <Button
                  variant="secondary"
                  onPress={() => archive.mutate({ params: { id: p.id } })}
                  isDisabled={archive.isPending}
                >
                  <FormattedMessage id="people.persons.archive" />
                </Button>
              )}
            </>
          )
        }
      />
      <ErrorAlert error={archive.error} />
      {p.restriction && (
        <Alert tone="warning">
          <FormattedMessage
            id="people.subject_rights.banner.restricted"
            values={{ since: labels.date(p.restriction.since.slice(0, 10)), reason: p.restriction.reason }}
          />
        </Alert>
      )}
      {p.anonymisedAt && (
        <Alert tone="info">
          <FormattedMessage
            id="people.subject_rights.banner.anonymised"
            values={{ at: labels.date(p.anonymisedAt.slice(0, 10)) }}
          />
        </Alert>
      )}
      <p>
        <Link to={personsLink.href()}>
          <FormattedMessage id="people.persons.back_to_list" />
        </Link>
      </p>
      <div className="grid-2">
        <Card title={<FormattedMessage id="people.persons.section.identity" />}>
          <Facts
            items={[
              [
                <FormattedMessage key="b" id="people.persons.field.birth_date" />,
                newcomer.birthDate(p.birthDate, p.birthDatePrecision),
              ],
              [
                <FormattedMessage key="nat" id="people.persons.field.nationality" />,
                p.nationality ? newcomer.nationality(p.nationality) : none,
              ],
              [
                <FormattedMessage key="s" id="people.persons.field.sex" />,
                labels.label('sex', p.sex ?? 'not_recorded'),
              ],
              [
                <FormattedMessage key="c" id="people.persons.field.participant_code" />,
                <code key="cv">{p.participantCode}</code>,
              ],
              [
                <FormattedMessage key="n" id="people.persons.field.national_id" />,
                p.nationalIdMasked ?? none,
              ],
              [<FormattedMessage key="r" id="people.persons.field.referent" />, p.referentName ?? none],
              [
                <FormattedMessage key="l" id="people.persons.field.preferred_language" />,
                labels.label('language', p.preferredLanguage),
              ],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id="people.persons.section.contact" />}>
          <Facts
            items={[
              [<FormattedMessage key="e" id="people.persons.field.email" />, p.email ?? none],
              [<FormattedMessage key="p" id="people.persons.field.phone" />, p.phone ?? none],
              [
                <FormattedMessage key="a" id="people.persons.field.address" />,
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
        <Card title={<FormattedMessage id="people.persons.section.languages" />}>
          <h3>
            <FormattedMessage id="people.persons.section.spoken_languages" />
          </h3>
          <SpokenLanguagesList languages={p.spokenLanguages} />
          <h3>
            <FormattedMessage id="people.persons.section.cefr_levels" />
          </h3>
          {languages.length === 0 ? (
            <p className="muted">
              <FormattedMessage id="people.persons.languages.none" />
            </p>
          ) : (
            <Facts items={languages.map(([l, level]) => [labels.label('language', l), level])} />
          )}
          <p className="muted">
            <FormattedMessage id="people.persons.languages.cefr_hint" />
          </p>
          <h3>
            <FormattedMessage id="people.persons.section.interpreter" />
          </h3>
          <p>{newcomer.interpreter(p.interpreterNeed)}</p>
        </Card>
        <Card title={<FormattedMessage id="people.persons.section.benefit_contract" />}>
          <Facts
            items={[
              [
                <FormattedMessage key="b" id="people.persons.field.benefit" />,
                labels.label('benefit', p.benefit),
              ],
              [
                <FormattedMessage key="bs" id="people.persons.field.benefit_period" />,
                p.benefitSince || p.benefitUntil
                  ? intl.formatMessage(
                      { id: 'people.persons.period' },
                      { from: labels.date(p.benefitSince) ?? '…', to: labels.date(p.benefitUntil) ?? '…' },
                    )
                  : none,
              ],
              [
                <FormattedMessage key="c" id="people.persons.field.contract_type" />,
                labels.label('contract_type', p.contractType),
              ],
              [
                <FormattedMessage key="cs" id="people.persons.field.contract_signed_on" />,
                labels.date(p.contractSignedOn) ?? none,
              ],
              [
                <FormattedMessage key="ce" id="people.persons.field.contract_next_evaluation_on" />,
                labels.date(p.contractNextEvaluationOn) ?? none,
              ],
            ]}
          />
        </Card>
      </div>
      <ConsentsCard person={p} />
      <OtherModules person={p} />
    </div>
  );
}

/**
 * What other modules add to the person's page, through the slots (never imports): their panels (an
 * agreements card…), then the links to their pages about the person (pathway, offers, referral…).
 */
function OtherModules({ person }: { person: PersonDetail }) {
  const panels = useSlot('personPanels');
  const links = useSlot('personLinks');
  const roles = useSession().roles as Role[];
  const allowed = (x: { permission?: Permission }) => !x.permission || can(roles, x.permission);
  const shownLinks = links.filter((l) => allowed(l) && (!l.manageOnly || person.canManage));
  return (
    <>
      {panels.filter(allowed).map(({ key, Component }) => (
        <Component key={key} personId={person.id} canManage={person.canManage} />
      ))}
      {shownLinks.length > 0 && (
        <Card title={<FormattedMessage id="people.persons.link.title" />}>
          <ul>
            {shownLinks.map((l) => (
              <li key={l.key}>
                <Link to={l.href(person.id)}>
                  <FormattedMessage id={l.labelId} />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
