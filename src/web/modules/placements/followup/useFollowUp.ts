import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttendanceWeekView, FollowUpView } from '../../../common/placements/followup-schemas';
import { get, qs } from '../../app/api';

export const followUpKey = (id: string) => ['placement-followup', id];
export const weekKey = (id: string, week: string | null) => ['placement-attendance', id, week ?? 'current'];
const base = (id: string) => `/api/placements/${encodeURIComponent(id)}`;

export function useFollowUp(id: string) {
  return useQuery({ queryKey: followUpKey(id), queryFn: () => get<FollowUpView>(`${base(id)}/follow-up`) });
}

export function useAttendanceWeek(id: string, week: string | null) {
  return useQuery({
    queryKey: weekKey(id, week),
    queryFn: () => get<AttendanceWeekView>(`${base(id)}/attendance${qs({ week })}`),
    // The sheet stays on screen while the next week loads.
    placeholderData: keepPreviousData,
  });
}

/** The follow-up endpoint of a placement, for writes. */
export const followUpUrl = (id: string, path: string) => `${base(id)}/${path}`;

/**
 * A change to the follow-up: every write answers with the whole follow-up, which replaces the cached one so
 * that summaries and alerts follow at once.
 */
export function useFollowUpChange<V>(
  placementId: string,
  run: (v: V) => Promise<FollowUpView>,
  onDone?: (f: FollowUpView) => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (f) => {
      client.setQueryData(followUpKey(placementId), f);
      onDone?.(f);
    },
  });
}
