import { FormattedMessage, useIntl } from 'react-intl';
import { observatoryEndpoints } from '../../../../common/observatory/endpoints';
import { ownRecordsEndpoints as api } from '../../../../common/observatory/own-records-endpoints';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { Card } from '../../../app/ui/layout';
import { W } from '../words';

/**
 * samen's own figures (persons on a pathway, placements, services, by municipality): when they were last
 * computed, and, for those who may import, recomputing them now.
 */
export function OwnRecordsCard() {
  const intl = useIntl();
  const status = useEndpoint(api.status, {});
  const recompute = useEndpointMutation(api.recompute, [api.status, observatoryEndpoints.catalogue]);
  const s = status.data;
  if (!s) return status.error ? <ErrorAlert error={status.error} /> : null;
  return (
    <Card title={<FormattedMessage id={W('own_records.title')} />}>
      <div className="stack">
        <p className="description">
          <FormattedMessage id={W('own_records.intro')} />
        </p>
        <p>
          {s.computedAt ? (
            <FormattedMessage
              id={W('own_records.last')}
              values={{
                at: intl.formatDate(s.computedAt, { dateStyle: 'long', timeStyle: 'short' }),
                values: s.values,
              }}
            />
          ) : (
            <FormattedMessage id={W('own_records.never')} />
          )}
        </p>
        {s.canRecompute && (
          <div className="row">
            <Button variant="secondary" onPress={() => recompute.mutate({})} isDisabled={recompute.isPending}>
              <FormattedMessage id={W('own_records.recompute')} />
            </Button>
          </div>
        )}
        {recompute.isPending && (
          <p role="status">
            <FormattedMessage id={W('own_records.running')} />
          </p>
        )}
        {recompute.data && (
          <Alert
            tone="success"
            title={intl.formatMessage({ id: W('own_records.done') }, { ...recompute.data })}
          />
        )}
        <ErrorAlert error={recompute.error} />
      </div>
    </Card>
  );
}
