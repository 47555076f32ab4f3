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
import { ItemProofs } from './ItemProofs';
import { useExpenditureWords } from './words';
import './expenditure.css';

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
          // The short name in every language when the organisation has one (a legal name wraps on a phone).
          { period: d.period, partner: d.orgShortName ?? localized(language, d.orgNameFr, d.orgNameNl) },
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
      {/* Who acts next: the lead while submitted, nobody once the review is closed. */}
      {d.status !== 'draft' && (
        <Alert tone="info">
          <FormattedMessage
            id={`monitoring.expenditure.declaration.${
              d.status === 'reviewed' ? 'review_closed' : v.canReview ? 'your_review' : 'read_only'
            }`}
          />
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
      {v.canEdit && (
        <p className="muted">
          <FormattedMessage id="monitoring.expenditure.proofs.hint" />
        </p>
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
  const buttons = v.canEdit || v.canReview;
  // What the partner and the lead read first (the item, its amount, the review) comes first, so that it
  // fits a laptop's page; invoice and payment share one cell. On a phone each row is a labelled block.
  const cols = ['description', 'amount', 'review', 'invoice', 'proofs'] as const;
  const header = (k: (typeof cols)[number]) => intl.formatMessage({ id: `monitoring.expenditure.item.${k}` });
  const label = (k: (typeof cols)[number]) => (
    <span className="cell-label" aria-hidden="true">
      {header(k)}
    </span>
  );
  const what = (i: ItemView) => `${i.description} (${w.eur(i.amount)})`;
  return (
    <>
      {/* Narrower screens than a laptop may still scroll sideways: the frame then takes the focus (WCAG 2.1.1). */}
      <section
        className="table-wrap"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        tabIndex={0}
        aria-label={intl.formatMessage({ id: 'monitoring.expenditure.declaration.items' })}
      >
        <table className="data data--stacked declaration-items">
          <caption>
            <FormattedMessage id="monitoring.expenditure.declaration.items" />
          </caption>
          <thead>
            <tr>
              {cols.map((k) => (
                <th key={k} scope="col">
                  {header(k)}
                </th>
              ))}
              {buttons && (
                <th scope="col">
                  <span className="visually-hidden">
                    <FormattedMessage id="monitoring.expenditure.item.buttons" />
                  </span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {v.items.length === 0 && (
              <tr>
                <td colSpan={cols.length + (buttons ? 1 : 0)}>
                  <FormattedMessage id="monitoring.expenditure.declaration.empty" />
                </td>
              </tr>
            )}
            {v.items.map((i) => (
              <tr key={i.id}>
                <td>
                  {label('description')}
                  <div>{i.description}</div>
                  <div className="muted">
                    {w.category(i.category)} · {w.action(i.actionId)}
                  </div>
                </td>
                <td className="num">
                  {label('amount')}
                  {w.eur(i.amount)}
                </td>
                <td>
                  {label('review')}
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
                <td>
                  {label('invoice')}
                  <Invoice i={i} day={f.day} />
                </td>
                <td>
                  {label('proofs')}
                  <ItemProofs declarationId={v.declaration.id} item={i} canEdit={v.canEdit} label={what(i)} />
                </td>
                {v.canEdit && (
                  <td>
                    <div className="row">
                      <ItemDialog
                        declarationId={v.declaration.id}
                        actions={v.actions}
                        item={i}
                        label={what(i)}
                      />
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
                    </div>
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
        </table>
      </section>
      {v.office && (
        <p>
          <FormattedMessage
            id="monitoring.expenditure.declaration.office"
            values={{
              rate: v.office.rate,
              declared: w.eur(v.office.declared),
              accepted: w.eur(v.office.accepted),
            }}
          />
        </p>
      )}
    </>
  );
}

/** Supplier, invoice number and date, and the payment date, in one cell ('—' for what is missing). */
function Invoice({ i, day }: { i: ItemView; day: (iso: string) => string }) {
  const number = i.invoiceNumber ?? '—';
  return (
    <>
      {i.supplier && <div>{i.supplier}</div>}
      <div>
        {i.invoiceDate ? (
          <FormattedMessage
            id="monitoring.expenditure.item.invoice_of"
            values={{ number, date: day(i.invoiceDate) }}
          />
        ) : (
          number
        )}
      </div>
      {i.paidOn && (
        <div className="muted">
          <FormattedMessage id="monitoring.expenditure.item.paid_on_day" values={{ date: day(i.paidOn) }} />
        </div>
      )}
    </>
  );
}
