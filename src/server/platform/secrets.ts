import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';

export interface Secrets {
  /** Encrypts secret fields (TOTP secrets, special-category data). */
  secretKey: Buffer;
  /**
   * The master key being replaced (SAMEN_SECRET_KEY_PREVIOUS), while a master key rotation runs: what it
   * wrapped or encrypted stays readable until `npm run keys:rotate -- --master` has moved it.
   */
  previousSecretKeys?: readonly Buffer[];
  /** Network-wide key for participant codes; the same on every deployment of one network. */
  networkSecret: Buffer;
}

/**
 * Keys come from the environment; without them (embedded or development use) they are generated once
 * and kept in the data folder beside the database, so restarts can still read what was encrypted.
 */
export function loadSecrets(
  config: Pick<Config, 'secretKey' | 'networkSecret' | 'dataDir' | 'previousSecretKey'>,
): Secrets {
  const previous = config.previousSecretKey ? [Buffer.from(config.previousSecretKey, 'base64')] : [];
  if (config.secretKey && config.networkSecret)
    return {
      secretKey: Buffer.from(config.secretKey, 'base64'),
      previousSecretKeys: previous,
      networkSecret: Buffer.from(config.networkSecret, 'base64'),
    };
  const file = join(config.dataDir, 'keys.json');
  let stored: { secretKey: string; networkSecret: string };
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    stored = {
      secretKey: randomBytes(32).toString('base64'),
      networkSecret: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    secretKey: Buffer.from(config.secretKey ?? stored.secretKey, 'base64'),
    previousSecretKeys: previous,
    networkSecret: Buffer.from(config.networkSecret ?? stored.networkSecret, 'base64'),
  };
}

/** The master key first, then the one being replaced: the keys that may open a v1 value or a wrapped key. */
export const platformKeys = (s: Pick<Secrets, 'secretKey' | 'previousSecretKeys'>): readonly Buffer[] => [
  s.secretKey,
  ...(s.previousSecretKeys ?? []),
];
