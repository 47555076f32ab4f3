import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router';
import { analysisEndpoints as api } from '../../../../common/observatory/analysis-endpoints';
import type { AnalysisList, AnalysisSummary } from '../../../../common/observatory/analysis-schemas';
import { analysisEditLink, analysisLink, observatoryLink } from '../../../../common/observatory/links';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { useObsWords, W } from '../words';
import '../observatory.css';
import './analyses.css';

/** Each partner's local analysis (its latest published version), and a new one for those who may. */
export function AnalysesPage() {
  const w = useObsWords();
  const q = useEndpoint(api.list, {});
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const { items, canCreate } = q.data;
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={observatoryLink.href()}>
          <FormattedMessage id={W('back')} />
        </Link>
      </p>
      <PageHeader
        title={w.msg('analyses.title')}
        description={w.msg('analyses.intro')}
        actions={canCreate && <NewAnalysis groups={q.data.groups} />}
      />
      <Card>
        {items.length === 0 ? (
          <EmptyState title={w.msg('analyses.none')} />
        ) : (
          <ul className="obs-indicators">
            {items.map((a) => (
              <li key={a.id}>
                <Link to={analysisLink.href({ id: a.id })}>{a.title}</Link>
                <span className="description">
                  {a.organisation} · <LatestVersion a={a} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function LatestVersion({ a }: { a: AnalysisSummary }) {
  const w = useObsWords();
  const intl = useIntl();
  const parts = [
    a.latest?.publishedAt
      ? w.msg('analyses.latest_published', {
          n: a.latest.number,
          date: intl.formatDate(a.latest.publishedAt, { dateStyle: 'long' }),
        })
      : w.msg('analyses.never_published'),
    ...(a.draft !== null ? [w.msg('analyses.draft_number', { n: a.draft })] : []),
  ];
  return <>{parts.join(' · ')}</>;
}

/** The organisation's own municipality, or a territory group (a select's key cannot be empty). */
export const OWN = '-';

function NewAnalysis({ groups }: { groups: AnalysisList['groups'] }) {
  const w = useObsWords();
  const navigate = useNavigate();
  const create = useEndpointMutation(api.create, [api.list]);
  const [titleFr, setTitleFr] = useState('');
  const [titleNl, setTitleNl] = useState('');
  const [group, setGroup] = useState(OWN);
  return (
    <FormDialog
      trigger={<Button>{w.msg('analyses.create')}</Button>}
      title={w.msg('analyses.create')}
      submitLabel={w.msg('analyses.create_submit')}
      isSubmitDisabled={!titleFr.trim() || !titleNl.trim()}
      onSubmit={async () => {
        const r = await create.mutateAsync({
          body: { titleFr, titleNl, group: group === OWN ? null : group },
        });
        navigate(analysisEditLink.href({ id: r.id }));
        return true;
      }}
    >
      <TextField label={w.msg('analyses.field.title_fr')} value={titleFr} onChange={setTitleFr} isRequired />
      <TextField label={w.msg('analyses.field.title_nl')} value={titleNl} onChange={setTitleNl} isRequired />
      <TerritorySelect groups={groups} value={group} onChange={setGroup} />
    </FormDialog>
  );
}

export function TerritorySelect({
  groups,
  value,
  onChange,
}: {
  groups: AnalysisList['groups'];
  value: string;
  onChange: (v: string) => void;
}) {
  const w = useObsWords();
  return (
    <Select
      label={w.msg('analyses.field.territory')}
      description={w.msg('analyses.field.territory_hint')}
      value={value}
      onChange={onChange}
      options={[
        { id: OWN, label: w.msg('analyses.own_municipality') },
        ...groups.map((g) => ({ id: g.code, label: g.name })),
      ]}
    />
  );
}
