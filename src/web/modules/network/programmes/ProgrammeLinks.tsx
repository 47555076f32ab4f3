import { FormattedMessage } from 'react-intl';
import { can, type Role } from '../../../../common/access/permissions';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { useSessionState } from '../../../app/session';
import { useSlot } from '../../../app/slots';
import { LinkButton } from '../../../app/ui/Button';

/**
 * What other modules add to a programme's page (its placements overview, its indicators…), shown to
 * those holding the link's permission. A link's `when` decides for an organisation (e.g. only its lead);
 * a platform administrator acts for none, so holding the permission is enough for them (as the server
 * decides for them too).
 */
export function ProgrammeLinks({ programme }: { programme: ProgrammeDetail }) {
  const links = useSlot('programmeLinks');
  const { state } = useSessionState();
  if (state.status !== 'signed_in') return null;
  const { roles, user, activeOrgId } = state.session;
  const shown = links.filter(
    (l) =>
      (!l.permission || can(roles as Role[], l.permission)) &&
      (user.platformAdmin ||
        !l.when ||
        l.when({ id: programme.id, leadOrgId: programme.lead.id }, activeOrgId)),
  );
  return (
    <>
      {shown.map((l) => (
        <LinkButton key={l.key} to={l.href(programme.id)} variant="secondary">
          <FormattedMessage id={l.labelId} />
        </LinkButton>
      ))}
    </>
  );
}
