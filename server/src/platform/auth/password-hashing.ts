import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package exports it as a const enum, which type stripping cannot read.
const argon2id = 2;

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): ~30 ms on one core.
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Stored for an account whose password has not been issued yet (a new store's portal account):
// no argon2 hash looks like it, so nothing verifies against it.
export const passwordNotIssued = '!not-issued';

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// A hash of a random password, verified when the username is unknown, so that a wrong
// username takes as long as a wrong password and does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null || !passwordHash.startsWith('$')) {
    decoyHash ??= hashPassword(crypto.randomUUID());
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

// A one-time password staff read out to a store: 10 characters without look-alikes (0/O, 1/l/I),
// ~57 bits. The store must change it at its first sign-in.
const initialPasswordAlphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generateInitialPassword(length = 10): string {
  const alphabet = initialPasswordAlphabet;
  // Bytes past the last whole multiple of the alphabet's size are dropped, so every character is
  // equally likely.
  const limit = 256 - (256 % alphabet.length);
  let password = '';
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) password += alphabet[byte % alphabet.length];
    }
  }
  return password;
}
