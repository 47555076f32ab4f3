import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { sharedApi } from '../../../../common/people/endpoints';
import { sharedPersonsLink } from '../../../../common/people/links';
import { useEndpoint } from '../../../app/client';
import { LinkButton } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { SpokenLanguagesList, useNewcomerLabels } from '../persons/newcomer';
import { useSharingFormat } from './format';
import { sharedName } from './SharedPersonsPage';

type Row = [ReactNode, ReactNode];

/** One shared person: only the groups the home centre granted, with a note of what and until when. */
export function SharedPersonPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const fmt = useSharingFormat();
  const newcomer = useNewcomerLabels();
  const q = useEndpoint(sharedApi.get, { params: { id } });
  const back = (
    <LinkButton to={sharedPersonsLink.href()} variant="ghost">
      <FormattedMessage id="people.shared.back" />
    </LinkButton>
  );
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data)
    return (
      <div className="stack">
        <ErrorAlert error={q.error} />
        <EmptyState title={<FormattedMessage id="people.shared.errors.not_found" />} action={back} />
      </div>
    );
  const p = q.data;
  const m = (k: string) => <FormattedMessage id={`people.shared.${k}`} />;
  const opt = (v: string | null | undefined) => v || intl.formatMessage({ id: 'common.not_given' });
  const optDate = (v: string | null | undefined) =>
    v ? fmt.date(v) : intl.formatMessage({ id: 'common.not_given' });
  const has = (f: string) => p.fields.includes(f);
  const rows: Row[] = [[m('code'), p.participantCode]];
  if (has('identity'))
    rows.push(
      [m('first_name'), opt(p.firstName)],
      [m('last_name'), opt(p.lastName)],
      [
        m('preferred_language'),
        p.preferredLanguage ? (
          <FormattedMessage key="v" id={`shell.language.${p.preferredLanguage}`} />
        ) : (
          opt(null)
        ),
      ],
    );
  if (has('birth_date'))
    rows.push([
      m('birth_date'),
      p.birthDate ? newcomer.birthDate(p.birthDate, p.birthDatePrecision) : optDate(null),
    ]);
  if (has('contact')) rows.push([m('email'), opt(p.email)], [m('phone'), opt(p.phone)]);
  if (has('address'))
    rows.push([m('address'), opt([p.street, p.postalCode, p.municipalityCode].filter(Boolean).join(', '))]);
  if (has('languages'))
    rows.push([
      m('languages'),
      opt(
        Object.entries(p.languages ?? {})
          .map(([lang, level]) => `${lang.toUpperCase()} ${level}`)
          .join(', '),
      ),
    ]);
  if (has('languages'))
    rows.push([
      <FormattedMessage key="k" id="people.persons.section.spoken_languages" />,
      <SpokenLanguagesList key="v" languages={p.spokenLanguages ?? []} />,
    ]);
  if (has('interpreter_need'))
    rows.push([
      <FormattedMessage key="k" id="people.shared.field.interpreter_need" />,
      newcomer.interpreter(p.interpreterNeed),
    ]);
  if (has('benefit'))
    rows.push(
      [m('benefit'), opt(p.benefit)],
      [m('benefit_dates'), `${optDate(p.benefitSince)} – ${optDate(p.benefitUntil)}`],
    );
  if (has('contract'))
    rows.push(
      [m('contract'), opt(p.contractType)],
      [m('contract_dates'), `${optDate(p.contractSignedOn)} / ${optDate(p.contractNextEvaluationOn)}`],
    );
  if (has('mobility'))
    rows.push([
      m('mobility'),
      p.mobility ? (
        <FormattedMessage
          key="v"
          id="people.shared.mobility_value"
          values={{
            radius: p.mobility.radiusKm,
            date: fmt.date(p.mobility.recordedOn),
            crossed: p.mobility.crossedBorder ? 'yes' : 'no',
          }}
        />
      ) : (
        opt(null)
      ),
    ]);

  return (
    <div className="stack">
      <PageHeader title={sharedName(p, intl)} actions={back} />
      <Alert tone="info">
        <FormattedMessage
          id="people.shared.note"
          values={{
            organisation: fmt.orgName(p.homeOrg),
            fields: fmt.fields(p.fields),
            until: p.grantedUntil
              ? fmt.date(p.grantedUntil)
              : intl.formatMessage({ id: 'people.shared.until_open' }),
          }}
        />{' '}
        <FormattedMessage id="people.shared.audit_note" />
      </Alert>
      <Card>
        <Facts items={rows} />
      </Card>
      {has('pathway') && (
        <Card title={m('pathways')}>
          {(p.pathways ?? []).map((w) => (
            <section key={w.id} className="stack">
              <h3>
                {w.exitOn ? (
                  <FormattedMessage
                    id="people.shared.pathway_period"
                    values={{ entry: fmt.date(w.entryOn), exit: fmt.date(w.exitOn) }}
                  />
                ) : (
                  <FormattedMessage id="people.shared.pathway_open" values={{ entry: fmt.date(w.entryOn) }} />
                )}
              </h3>
              {w.notes.length === 0 ? (
                <p className="muted">{m('no_notes')}</p>
              ) : (
                <ul className="stack">
                  {w.notes.map((n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id in the shared view
                    <li key={i}>
                      <strong>{fmt.date(n.notedOn)}</strong> {n.body}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </Card>
      )}
    </div>
  );
}
