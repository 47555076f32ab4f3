import QRCode from 'qrcode';
import type { Actor } from '../actor';
import { audit } from '../audit';
import { decryptField, encryptField } from '../crypto';
import type { Tx } from '../db/context';
import { AppError } from '../errors';
import { platformKeys, type Secrets } from '../secrets';
import { checkTotp } from './login';
import { isOwnPassword, ownTotp } from './own-credentials';
import { generateTotpSecret, otpauthUri } from './totp';

/** Starts enrolment: a new secret, kept encrypted and inactive until a first code proves the app has it. */
export async function startTotpSetup(trx: Tx, secrets: Secrets, actor: Actor) {
  const u = await trx
    .selectFrom('users')
    .select('totp_enabled')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (u.totp_enabled) throw new AppError(409, 'auth.mfa_already_enabled');
  const secret = generateTotpSecret();
  await trx
    .updateTable('users')
    .set({ totp_secret_enc: encryptField(secret, secrets.secretKey), totp_last_step: null })
    .where('id', '=', actor.userId)
    .execute();
  const uri = otpauthUri({ secret, accountName: actor.email, issuer: 'samen' });
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

export async function enableTotp(trx: Tx, secrets: Secrets, actor: Actor, code: string): Promise<void> {
  const u = await trx
    .selectFrom('users')
    .select(['totp_enabled'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (u.totp_enabled) throw new AppError(409, 'auth.mfa_already_enabled');
  const own = await ownTotp(trx);
  if (!own.secretEnc) throw new AppError(400, 'auth.mfa_setup_first');
  decryptField(own.secretEnc, platformKeys(secrets));
  // Enrolment by a signed-in user: a mistyped code is not an attack on the account, it does not count.
  await checkTotp(trx, secrets, code);
  await trx
    .updateTable('users')
    .set({ totp_enabled: true, updated_at: new Date() })
    .where('id', '=', actor.userId)
    .execute();
  await audit(trx, { action: 'mfa_enabled', entity: 'user', entityId: actor.userId });
}

/** Turns the second factor off, unless the organisation the user acts for requires it. */
export async function disableTotp(trx: Tx, actor: Actor, password: string): Promise<void> {
  const org = actor.orgId
    ? await trx
        .selectFrom('organisations')
        .select('mfa_required')
        .where('id', '=', actor.orgId)
        .executeTakeFirst()
    : undefined;
  if (org?.mfa_required) throw new AppError(409, 'auth.mfa_mandatory');
  if (!(await isOwnPassword(trx, password)))
    throw new AppError(400, 'auth.current_password_wrong', {}, [
      { path: 'password', code: 'auth.current_password_wrong' },
    ]);
  await trx
    .updateTable('users')
    .set({ totp_enabled: false, totp_secret_enc: null, totp_last_step: null, updated_at: new Date() })
    .where('id', '=', actor.userId)
    .execute();
  await audit(trx, { action: 'mfa_disabled', entity: 'user', entityId: actor.userId });
}
