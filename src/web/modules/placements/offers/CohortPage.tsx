import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { call } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { CohortDrafts } from '../agreements/CohortDrafts';
import { downloadCsv } from './csv';
import { Score } from './PersonOffersPage';
import { useOfferText } from './text';

const NONE = 'none';

/**
 * The coordinator's cohort suggestion: computed by the server (optimal assignment), then adjustable
 * here person by person among each person's feasible offers, printable and exportable. Nothing is saved.
 */
export function CohortPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const text = useOfferText();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const run = useMutation({
    // Neither persons nor offers named: the server takes its defaults.
    mutationFn: () => call(placementsEndpoints.cohortSuggestion, { body: {} }),
    onSuccess: (r) => setChosen(Object.fromEntries(r.assignments.map((a) => [a.personId, a.offerId]))),
  });
  const data = run.data;
  const offers = new Map((data?.offers ?? []).map((o) => [o.id, o]));
  const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
  const used = new Map<string, number>();
  for (const offerId of Object.values(chosen)) used.set(offerId, (used.get(offerId) ?? 0) + 1);
  const over = [...used.entries()].filter(([id, n]) => n > (offers.get(id)?.freePositions ?? 0));
  const withOptions = (data?.persons ?? []).filter((p) => data!.options[p.id]!.length > 0);
  const withoutOptions = (data?.persons ?? []).filter((p) => data!.options[p.id]!.length === 0);
  const scoreOf = (personId: string) =>
    data?.options[personId]?.find((o) => o.offerId === chosen[personId])?.score ?? null;
  const assignedCount = Object.keys(chosen).length;
  const total = Object.keys(chosen).reduce((t, p) => t + (scoreOf(p) ?? 0), 0);
  const why = (personId: string) => {
    const u = data?.unassigned.find((x) => x.personId === personId);
    if (!u) return '';
    const main = u.mainBlocking
      ? intl.formatMessage(
          { id: 'placements.offers.cohort.main_obstacle' },
          { reason: intl.formatMessage({ id: `placements.offers.blocking.${u.mainBlocking}` }) },
        )
      : '';
    return [intl.formatMessage({ id: `placements.offers.cohort.reason.${u.reason}` }), main]
      .filter(Boolean)
      .join(' ');
  };

  const exportCsv = () => {
    if (!data) return;
    const rows = data.persons.map((p) => {
      const o = offers.get(chosen[p.id] ?? '');
      return [name(p), o ? text.title(o) : '', o ? text.place(o) : '', String(scoreOf(p.id) ?? '')];
    });
    downloadCsv(
      'cohort.csv',
      intl.formatMessage({ id: 'placements.offers.cohort.csv_header' }).split(';'),
      rows,
    );
  };

  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'placements.offers.cohort.title' })}
        description={<FormattedMessage id="placements.offers.cohort.intro" />}
        actions={
          <>
            <Button onPress={() => run.mutate()} isDisabled={run.isPending}>
              <FormattedMessage
                id={data ? 'placements.offers.cohort.rerun' : 'placements.offers.cohort.run'}
              />
            </Button>
            {data && data.persons.length > 0 && (
              <>
                <Button variant="secondary" onPress={() => window.print()}>
                  <FormattedMessage id="common.print" />
                </Button>
                <Button variant="secondary" onPress={exportCsv}>
                  <FormattedMessage id="placements.offers.cohort.export" />
                </Button>
              </>
            )}
          </>
        }
      />
      <Alert tone="info" title={<FormattedMessage id="placements.offers.cohort.note" />} />
      <ErrorAlert error={run.error} />
      {run.isPending && <Loading />}
      {data && data.persons.length === 0 && (
        <EmptyState title={<FormattedMessage id="placements.offers.cohort.title" />}>
          <FormattedMessage id="placements.offers.cohort.empty" />
        </EmptyState>
      )}
      {data && data.persons.length > 0 && (
        <>
          <p aria-live="polite">
            <FormattedMessage
              id="placements.offers.cohort.summary"
              values={{ assigned: assignedCount, persons: data.persons.length, score: total }}
            />
          </p>
          {over.map(([id]) => (
            <Alert
              key={id}
              tone="warning"
              title={intl.formatMessage(
                { id: 'placements.offers.cohort.full' },
                { title: text.title(offers.get(id)!), free: offers.get(id)!.freePositions },
              )}
            />
          ))}
          <Card title={<FormattedMessage id="placements.offers.cohort.assignments" />}>
            <DataTable
              caption={intl.formatMessage({ id: 'placements.offers.cohort.assignments' })}
              rows={withOptions}
              rowKey={(p) => p.id}
              columns={[
                {
                  key: 'person',
                  header: <FormattedMessage id="placements.offers.cohort.col.person" />,
                  render: (p) => (
                    <>
                      {name(p)}
                      <br />
                      <span className="muted">
                        {localized(language, p.municipalityNameFr, p.municipalityNameNl)}
                      </span>
                    </>
                  ),
                },
                {
                  key: 'offer',
                  header: <FormattedMessage id="placements.offers.cohort.col.offer" />,
                  render: (p) => (
                    <Select
                      label={intl.formatMessage({ id: 'placements.offers.cohort.choose' }, { name: name(p) })}
                      value={chosen[p.id] ?? NONE}
                      onChange={(v) =>
                        setChosen((c) => {
                          const next = { ...c };
                          if (v === NONE) delete next[p.id];
                          else next[p.id] = v;
                          return next;
                        })
                      }
                      options={[
                        {
                          id: NONE,
                          label: intl.formatMessage({ id: 'placements.offers.cohort.not_assigned' }),
                        },
                        ...data.options[p.id]!.map((o) => ({
                          id: o.offerId,
                          label: intl.formatMessage(
                            { id: 'placements.offers.cohort.option' },
                            {
                              title: text.title(offers.get(o.offerId)!),
                              place: text.place(offers.get(o.offerId)!),
                              score: o.score,
                            },
                          ),
                        })),
                      ]}
                    />
                  ),
                },
                {
                  key: 'score',
                  header: <FormattedMessage id="placements.offers.cohort.col.score" />,
                  render: (p) => (scoreOf(p.id) === null ? '' : <Score score={scoreOf(p.id)!} />),
                },
                {
                  key: 'why',
                  header: <FormattedMessage id="placements.offers.cohort.col.why" />,
                  render: (p) => (chosen[p.id] ? '' : why(p.id)),
                },
              ]}
            />
          </Card>
          <CohortDrafts
            assignments={Object.entries(chosen).map(([personId, offerId]) => ({ personId, offerId }))}
            persons={data.persons}
          />
          {withoutOptions.length > 0 && (
            <Card title={<FormattedMessage id="placements.offers.cohort.unassigned" />}>
              <DataTable
                caption={intl.formatMessage({ id: 'placements.offers.cohort.unassigned' })}
                rows={withoutOptions}
                rowKey={(p) => p.id}
                columns={[
                  {
                    key: 'person',
                    header: <FormattedMessage id="placements.offers.cohort.col.person" />,
                    render: (p) => name(p),
                  },
                  {
                    key: 'why',
                    header: <FormattedMessage id="placements.offers.cohort.col.why" />,
                    render: (p) => why(p.id),
                  },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
