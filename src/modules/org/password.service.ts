import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/lib/errors';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spend the same time on an unknown username as on a wrong password. */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('wayline-dummy-password-1');
  await verifyPassword(await dummyHash, password);
}

export function assertStrongPassword(password: string, field = 'body.password'): void {
  const ok =
    password.length >= 8 && password.length <= 200 && /[A-Za-z]/.test(password) && /\d/.test(password);
  if (!ok) {
    throw new AppError('bad_request', 'validation_failed', {}, [
      { field, code: 'org.weak_password', message: 'org.weak_password' },
    ]);
  }
}
