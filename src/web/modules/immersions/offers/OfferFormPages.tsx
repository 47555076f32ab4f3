import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { offerLink, ownOffersLink } from '../../../../common/immersions/links';
import { offerEndpoints as api } from '../../../../common/immersions/offer-endpoints';
import type { OfferDetail } from '../../../../common/immersions/offer-schemas';
import { organisationLink } from '../../../../common/network/links';
import { unitEndpoints } from '../../../../common/network/unit-endpoints';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { useSession } from '../../../app/session';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { PageHeader } from '../../../app/ui/layout';
import { OfferForm } from './OfferForm';
import { O } from './words';

/** The active units of the caller's organisation: those that may host. */
function useOwnUnits() {
  const session = useSession();
  const orgId = session.activeOrgId ?? '';
  const q = useEndpoint(unitEndpoints.list, { params: { id: orgId }, query: {} }, { enabled: !!orgId });
  return { orgId, q };
}

function FormPage({ offer }: { offer?: OfferDetail }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { orgId, q } = useOwnUnits();
  const title = intl.formatMessage({ id: O(offer ? 'form.edit_title' : 'form.new_title') });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const back = offer ? offerLink.href({ id: offer.id }) : ownOffersLink.href();
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={back}>
          <FormattedMessage id={O(offer ? 'back_offer' : 'back_own')} />
        </Link>
      </p>
      <PageHeader title={title} />
      {q.data.items.length === 0 ? (
        <p>
          <Link to={organisationLink.href({ id: orgId })}>
            <FormattedMessage id={O('form.no_unit')} />
          </Link>
        </p>
      ) : (
        <OfferForm
          offer={offer}
          units={q.data.items}
          onSubmit={async (body) => {
            const saved = offer
              ? await call(api.update, { params: { id: offer.id }, body })
              : await call(api.create, { body });
            await invalidate(client, api.get, api.mine, api.search);
            navigate(offerLink.href({ id: saved.id }));
          }}
        />
      )}
    </div>
  );
}

export function NewOfferPage() {
  return <FormPage />;
}

export function EditOfferPage() {
  const { id = '' } = useParams();
  const q = useEndpoint(api.get, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  // Keyed by the version read: a reload after a save starts the form again from what was saved.
  return <FormPage key={q.data.updatedAt} offer={q.data} />;
}
