/**
 * What the "send for signature" dialog proposes (issue 9, item 3): the home centre's two signatories, each
 * with the address the home centre knows for them, so every signatory can be invited at once.
 */
import Type, { type Static } from 'typebox';
import { Nullable } from '../kernel/schemas';

const Invitee = Type.Object({
  /** The name the signature line will carry (the person's, or their legal representative's). */
  signerName: Type.String(),
  /** The address known to the home centre; null when there is none (the person's representative, say). */
  email: Nullable(Type.String()),
});

export const SignatureInvitees = Type.Object({
  person: Invitee,
  home_referent: Invitee,
});
export type SignatureInvitees = Static<typeof SignatureInvitees>;
