import type Database from 'better-sqlite3';

/** How long a request id is remembered: far longer than any client waits to resend. */
export const APPLIED_REQUEST_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface AppliedRequest {
  method: string;
  /** A hash of the request's input, so an id reused for a different request is noticed. */
  fingerprint: string;
  /** The answer the request got, as JSON. */
  result: string;
}

/** Requests applied under a client-made id, with their answers (see RETRYABLE_METHODS in the contract). */
export function createAppliedRequestsRepository(db: Database.Database) {
  const read = db.prepare<[string], AppliedRequest>('SELECT method, fingerprint, result FROM applied_requests WHERE client_id = ?');
  const insert = db.prepare<[string, string, string, string, number]>(
    'INSERT INTO applied_requests (client_id, method, fingerprint, result, applied_at) VALUES (?, ?, ?, ?, ?)',
  );
  const prune = db.prepare<[number]>('DELETE FROM applied_requests WHERE applied_at < ?');

  return {
    get(clientId: string): AppliedRequest | null {
      return read.get(clientId) ?? null;
    },
    /** Records an applied request (in the caller's transaction) and forgets those older than the TTL. */
    record(clientId: string, request: AppliedRequest, at: number): void {
      insert.run(clientId, request.method, request.fingerprint, request.result, at);
      prune.run(at - APPLIED_REQUEST_TTL_MS);
    },
  };
}

export type AppliedRequestsRepository = ReturnType<typeof createAppliedRequestsRepository>;
