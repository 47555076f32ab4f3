import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlacementView } from '../../../common/placements/agreement-schemas';
import { get } from '../../app/api';

export const placementKey = (id: string) => ['placements', 'detail', id];

/** One agreement as the actor may see it, and a way to reload it (and the lists) after a change. */
export function usePlacement(id: string) {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: placementKey(id),
    queryFn: () => get<PlacementView>(`/api/placements/${encodeURIComponent(id)}`),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['placements'] });
  return { ...q, refresh };
}
