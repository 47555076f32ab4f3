import { FormattedMessage } from 'react-intl';
import type { ProgrammeTotalsView } from '../../../../common/network/programme-schemas';
import { Alert } from '../../../app/ui/feedback';
import { Card, Facts } from '../../../app/ui/layout';
import { useProgrammeFormat } from './format';

/** Declared totals beside the ones derived from the partners' budgets, and whether they agree. */
export function TotalsCard({
  totals: t,
  declared,
  titleId = 'network.programmes.totals.title',
}: {
  totals: ProgrammeTotalsView;
  declared: { budgetTotal: string | null; euAmount: string | null };
  titleId?: string;
}) {
  const f = useProgrammeFormat();
  const compared = t.budgetMatches !== null || t.euMatches !== null;
  const matches = compared && t.budgetMatches !== false && t.euMatches !== false;
  return (
    <Card title={<FormattedMessage id={titleId} />}>
      <Facts
        items={[
          [
            <FormattedMessage key="db" id="network.programmes.totals.declared_budget" />,
            f.money(declared.budgetTotal),
          ],
          [
            <FormattedMessage key="de" id="network.programmes.totals.declared_eu" />,
            f.money(declared.euAmount),
          ],
          [
            <FormattedMessage key="dr" id="network.programmes.totals.declared_rate" />,
            f.rate(t.declaredEuRateBp),
          ],
          [
            <FormattedMessage key="pb" id="network.programmes.totals.partner_budget" />,
            f.money(t.partnerBudgetTotal),
          ],
          [
            <FormattedMessage key="pe" id="network.programmes.totals.partner_eu" />,
            f.money(t.partnerEuAmount),
          ],
          [<FormattedMessage key="pr" id="network.programmes.totals.partner_rate" />, f.rate(t.euRateBp)],
        ]}
      />
      {!compared && (
        <Alert tone="info">
          <FormattedMessage id="network.programmes.totals.not_compared" />
        </Alert>
      )}
      {matches && (
        <Alert tone="success" title={<FormattedMessage id="network.programmes.totals.matches" />} />
      )}
      {compared && !matches && (
        <Alert tone="warning">
          {t.budgetMatches === false && (
            <p>
              <FormattedMessage
                id="network.programmes.totals.budget_mismatch"
                values={{ difference: f.money(t.budgetDifference) }}
              />
            </p>
          )}
          {t.euMatches === false && (
            <p>
              <FormattedMessage
                id="network.programmes.totals.eu_mismatch"
                values={{ difference: f.money(t.euDifference) }}
              />
            </p>
          )}
        </Alert>
      )}
      {t.partnersWithoutBudget > 0 && (
        <p className="muted">
          <FormattedMessage
            id="network.programmes.totals.without_budget"
            values={{ count: t.partnersWithoutBudget }}
          />
        </p>
      )}
    </Card>
  );
}
