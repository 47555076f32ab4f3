import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1): ~50 ms here, fine for a login.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

/** Verifies a password against a hash the caller holds (its own account's, e.g. to change it). */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  return verify(stored, password).catch(() => false);
}

const PREFIX = /^\$argon2(id|i|d)\$v=(16|19)\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]{8,64})$/;
const ALGORITHMS = { d: 0, i: 1, id: 2 } as const;

/**
 * The full PHC hash of a password with the algorithm, parameters and salt of `prefix` (what the database
 * hands out at sign-in instead of the stored hash). The database compares the result with what it
 * stores; the application never sees a password hash. Null for a prefix it cannot use.
 */
export async function hashWithSalt(prefix: string, password: string): Promise<string | null> {
  const m = PREFIX.exec(prefix);
  if (!m) return null;
  const memoryCost = Number(m[3]);
  const timeCost = Number(m[4]);
  const parallelism = Number(m[5]);
  // Bounded, so a tampered prefix cannot make one sign-in cost the server minutes.
  if (memoryCost < 1024 || memoryCost > 262_144 || timeCost < 1 || timeCost > 10 || parallelism > 8)
    return null;
  return hash(password, {
    algorithm: ALGORITHMS[m[1] as keyof typeof ALGORITHMS],
    version: m[2] === '16' ? 0 : 1,
    memoryCost,
    timeCost,
    parallelism,
    salt: Buffer.from(m[6]!, 'base64'),
  });
}
