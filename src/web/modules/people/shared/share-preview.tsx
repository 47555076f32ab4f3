import { keepPreviousData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { SharePurpose } from '../../../../common/people/consent';
import { sharedApi } from '../../../../common/people/endpoints';
import type { ShareCheck } from '../../../../common/people/shared-schemas';
import { useEndpoint } from '../../../app/client';

/**
 * The server's preview of a share as the choices change: the person, and once recipient and field groups
 * are chosen, the consent it would rest on (the same rule the server applies when the share is made).
 */
export function useSharePreview(
  personId: string,
  share: { recipientOrgId: string; purpose: SharePurpose; fields: readonly string[] },
  options: { enabled?: boolean; whenReadyOnly?: boolean } = {},
) {
  const ready = !!share.recipientOrgId && share.fields.length > 0;
  const preview = useEndpoint(
    sharedApi.preview,
    {
      params: { personId },
      query: ready
        ? { recipientOrgId: share.recipientOrgId, purpose: share.purpose, fields: share.fields.join(',') }
        : {},
    },
    {
      enabled: (options.enabled ?? true) && !!personId && (ready || !options.whenReadyOnly),
      // Keep the form on screen while the consent check for new choices loads.
      placeholderData: keepPreviousData,
    },
  );
  const check: ShareCheck | null = ready && !preview.isPlaceholderData ? (preview.data?.check ?? null) : null;
  return { preview, check, ready };
}

/**
 * The same preview for another module's page, as a component (the face loads it with the page that shows
 * it, not up front as a hook would be): its children render from the preview.
 */
export function SharePreview({
  personId,
  share,
  options,
  children,
}: {
  personId: string;
  share: { recipientOrgId: string; purpose: SharePurpose; fields: readonly string[] };
  options?: { enabled?: boolean; whenReadyOnly?: boolean };
  children: (r: ReturnType<typeof useSharePreview>) => ReactNode;
}) {
  return <>{children(useSharePreview(personId, share, options))}</>;
}
