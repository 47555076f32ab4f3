import { useMutation, useQueryClient } from '@tanstack/react-query';
import { pathwaysApi } from '../../../../common/people/endpoints';
import type { PathwayDetail } from '../../../../common/people/pathway-schemas';
import { invalidate, keyOf, useEndpoint } from '../../../app/client';

export function usePathwayList(personId: string, enabled: boolean) {
  return useEndpoint(pathwaysApi.list, { params: { personId } }, { enabled });
}

export function usePathwayDetail(id: string | null) {
  return useEndpoint(pathwaysApi.get, { params: { id: id ?? '' } }, { enabled: !!id });
}

export function useReferentOptions(enabled: boolean) {
  return useEndpoint(pathwaysApi.referents, {}, { enabled, staleTime: 60_000 });
}

/**
 * A change to a pathway: every write answers with the whole pathway, which replaces the cached one so
 * that the progress summary follows at once; the person's list of pathways is refreshed too.
 */
export function usePathwayChange<V>(
  run: (v: V) => Promise<PathwayDetail>,
  onDone?: (p: PathwayDetail) => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (p) => {
      client.setQueryData(keyOf(pathwaysApi.get, { params: { id: p.id } }), p);
      await invalidate(client, pathwaysApi.list);
      onDone?.(p);
    },
  });
}
