import { useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import type { BodyOf } from '../../../../common/kernel/endpoint';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { offerLink, offersLink } from '../../../../common/placements/links';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { PageHeader } from '../../../app/ui/layout';
import { OfferForm } from './OfferForm';
import { useOfferText } from './text';

const { offers, offer, offerRanking, createOffer, updateOffer } = placementsEndpoints;

/** After a save: every cached list, detail and ranking may show the offer; then its page, with a notice. */
function useDone() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (id: string, notice: string) => {
    await invalidate(client, offers, offer, offerRanking);
    navigate(offerLink.href({ id }), { state: { notice } });
  };
}

export function NewOfferPage() {
  const intl = useIntl();
  const done = useDone();
  return (
    <div className="stack">
      <PageHeader title={intl.formatMessage({ id: 'placements.offers.form.new_title' })} />
      <OfferForm
        cancelTo={offersLink.href()}
        onSubmit={async (body) => {
          // OfferForm checked the body against OfferInput and the offer rules before calling.
          const created = await call(createOffer, { body: body as BodyOf<typeof createOffer> });
          await done(created.id, 'placements.offers.form.created');
        }}
      />
    </div>
  );
}

export function EditOfferPage() {
  const intl = useIntl();
  const text = useOfferText();
  const { id = '' } = useParams();
  const done = useDone();
  const q = useEndpoint(offer, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const o = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'placements.offers.form.edit_title' }, { title: text.title(o) })}
      />
      <OfferForm
        existing={o}
        cancelTo={offerLink.href({ id: o.id })}
        onSubmit={async (body) => {
          // A change: every field, emptied ones as null (see offerBody); the server refuses a stale version.
          const patch = { ...body, expectedUpdatedAt: o.updatedAt } as BodyOf<typeof updateOffer>;
          await call(updateOffer, { params: { id: o.id }, body: patch });
          await done(o.id, 'placements.offers.form.saved');
        }}
      />
    </div>
  );
}
