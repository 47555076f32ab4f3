import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocation, useNavigate, useParams } from 'react-router';
import { programmesApi } from '../../../../common/network/endpoints';
import { programmeLink } from '../../../../common/network/links';
import {
  isAmount,
  normaliseAmountInput,
  partnerRuleErrors,
  programmeTotals,
} from '../../../../common/network/programme-rules';
import {
  type OrgRef,
  PARTNER_ROLES,
  type PartnerRole,
  type ProgrammeDetail,
} from '../../../../common/network/programme-schemas';
import type { FieldError } from '../../../../common/validation/errors';
import { ApiError } from '../../../app/api';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { useProgrammeFormat } from './format';
import { OrganisationSearch } from './OrganisationSearch';
import { TotalsCard } from './TotalsCard';

interface Row {
  org: OrgRef;
  role: PartnerRole;
  /** Roles held besides the main one (e.g. an associated partner that co-finances). */
  extraRoles: PartnerRole[];
  budgetTotal: string;
  euAmount: string;
}

/** /app/programmes/:id/partners: the partner list, edited as a whole and saved in one request. */
export function PartnersPage() {
  const { id = '' } = useParams();
  const q = useEndpoint(programmesApi.get, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  if (!q.data.canEdit)
    return <EmptyState title={<FormattedMessage id="network.programmes.errors.not_lead" />} />;
  return <PartnersEditor programme={q.data} />;
}

const amountOrNull = (s: string) => (s && isAmount(s) ? s : null);

function PartnersEditor({ programme: p }: { programme: ProgrammeDetail }) {
  const intl = useIntl();
  const f = useProgrammeFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [rows, setRows] = useState<Row[]>(
    p.partners.map((x) => ({
      org: x.org,
      role: x.role,
      extraRoles: x.roles.filter((r) => r !== x.role),
      budgetTotal: x.budgetTotal ?? '',
      euAmount: x.euAmount ?? '',
    })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const created = (location.state as { created?: boolean } | null)?.created;

  const change = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const name = (o: OrgRef) => o.shortName ?? f.orgName(o);
  const body = rows.map((r) => ({
    orgId: r.org.id,
    role: r.role,
    ...(r.extraRoles.length ? { extraRoles: r.extraRoles as Exclude<PartnerRole, 'lead'>[] } : {}),
    ...(r.budgetTotal ? { budgetTotal: r.budgetTotal } : {}),
    ...(r.euAmount ? { euAmount: r.euAmount } : {}),
  }));
  const totals = programmeTotals(
    p,
    rows.map((r) => ({ budgetTotal: amountOrNull(r.budgetTotal), euAmount: amountOrNull(r.euAmount) })),
  );
  const roleOptions = PARTNER_ROLES.filter((r) => r !== 'lead').map((r) => ({
    id: r,
    label: intl.formatMessage({ id: `network.programmes.enum.role.${r}` }),
  }));

  const show = (fields: Array<FieldError & { message?: string }>) =>
    setErrors(
      Object.fromEntries(
        fields.map((x) => [x.path, x.message ?? intl.formatMessage({ id: x.code }, x.params)]),
      ),
    );

  const save = async () => {
    setError(null);
    const problems: FieldError[] = [];
    rows.forEach((r, i) => {
      for (const k of ['budgetTotal', 'euAmount'] as const)
        if (r[k] && !isAmount(r[k]))
          problems.push({ path: `partners.${i}.${k}`, code: 'validation.pattern' });
    });
    problems.push(...partnerRuleErrors(body, p.lead.id));
    show(problems);
    if (problems.length) return;
    try {
      await call(programmesApi.replacePartners, { params: { id: p.id }, body: { partners: body } });
      await invalidate(client, programmesApi.get, programmesApi.list);
      navigate(programmeLink.href({ id: p.id }));
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) show(e.fields);
    }
  };

  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'network.programmes.partners.editor_title' }, { name: f.name(p) })}
        description={<FormattedMessage id="network.programmes.partners.intro" />}
      />
      {created && <Alert tone="success" title={<FormattedMessage id="network.programmes.form.created" />} />}
      <ErrorAlert error={error} />
      {errors.partners && <Alert tone="error" title={errors.partners} />}
      <Form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Card title={<FormattedMessage id="network.programmes.partners.title" />}>
          <ul className="stack">
            {rows.map((r, i) => {
              const isLead = r.org.id === p.lead.id;
              return (
                <li key={r.org.id} className="card">
                  <h3>
                    {f.orgName(r.org)} {r.org.shortName && <span className="muted">({r.org.shortName})</span>}
                  </h3>
                  {errors[`partners.${i}.orgId`] && (
                    <p className="field-error" role="alert">
                      {errors[`partners.${i}.orgId`]}
                    </p>
                  )}
                  <div className="row">
                    {isLead ? (
                      <span className="tag tag--success">
                        <FormattedMessage id="network.programmes.enum.role.lead" />
                      </span>
                    ) : (
                      <Select
                        label={intl.formatMessage(
                          { id: 'network.programmes.partners.role' },
                          { name: name(r.org) },
                        )}
                        value={r.role}
                        onChange={(v) =>
                          change(i, {
                            role: v as PartnerRole,
                            extraRoles: r.extraRoles.filter((x) => x !== v),
                          })
                        }
                        options={roleOptions}
                        error={errors[`partners.${i}.role`]}
                      />
                    )}
                    <TextField
                      label={intl.formatMessage(
                        { id: 'network.programmes.partners.budget' },
                        { name: name(r.org) },
                      )}
                      value={r.budgetTotal}
                      onChange={(v) => change(i, { budgetTotal: normaliseAmountInput(v) })}
                      error={errors[`partners.${i}.budgetTotal`]}
                    />
                    <TextField
                      label={intl.formatMessage(
                        { id: 'network.programmes.partners.eu' },
                        { name: name(r.org) },
                      )}
                      value={r.euAmount}
                      onChange={(v) => change(i, { euAmount: normaliseAmountInput(v) })}
                      error={errors[`partners.${i}.euAmount`]}
                    />
                    {!isLead && (
                      <Button variant="ghost" onPress={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                        {intl.formatMessage(
                          { id: 'network.programmes.partners.remove' },
                          { name: name(r.org) },
                        )}
                      </Button>
                    )}
                  </div>
                  <CheckboxGroup
                    label={intl.formatMessage(
                      { id: 'network.programmes.partners.extra_roles' },
                      { name: name(r.org) },
                    )}
                    value={r.extraRoles}
                    onChange={(v) => change(i, { extraRoles: v as PartnerRole[] })}
                    error={errors[`partners.${i}.extraRoles`]}
                    options={roleOptions.filter((o) => o.id !== r.role)}
                  />
                </li>
              );
            })}
          </ul>
        </Card>
        <Card title={<FormattedMessage id="network.programmes.partners.add_title" />}>
          <OrganisationSearch
            label={intl.formatMessage({ id: 'network.programmes.partners.search' })}
            actionId="network.programmes.partners.add"
            taken={new Set(rows.map((r) => r.org.id))}
            onPick={(org) =>
              setRows((rs) => [
                ...rs,
                { org, role: 'partner', extraRoles: [], budgetTotal: '', euAmount: '' },
              ])
            }
          />
        </Card>
        <TotalsCard totals={totals} declared={p} titleId="network.programmes.partners.preview" />
        <div className="row">
          <Button type="submit">
            <FormattedMessage id="network.programmes.partners.save" />
          </Button>
          <LinkButton to={programmeLink.href({ id: p.id })} variant="secondary">
            <FormattedMessage id="common.cancel" />
          </LinkButton>
        </div>
      </Form>
    </div>
  );
}
