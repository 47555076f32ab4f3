import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { can, type Role } from '../../../common/access/permissions';
import { useSessionState } from '../../app/session';
import { EmptyState } from '../../app/ui/feedback';
import { PageHeader } from '../../app/ui/layout';
import type { HubSection } from './part';

/** The accompaniment hub: a card for each part of the module the user may use, in the programme's order. */
export function AccompanimentHub({ sections }: { sections: readonly HubSection[] }) {
  const intl = useIntl();
  const { state } = useSessionState();
  const roles = (state.status === 'signed_in' ? state.session.roles : []) as Role[];
  const mine = sections.filter((s) => can(roles, s.permission));
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'accompaniment.hub.title' })}
        description={intl.formatMessage({ id: 'accompaniment.hub.description' })}
      />
      {mine.length === 0 ? (
        <EmptyState title={intl.formatMessage({ id: 'accompaniment.hub.empty' })} />
      ) : (
        <div className="grid-2">
          {mine.map((s) => (
            <section key={s.key} className="card">
              <h2>
                <Link to={s.to}>
                  <FormattedMessage id={s.titleId} />
                </Link>
              </h2>
              <p>
                <FormattedMessage id={s.descriptionId} />
              </p>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
