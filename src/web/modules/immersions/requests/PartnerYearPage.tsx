import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { requestEndpoints as api } from '../../../../common/immersions/request-endpoints';
import { partnerYearLink } from '../../../../common/immersions/request-links';
import type { PartnerYearView } from '../../../../common/immersions/request-schemas';
import { programmeLink } from '../../../../common/network/links';
import { ApiError } from '../../../app/api';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { R, useRequestWords } from './words';

/**
 * A programme's partners and the immersions of a year (Action 2 asks that each structure both sends and
 * receives professionals): how many professionals each sent and received on immersions completed that
 * year, counts only; and the yearly rule for short immersions, set by the lead.
 */
export function PartnerYearPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { language } = useLanguage();
  const w = useRequestWords();
  const canManage = useCan('immersion.manage');
  const year = partnerYearLink.read(location.search).year;
  const q = useEndpoint(
    api.partnerYear,
    { params: { id }, query: year ? { year } : {} },
    { enabled: canManage },
  );
  if (!canManage) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const v = q.data;
  const first = Number(v.programme.startsOn.slice(0, 4));
  const last = Number(v.programme.endsOn.slice(0, 4));
  const years = Array.from({ length: Math.max(1, last - first + 1) }, (_, i) => String(first + i));
  return (
    <div className="stack">
      <PageHeader
        title={w.msg('partners.title', { programme: v.programme.acronym })}
        description={w.msg('partners.hint')}
      />
      <div className="row">
        <Select
          label={w.msg('partners.year')}
          value={String(v.year)}
          onChange={(y) => navigate(partnerYearLink.href({ id }, { year: Number(y) }))}
          options={years.map((y) => ({ id: y, label: y }))}
        />
      </div>
      {v.partners.length === 0 ? (
        <EmptyState title={<FormattedMessage id={R('partners.empty')} />} />
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption>{w.msg('partners.caption', { year: v.year })}</caption>
            <thead>
              <tr>
                {['partner', 'sent', 'received'].map((k) => (
                  <th key={k} scope="col">
                    <FormattedMessage id={R(`partners.col.${k}`)} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {v.partners.map((p) => (
                <tr key={p.orgId}>
                  <th scope="row">{p.shortName ?? localized(language, p.nameFr, p.nameNl)}</th>
                  <td className="num">{p.sent}</td>
                  <td className="num">{p.received}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Rule view={v} />
      <p>
        <Link to={programmeLink.href({ id })}>
          <FormattedMessage id={R('partners.back')} />
        </Link>
      </p>
    </div>
  );
}

function Rule({ view }: { view: PartnerYearView }) {
  const w = useRequestWords();
  const save = useEndpointMutation(api.saveYearlyRule, [api.partnerYear]);
  const [min, setMin] = useState(String(view.rule.minDays));
  const [max, setMax] = useState(String(view.rule.maxDays));
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Card
      title={<FormattedMessage id={R('rule.title')} />}
      actions={
        view.canEditRule && (
          <FormDialog
            trigger={<Button variant="secondary">{w.msg('rule.edit')}</Button>}
            title={w.msg('rule.title')}
            submitLabel={w.msg('common_save')}
            onSubmit={async () => {
              const minDays = Number(min);
              const maxDays = Number(max);
              if (!Number.isInteger(minDays) || !Number.isInteger(maxDays)) {
                setErrors({ maxDays: w.msg('rule.invalid') });
                return false;
              }
              await save.mutateAsync({ params: { id: view.programme.id }, body: { minDays, maxDays } });
              return true;
            }}
            onError={(e) =>
              setErrors(
                e instanceof ApiError ? Object.fromEntries(e.fields.map((f) => [f.path, f.message])) : {},
              )
            }
          >
            <TextField
              label={w.msg('rule.min')}
              inputMode="numeric"
              value={min}
              onChange={setMin}
              error={errors.minDays}
              isRequired
            />
            <TextField
              label={w.msg('rule.max')}
              inputMode="numeric"
              value={max}
              onChange={setMax}
              error={errors.maxDays}
              isRequired
            />
          </FormDialog>
        )
      }
    >
      <p>
        <FormattedMessage
          id={R(view.rule.custom ? 'rule.custom' : 'rule.default')}
          values={{ min: view.rule.minDays, max: view.rule.maxDays }}
        />
      </p>
    </Card>
  );
}
