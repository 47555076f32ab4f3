import { can, type Role } from '../../../common/access/permissions';
import { useSessionState } from '../../app/session';

/**
 * Whether the signed-in user may open a programme's placement overview: the permission, acting for the
 * programme's lead organisation, or a platform admin (the server checks the same).
 */
export function useSeesProgrammePlacements(leadOrgId: string): boolean {
  const { state } = useSessionState();
  if (state.status !== 'signed_in') return false;
  const s = state.session;
  return (
    can(s.roles as Role[], 'placement.programme_overview') &&
    (s.user.platformAdmin || s.activeOrgId === leadOrgId)
  );
}
