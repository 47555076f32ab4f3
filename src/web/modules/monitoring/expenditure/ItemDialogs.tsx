import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { civilDay } from '../../../../common/kernel/clock';
import { expenditureEndpoints as api } from '../../../../common/monitoring/expenditure-endpoints';
import {
  DECLARED_CATEGORIES,
  type ItemInput,
  type ItemView,
  type ReviewInput,
} from '../../../../common/monitoring/expenditure-schemas';
import { useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Select, TextArea, TextField } from '../../../app/ui/fields';
import { readAmount } from '../budgets/NewVersionDialog';
import { useExpenditureWords } from './words';

type Actions = { id: string; code: string; titleFr: string; titleNl: string }[];
const refreshes = [api.declaration, api.overview];
const M = (id: string) => `monitoring.expenditure.${id}`;

/** Adds an item to a draft, or edits one (`item`): the server re-checks every field and answers in words. */
export function ItemDialog({
  declarationId,
  actions,
  item,
  label,
}: {
  declarationId: string;
  actions: Actions;
  item?: ItemView;
  label?: string;
}) {
  const intl = useIntl();
  const w = useExpenditureWords(actions);
  const msg = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: M(id) }, values);
  const add = useEndpointMutation(api.addItem, refreshes);
  const update = useEndpointMutation(api.updateItem, refreshes);
  const today = civilDay(new Date());
  const [f, setF] = useState({
    category: item?.category ?? 'staff',
    actionId: item?.actionId ?? '',
    description: item?.description ?? '',
    supplier: item?.supplier ?? '',
    invoiceNumber: item?.invoiceNumber ?? '',
    invoiceDate: item?.invoiceDate ?? '',
    paidOn: item?.paidOn ?? '',
    amount: item?.amount ?? '',
    proofRef: item?.proofRef ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  return (
    <FormDialog
      trigger={
        item ? (
          <Button variant="ghost" aria-label={msg('item.edit_of', { what: label ?? '' })}>
            <FormattedMessage id={M('item.edit')} />
          </Button>
        ) : (
          <Button>
            <FormattedMessage id={M('item.add')} />
          </Button>
        )
      }
      title={item ? msg('item.edit_of', { what: label ?? '' }) : msg('item.add')}
      submitLabel={<FormattedMessage id={M('item.save')} />}
      isSubmitDisabled={add.isPending || update.isPending}
      onError={(e) => {
        const fields = (e as { fields?: { path: string; message: string }[] }).fields ?? [];
        setErrors(Object.fromEntries(fields.map((x) => [x.path.replace(/^\//, ''), x.message])));
      }}
      onSubmit={async () => {
        const problems: Record<string, string> = {};
        const amount = readAmount(f.amount);
        if (amount === null) problems.amount = msg('item.amount_invalid');
        if (f.description.trim().length < 2) problems.description = msg('item.description_required');
        setErrors(problems);
        if (Object.keys(problems).length || amount === null) return false;
        const body: ItemInput = {
          category: f.category as ItemInput['category'],
          actionId: f.actionId || null,
          description: f.description.trim(),
          supplier: f.supplier.trim() || null,
          invoiceNumber: f.invoiceNumber.trim() || null,
          invoiceDate: f.invoiceDate || null,
          paidOn: f.paidOn || null,
          amount,
          proofRef: f.proofRef.trim() || null,
        };
        if (item) await update.mutateAsync({ params: { id: declarationId, itemId: item.id }, body });
        else await add.mutateAsync({ params: { id: declarationId }, body });
        return true;
      }}
    >
      <Select
        label={msg('item.category')}
        value={f.category}
        onChange={set('category')}
        options={DECLARED_CATEGORIES.map((c) => ({ id: c, label: w.category(c) }))}
        isRequired
      />
      <Select
        label={msg('item.action')}
        value={f.actionId || '-'}
        onChange={(v) => set('actionId')(v === '-' ? '' : v)}
        options={[
          { id: '-', label: w.action(null) },
          ...actions.map((a) => ({ id: a.id, label: w.action(a.id) })),
        ]}
        error={errors.actionId}
      />
      <TextArea
        label={msg('item.description')}
        value={f.description}
        onChange={set('description')}
        isRequired
        error={errors.description}
      />
      <TextField label={msg('item.supplier')} value={f.supplier} onChange={set('supplier')} maxLength={200} />
      <TextField
        label={msg('item.invoice_number')}
        value={f.invoiceNumber}
        onChange={set('invoiceNumber')}
        maxLength={60}
      />
      <DateField
        label={msg('item.invoice_date')}
        value={f.invoiceDate}
        onChange={set('invoiceDate')}
        max={today}
        error={errors.invoiceDate}
      />
      <DateField
        label={msg('item.paid_on')}
        value={f.paidOn}
        onChange={set('paidOn')}
        max={today}
        error={errors.paidOn}
      />
      <TextField
        label={msg('item.amount')}
        value={f.amount}
        onChange={set('amount')}
        inputMode="text"
        isRequired
        error={errors.amount}
      />
      <TextField label={msg('item.proof')} value={f.proofRef} onChange={set('proofRef')} maxLength={500} />
    </FormDialog>
  );
}

/** The lead's decision on one item: accepted, corrected (amount and reason) or rejected (reason). */
export function ReviewDialog({
  declarationId,
  item,
  label,
}: {
  declarationId: string;
  item: ItemView;
  label: string;
}) {
  const intl = useIntl();
  const msg = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: M(id) }, values);
  const review = useEndpointMutation(api.reviewItem, refreshes);
  // A decision already taken is shown as it stands, to be changed.
  const reviewed = item.review.status !== 'pending';
  const [status, setStatus] = useState<ReviewInput['status']>(
    item.review.status === 'pending' ? 'accepted' : item.review.status,
  );
  const [amount, setAmount] = useState(item.review.correctedAmount?.replace('.', ',') ?? '');
  const [reason, setReason] = useState(item.review.reason ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <FormDialog
      trigger={
        // The visible words begin the accessible name (WCAG 2.5.3), which adds the item.
        <Button
          variant="secondary"
          aria-label={msg(reviewed ? 'review.edit_of' : 'review.open_of', { what: label })}
        >
          <FormattedMessage id={M(reviewed ? 'review.edit' : 'review.open')} />
        </Button>
      }
      title={`${msg('review.title')} — ${label}`}
      submitLabel={<FormattedMessage id={M('review.save')} />}
      isSubmitDisabled={review.isPending}
      onError={(e) => {
        const fields = (e as { fields?: { path: string; message: string }[] }).fields ?? [];
        setErrors(Object.fromEntries(fields.map((x) => [x.path.replace(/^\//, ''), x.message])));
      }}
      onSubmit={async () => {
        const corrected = status === 'corrected' ? readAmount(amount) : null;
        if (status === 'corrected' && corrected === null) {
          setErrors({ correctedAmount: msg('item.amount_invalid') });
          return false;
        }
        setErrors({});
        await review.mutateAsync({
          params: { id: declarationId, itemId: item.id },
          body: { status, correctedAmount: corrected, reason: reason.trim() || null },
        });
        return true;
      }}
    >
      <Select
        label={msg('review.decision')}
        value={status}
        onChange={(v) => setStatus(v as ReviewInput['status'])}
        options={[
          { id: 'accepted', label: msg('review.accept') },
          { id: 'corrected', label: msg('review.correct') },
          { id: 'rejected', label: msg('review.reject') },
        ]}
        isRequired
      />
      {status === 'corrected' && (
        <TextField
          label={msg('review.corrected_amount')}
          value={amount}
          onChange={setAmount}
          isRequired
          error={errors.correctedAmount}
        />
      )}
      <TextArea
        label={msg('review.reason')}
        value={reason}
        onChange={setReason}
        isRequired={status !== 'accepted'}
        error={errors.reason}
      />
    </FormDialog>
  );
}

/** The lead sends the declaration back to the partner, saying why. */
export function ReopenDialog({ declarationId }: { declarationId: string }) {
  const intl = useIntl();
  const reopen = useEndpointMutation(api.reopen, refreshes);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  return (
    <FormDialog
      trigger={
        <Button variant="secondary">
          <FormattedMessage id={M('declaration.reopen')} />
        </Button>
      }
      title={<FormattedMessage id={M('declaration.reopen_title')} />}
      submitLabel={<FormattedMessage id={M('declaration.reopen')} />}
      isSubmitDisabled={reopen.isPending}
      onSubmit={async () => {
        if (reason.trim().length < 3) {
          setError(intl.formatMessage({ id: M('errors.reason_required') }));
          return false;
        }
        setError(undefined);
        await reopen.mutateAsync({ params: { id: declarationId }, body: { reason: reason.trim() } });
        return true;
      }}
    >
      <TextArea
        label={intl.formatMessage({ id: M('declaration.reopen_reason') })}
        value={reason}
        onChange={setReason}
        isRequired
        error={error}
      />
    </FormDialog>
  );
}
