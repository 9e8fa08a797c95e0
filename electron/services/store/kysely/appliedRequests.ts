import type { StoreContext } from '../storeContext';
import { holdKeys } from './keyLocks';

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
export function createAppliedRequestsRepository(ctx: StoreContext) {
  return {
    /** Holds a request id until the transaction ends: a resend on another connection waits for the first try, then finds its answer. */
    async hold(clientId: string): Promise<void> {
      await holdKeys(ctx, [`request:${clientId}`]);
    },
    async get(clientId: string): Promise<AppliedRequest | null> {
      return (await ctx.db().selectFrom('applied_requests').select(['method', 'fingerprint', 'result']).where('client_id', '=', clientId).executeTakeFirst()) ?? null;
    },
    /** Records an applied request (in the caller's transaction) and forgets those older than the TTL. */
    async record(clientId: string, request: AppliedRequest, at: number): Promise<void> {
      await ctx.db().insertInto('applied_requests').values({ client_id: clientId, method: request.method, fingerprint: request.fingerprint, result: request.result, applied_at: at }).execute();
      await ctx.db().deleteFrom('applied_requests').where('applied_at', '<', at - APPLIED_REQUEST_TTL_MS).execute();
    },
  };
}

export type AppliedRequestsRepository = ReturnType<typeof createAppliedRequestsRepository>;
