import { useQueryClient } from '@tanstack/react-query';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { invalidate, useEndpoint } from '../../../app/client';

/**
 * One agreement as the actor may see it, and a way to reload it after a change. The lists are reloaded
 * too (the organisation's list, the person page's card): a change of status or terms shows in them.
 */
export function usePlacement(id: string) {
  const client = useQueryClient();
  const q = useEndpoint(placementsEndpoints.placement, { params: { id } });
  const refresh = () => invalidate(client, placementsEndpoints.placement, placementsEndpoints.placements);
  return { ...q, refresh };
}
