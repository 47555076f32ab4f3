import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { expenditureEndpoints as api } from '../../../../common/monitoring/expenditure-endpoints';
import type { DeclarationView, ItemView } from '../../../../common/monitoring/expenditure-schemas';
import { expenditureLink } from '../../../../common/monitoring/links';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { useCommonFormat } from '../../../app/ui/format';
import { PageHeader } from '../../../app/ui/layout';
import { ItemDialog, ReopenDialog, ReviewDialog } from './ItemDialogs';
import { useExpenditureWords } from './words';

/**
 * One declaration: its items; in draft the declaring partner adds, edits and removes items and submits;
 * once submitted it is read-only for the partner, and the lead reviews each item (accepted, corrected with
 * the amount and a reason, rejected with a reason), closes the review or re-opens it with a reason.
 */
export function DeclarationPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { language } = useLanguage();
  const canView = useCan('indicators.view');
  const q = useEndpoint(api.declaration, { params: { id } }, { enabled: canView });
  const submit = useEndpointMutation(api.submit, [api.declaration, api.overview]);
  const close = useEndpointMutation(api.closeReview, [api.declaration, api.overview]);
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const v = q.data;
  const d = v.declaration;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage(
          { id: 'monitoring.expenditure.declaration.title' },
          { period: d.period, partner: localized(language, d.orgNameFr, d.orgNameNl) },
        )}
        description={intl.formatMessage({ id: `monitoring.expenditure.status.${d.status}` })}
        actions={
          <>
            <LinkButton to={expenditureLink.href({ id: d.programmeId })} variant="ghost">
              <FormattedMessage id="monitoring.expenditure.declaration.back" />
            </LinkButton>
            {v.canEdit && <ItemDialog declarationId={d.id} actions={v.actions} />}
            {v.canEdit && v.items.length > 0 && (
              <Button isDisabled={submit.isPending} onPress={() => submit.mutate({ params: { id: d.id } })}>
                <FormattedMessage id="monitoring.expenditure.declaration.submit" />
              </Button>
            )}
            {v.canReview && (
              <Button
                isDisabled={close.isPending || v.items.some((i) => i.review.status === 'pending')}
                onPress={() => close.mutate({ params: { id: d.id } })}
              >
                <FormattedMessage id="monitoring.expenditure.declaration.close_review" />
              </Button>
            )}
            {v.canReopen && <ReopenDialog declarationId={d.id} />}
          </>
        }
      />
      <ErrorAlert error={submit.error ?? close.error} />
      {d.status !== 'draft' && !v.canReview && (
        <Alert tone="info">
          <FormattedMessage id="monitoring.expenditure.declaration.read_only" />
        </Alert>
      )}
      {d.status === 'draft' && d.reopenReason && (
        <Alert tone="warning">
          <FormattedMessage
            id="monitoring.expenditure.declaration.reopened"
            values={{ reason: d.reopenReason }}
          />
        </Alert>
      )}
      <Items v={v} />
    </div>
  );
}

function Items({ v }: { v: DeclarationView }) {
  const intl = useIntl();
  const f = useCommonFormat();
  const w = useExpenditureWords(v.actions);
  const remove = useEndpointMutation(api.deleteItem, [api.declaration, api.overview]);
  const cols = [
    'category',
    'action',
    'description',
    'supplier',
    'invoice_number',
    'invoice_date',
    'paid_on',
    'amount',
    'proof',
    'review',
  ];
  const what = (i: ItemView) => `${i.description} (${w.eur(i.amount)})`;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>
          <FormattedMessage id="monitoring.expenditure.declaration.items" />
        </caption>
        <thead>
          <tr>
            {cols.map((k) => (
              <th key={k} scope="col">
                <FormattedMessage id={`monitoring.expenditure.item.${k}`} />
              </th>
            ))}
            {(v.canEdit || v.canReview) && <td />}
          </tr>
        </thead>
        <tbody>
          {v.items.length === 0 && (
            <tr>
              <td colSpan={cols.length}>
                <FormattedMessage id="monitoring.expenditure.declaration.empty" />
              </td>
            </tr>
          )}
          {v.items.map((i) => (
            <tr key={i.id}>
              <td>{w.category(i.category)}</td>
              <td>{w.action(i.actionId)}</td>
              <td>{i.description}</td>
              <td>{i.supplier ?? '—'}</td>
              <td>{i.invoiceNumber ?? '—'}</td>
              <td>{i.invoiceDate ? f.day(i.invoiceDate) : '—'}</td>
              <td>{i.paidOn ? f.day(i.paidOn) : '—'}</td>
              <td className="num">{w.eur(i.amount)}</td>
              <td>{i.proofRef ?? '—'}</td>
              <td>
                {i.review.status === 'corrected' ? (
                  <FormattedMessage
                    id="monitoring.expenditure.review.corrected"
                    values={{ amount: w.eur(i.review.correctedAmount ?? '0') }}
                  />
                ) : (
                  <FormattedMessage id={`monitoring.expenditure.review.${i.review.status}`} />
                )}
                {i.review.reason && <div className="muted">{i.review.reason}</div>}
              </td>
              {v.canEdit && (
                <td className="row">
                  <ItemDialog declarationId={v.declaration.id} actions={v.actions} item={i} label={what(i)} />
                  <Button
                    variant="ghost"
                    aria-label={intl.formatMessage(
                      { id: 'monitoring.expenditure.item.remove_of' },
                      { what: what(i) },
                    )}
                    onPress={() => remove.mutate({ params: { id: v.declaration.id, itemId: i.id } })}
                  >
                    ✕
                  </Button>
                </td>
              )}
              {v.canReview && (
                <td>
                  <ReviewDialog declarationId={v.declaration.id} item={i} label={what(i)} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
        {v.office && (
          <tfoot>
            <tr>
              <td colSpan={cols.length}>
                <FormattedMessage
                  id="monitoring.expenditure.declaration.office"
                  values={{
                    rate: v.office.rate,
                    declared: w.eur(v.office.declared),
                    accepted: w.eur(v.office.accepted),
                  }}
                />
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
