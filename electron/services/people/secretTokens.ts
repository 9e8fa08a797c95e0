import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A secret for a session or a one-time link: 32 random bytes (256 bits), URL-safe. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored of a secret token: its SHA-256. The token is already 256 random bits, so a fast
 * hash is enough (no salt or slow hash needed); whoever reads the database cannot sign in with it.
 */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A session's public id (in logs and the api's caller): not a secret. */
export function newSessionId(): string {
  return randomUUID();
}
