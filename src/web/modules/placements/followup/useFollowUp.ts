import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import type { FollowUpView } from '../../../../common/placements/followup-schemas';
import { keyOf, useEndpoint } from '../../../app/client';

const { followUp, attendanceWeek } = placementsEndpoints;

/** The input of a placement's follow-up read (its cache key is built from it). */
export const followUpInput = (id: string) => ({ params: { id } });

/** The input of one week's sheet; no week is the current one (the server's clock decides which). */
export const weekInput = (id: string, week: string | null) => ({
  params: { id },
  query: { week: week ?? undefined },
});

export function useFollowUp(id: string) {
  return useEndpoint(followUp, followUpInput(id));
}

export function useAttendanceWeek(id: string, week: string | null) {
  return useEndpoint(attendanceWeek, weekInput(id, week), {
    // The sheet stays on screen while the next week loads.
    placeholderData: keepPreviousData,
  });
}

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
      client.setQueryData(keyOf(followUp, followUpInput(placementId)), f);
      onDone?.(f);
    },
  });
}
