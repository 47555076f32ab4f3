import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PathwayDetail, PathwayList, ReferentOptions } from '../../../common/people/pathway-schemas';
import { get } from '../../app/api';

export const pathwayKey = (id: string) => ['pathway', id];
export const pathwayListKey = (personId: string) => ['pathways-of', personId];

export function usePathwayList(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: pathwayListKey(personId),
    queryFn: () => get<PathwayList>(`/api/people/${encodeURIComponent(personId)}/pathways`),
    enabled,
  });
}

export function usePathwayDetail(id: string | null) {
  return useQuery({
    queryKey: pathwayKey(id ?? ''),
    queryFn: () => get<PathwayDetail>(`/api/pathways/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useReferentOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['pathway-referents'],
    queryFn: () => get<ReferentOptions>('/api/pathway-referents'),
    enabled,
    staleTime: 60_000,
  });
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
      client.setQueryData(pathwayKey(p.id), p);
      await client.invalidateQueries({ queryKey: pathwayListKey(p.personId) });
      onDone?.(p);
    },
  });
}
