import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { expenditureEndpoints as api } from '../../../../common/monitoring/expenditure-endpoints';
import type {
  AbsorptionRow,
  DeclarationSummary,
  ExpenditureOverview,
} from '../../../../common/monitoring/expenditure-schemas';
import { budgetLink, declarationLink } from '../../../../common/monitoring/links';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { TextField } from '../../../app/ui/fields';
import { useCommonFormat } from '../../../app/ui/format';
import { Card, PageHeader } from '../../../app/ui/layout';
import { useExpenditureWords } from './words';

/**
 * A programme's expenditure declarations: the caller's organisation's (and a new one), for the lead the
 * partners' submitted ones to review, and the absorption of the current budget version by partner,
 * category and action (sums only: another partner's items are never shown).
 */
export function ExpenditurePage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { language } = useLanguage();
  const canView = useCan('indicators.view');
  const q = useEndpoint(api.overview, { params: { id } }, { enabled: canView });
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const o = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'monitoring.expenditure.title' })}
        description={`${o.programme.acronym ? `${o.programme.acronym} — ` : ''}${localized(language, o.programme.nameFr, o.programme.nameNl)}`}
        actions={
          <>
            <LinkButton to={budgetLink.href({ id })} variant="ghost">
              <FormattedMessage id="monitoring.expenditure.back" />
            </LinkButton>
            {o.canDeclare && <NewDeclarationDialog programmeId={id} />}
          </>
        }
      />
      <Declarations
        caption="monitoring.expenditure.mine"
        empty="monitoring.expenditure.mine_empty"
        rows={o.mine}
      />
      {/* Filled for the lead's coordinators only. */}
      {o.toReview.length > 0 && (
        <Declarations caption="monitoring.expenditure.to_review" empty="" rows={o.toReview} />
      )}
      <Absorption o={o} />
    </div>
  );
}

function Declarations({
  caption,
  empty,
  rows,
}: {
  caption: string;
  empty: string;
  rows: DeclarationSummary[];
}) {
  const f = useCommonFormat();
  const w = useExpenditureWords([]);
  const { language } = useLanguage();
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>
          <FormattedMessage id={caption} />
        </caption>
        <thead>
          <tr>
            {['period', 'partner', 'status', 'declared', 'accepted', 'submitted'].map((k) => (
              <th key={k} scope="col">
                <FormattedMessage id={`monitoring.expenditure.col.${k}`} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={6}>{empty && <FormattedMessage id={empty} />}</td>
            </tr>
          )}
          {rows.map((d) => (
            <tr key={d.id}>
              <td>
                <Link to={declarationLink.href({ id: d.id })}>
                  <FormattedMessage id="monitoring.expenditure.open" values={{ period: d.period }} />
                </Link>
              </td>
              <td>{d.orgShortName ?? localized(language, d.orgNameFr, d.orgNameNl)}</td>
              <td>{w.status(d.status)}</td>
              <td className="num">{w.eur(d.declared)}</td>
              {/* Nothing accepted yet while the lead has not reviewed any item of it. */}
              <td className="num">{d.status === 'draft' && !d.reopenReason ? '—' : w.eur(d.accepted)}</td>
              <td>{d.submittedAt ? f.day(d.submittedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Absorption({ o }: { o: ExpenditureOverview }) {
  const w = useExpenditureWords(o.actions, o.partners);
  const a = o.absorption;
  const table = (caption: string, rows: AbsorptionRow[], label: (k: string | null) => string) => (
    <div className="table-wrap">
      <table className="data">
        <caption>
          <FormattedMessage id={caption} />
        </caption>
        <thead>
          <tr>
            {['key', 'budget', 'declared', 'accepted', 'rate'].map((k) => (
              <th key={k} scope="col">
                <FormattedMessage id={`monitoring.expenditure.absorption.${k}`} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...rows, a.total].map((r, i) => (
            <tr key={r === a.total ? 'total' : `${r.key}-${i}`}>
              <th scope="row">
                {r === a.total ? (
                  <FormattedMessage id="monitoring.expenditure.absorption.total" />
                ) : (
                  label(r.key)
                )}
              </th>
              <td className="num">{w.eur(r.budget)}</td>
              <td className="num">{w.eur(r.declared)}</td>
              <td className="num">{w.eur(r.accepted)}</td>
              <td className="num">{w.pct(r.absorptionBp)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <Card
      title={
        a.versionNumber === null ? (
          <FormattedMessage id="monitoring.expenditure.absorption.no_budget" />
        ) : (
          <FormattedMessage id="monitoring.expenditure.absorption.title" values={{ n: a.versionNumber }} />
        )
      }
    >
      <div className="stack">
        <p>
          <FormattedMessage id="monitoring.expenditure.absorption.hint" />
        </p>
        {table('monitoring.expenditure.absorption.by_partner', a.byPartner, w.partner)}
        {table('monitoring.expenditure.absorption.by_category', a.byCategory, w.category)}
        {table('monitoring.expenditure.absorption.by_action', a.byAction, w.action)}
      </div>
    </Card>
  );
}

const PERIOD = /^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,19}$/;

function NewDeclarationDialog({ programmeId }: { programmeId: string }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const create = useEndpointMutation(api.createDeclaration, [api.overview]);
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [error, setError] = useState<string>();
  return (
    <FormDialog
      trigger={
        <Button>
          <FormattedMessage id="monitoring.expenditure.new.open" />
        </Button>
      }
      title={<FormattedMessage id="monitoring.expenditure.new.title" />}
      submitLabel={<FormattedMessage id="monitoring.expenditure.new.submit" />}
      isSubmitDisabled={create.isPending}
      onSubmit={async () => {
        if (!PERIOD.test(period.trim())) {
          setError(intl.formatMessage({ id: 'monitoring.expenditure.new.period_invalid' }));
          return false;
        }
        setError(undefined);
        const r = await create.mutateAsync({ params: { id: programmeId }, body: { period: period.trim() } });
        navigate(declarationLink.href({ id: r.id }));
        return true;
      }}
    >
      <TextField
        label={intl.formatMessage({ id: 'monitoring.expenditure.new.period' })}
        value={period}
        onChange={setPeriod}
        isRequired
        maxLength={20}
        error={error}
      />
    </FormDialog>
  );
}
