import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import type { OfferDetail } from '../../../common/placements/offer-schemas';
import { get, patch, post } from '../../app/api';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { PageHeader } from '../../app/ui/layout';
import { OfferForm } from './OfferForm';
import { useOfferText } from './text';

function useDone() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (id: string, notice: string) => {
    await client.invalidateQueries({ queryKey: ['offers'] });
    navigate(`/app/offers/${id}`, { state: { notice } });
  };
}

export function NewOfferPage() {
  const intl = useIntl();
  const done = useDone();
  return (
    <div className="stack">
      <PageHeader title={intl.formatMessage({ id: 'placements.form.new_title' })} />
      <OfferForm
        cancelTo="/app/offers"
        onSubmit={async (body) => {
          const created = await post<OfferDetail>('/api/offers', body);
          await done(created.id, 'placements.form.created');
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
  const q = useQuery({
    queryKey: ['offers', 'detail', id],
    queryFn: () => get<OfferDetail>(`/api/offers/${encodeURIComponent(id)}`),
  });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const o = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'placements.form.edit_title' }, { title: text.title(o) })}
      />
      <OfferForm
        existing={o}
        cancelTo={`/app/offers/${o.id}`}
        onSubmit={async (body) => {
          await patch(`/api/offers/${o.id}`, { ...body, expectedUpdatedAt: o.updatedAt });
          await done(o.id, 'placements.form.saved');
        }}
      />
    </div>
  );
}
