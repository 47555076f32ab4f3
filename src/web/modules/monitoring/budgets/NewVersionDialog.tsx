import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { civilDay } from '../../../../common/kernel/clock';
import { budgetEndpoints as api } from '../../../../common/monitoring/budget-endpoints';
import {
  type BudgetView,
  COST_CATEGORIES,
  type LineInput,
} from '../../../../common/monitoring/budget-schemas';
import { isRate } from '../../../../common/monitoring/money';
import { useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Select, TextArea, TextField } from '../../../app/ui/fields';
import { useBudgetWords } from './money';

const AMOUNT = /^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/;

/** "1 234,5" or "1234.50" as the API's "1234.50"; null when it is not an amount. */
export function readAmount(raw: string): string | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return AMOUNT.test(s) ? s : null;
}

/**
 * The lead's coordinator adds a version: the current one copied, its lines' amounts (or flat rates)
 * changed, lines removed or added, with a required date, reason and source. Co-financing and envelopes
 * are carried over as they are.
 */
export function NewVersionDialog({ budget: b }: { budget: BudgetView }) {
  const intl = useIntl();
  const w = useBudgetWords(b);
  const msg = (id: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: `monitoring.budgets.form.${id}` }, values);
  const create = useEndpointMutation(api.createVersion, [api.budget]);
  const today = civilDay(new Date());
  const [head, setHead] = useState({ datedOn: today, reason: '', source: '' });
  const [lines, setLines] = useState<LineInput[]>(() => [...(b.version?.lines ?? [])]);
  const [raw, setRaw] = useState<string[]>(() =>
    (b.version?.lines ?? []).map((l) => l.amount ?? l.flatRate ?? ''),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState({ partner: '', category: 'staff', action: '', period: '', amount: '' });
  const edit = (i: number, v: string) => setRaw((r) => r.map((x, j) => (j === i ? v : x)));
  const remove = (i: number) => {
    setLines((l) => l.filter((_, j) => j !== i));
    setRaw((r) => r.filter((_, j) => j !== i));
  };
  const add = () => {
    const amount = readAmount(draft.amount);
    if (!draft.partner || amount === null) {
      setErrors({ draft: msg('draft_invalid') });
      return;
    }
    setErrors({});
    setLines((l) => [
      ...l,
      {
        partnerOrgId: draft.partner,
        category: draft.category as LineInput['category'],
        actionId: draft.action || null,
        period: draft.period.trim() || null,
        amount,
        flatRate: null,
        envelope: null,
        note: null,
      },
    ]);
    setRaw((r) => [...r, amount]);
    setDraft((d) => ({ ...d, amount: '' }));
  };
  return (
    <FormDialog
      trigger={
        <Button>
          <FormattedMessage id="monitoring.budgets.form.open" />
        </Button>
      }
      title={<FormattedMessage id="monitoring.budgets.form.title" />}
      submitLabel={<FormattedMessage id="monitoring.budgets.form.submit" />}
      isSubmitDisabled={create.isPending}
      onSubmit={async () => {
        const problems: Record<string, string> = {};
        if (head.reason.trim().length < 3) problems.reason = msg('reason_required');
        if (head.source.trim().length < 3) problems.source = msg('source_required');
        const sent = lines.map((l, i) => {
          const v = raw[i] ?? '';
          if (l.flatRate !== null) {
            const rate = v.trim().replace(',', '.');
            if (!isRate(rate)) problems[`line${i}`] = msg('rate_invalid');
            return { ...l, flatRate: rate };
          }
          const amount = readAmount(v);
          if (amount === null) problems[`line${i}`] = msg('amount_invalid');
          return { ...l, amount: amount ?? '0' };
        });
        setErrors(problems);
        if (Object.keys(problems).length) return false;
        await create.mutateAsync({
          params: { id: b.programme.id },
          body: {
            datedOn: head.datedOn,
            reason: head.reason.trim(),
            source: head.source.trim(),
            envelopes: b.version?.envelopes ?? [],
            cofinancing: b.version?.cofinancing ?? [],
            lines: sent,
          },
        });
        return true;
      }}
    >
      <DateField
        label={msg('dated_on')}
        value={head.datedOn}
        onChange={(v) => setHead((h) => ({ ...h, datedOn: v }))}
        max={today}
        isRequired
      />
      <TextArea
        label={msg('reason')}
        value={head.reason}
        onChange={(v) => setHead((h) => ({ ...h, reason: v }))}
        isRequired
        error={errors.reason}
      />
      <TextField
        label={msg('source')}
        description={msg('source_hint')}
        value={head.source}
        onChange={(v) => setHead((h) => ({ ...h, source: v }))}
        isRequired
        error={errors.source}
      />
      <div className="table-wrap budget-edit">
        <table className="data">
          <caption>{msg('lines')}</caption>
          <tbody>
            {lines.map((l, i) => {
              const what = `${w.partner(l.partnerOrgId)}, ${w.category(l.category)}, ${w.action(l.actionId)}${l.period ? `, ${l.period}` : ''}`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id before they are saved
                <tr key={i}>
                  <td>{what}</td>
                  <td className="num">
                    <input
                      aria-label={msg(l.flatRate !== null ? 'rate_of' : 'amount_of', { what })}
                      aria-invalid={errors[`line${i}`] ? true : undefined}
                      inputMode="decimal"
                      value={raw[i] ?? ''}
                      onChange={(e) => edit(i, e.target.value)}
                    />
                    {l.flatRate !== null && ' %'}
                    {errors[`line${i}`] && <div className="field-error">{errors[`line${i}`]}</div>}
                  </td>
                  <td>
                    <Button variant="ghost" onPress={() => remove(i)} aria-label={msg('remove_of', { what })}>
                      {msg('remove')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <fieldset className="stack">
        <legend>{msg('add_title')}</legend>
        <Select
          label={msg('partner')}
          value={draft.partner || null}
          onChange={(v) => setDraft((d) => ({ ...d, partner: v }))}
          options={b.partners.map((p) => ({ id: p.orgId, label: w.partner(p.orgId) }))}
        />
        <Select
          label={msg('category')}
          value={draft.category}
          onChange={(v) => setDraft((d) => ({ ...d, category: v }))}
          options={COST_CATEGORIES.map((c) => ({ id: c, label: w.category(c) }))}
        />
        <Select
          label={msg('action')}
          value={draft.action || null}
          onChange={(v) => setDraft((d) => ({ ...d, action: v }))}
          options={b.actions.map((a) => ({ id: a.id, label: w.action(a.id) }))}
        />
        <TextField
          label={msg('period')}
          value={draft.period}
          onChange={(v) => setDraft((d) => ({ ...d, period: v }))}
        />
        <TextField
          label={msg('amount')}
          inputMode="numeric"
          value={draft.amount}
          onChange={(v) => setDraft((d) => ({ ...d, amount: v }))}
          error={errors.draft}
        />
        <Button variant="secondary" onPress={add}>
          {msg('add')}
        </Button>
      </fieldset>
    </FormDialog>
  );
}
