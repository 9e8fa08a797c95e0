import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/contract/errors';
import { RETRYABLE_METHODS, type MethodParams, type RetryableMethod } from '../../../shared/contract/methods';
import type { Store } from '../store/store';
import type { Caller } from './caller';
import type { Handlers } from './dispatch';

/**
 * Makes every write a client may resend safe to resend: a call that carries a `clientId` is applied
 * once — the write and the record of its id and answer are one transaction — and a repeat of that
 * id gets the first answer back instead of a second write. A call without a `clientId` is applied as
 * before. The same id with a different request is refused (a client bug, not a resend).
 *
 * The handler runs inside that transaction and is awaited there: every write it makes through the
 * store joins the transaction (the store's context carries it), so the write and its record commit
 * together or not at all.
 */
export function withClientIds(handlers: Handlers, store: () => Store, now: () => number): Handlers {
  const wrapped: Handlers = { ...handlers };
  for (const method of RETRYABLE_METHODS) {
    wrapped[method] = wrap(method, handlers[method] as (params: MethodParams<RetryableMethod>, caller: Caller) => unknown) as never;
  }
  return wrapped;

  function wrap(method: RetryableMethod, handler: (params: MethodParams<RetryableMethod>, caller: Caller) => unknown) {
    return async (params: MethodParams<RetryableMethod>, caller: Caller) => {
      const { clientId, ...request } = params;
      if (clientId === undefined) return handler(params, caller);
      // the person is part of the request: another person's id is never answered with the first one's result
      const fingerprint = createHash('sha256').update(`${method}\n${caller.person.id}\n${JSON.stringify(request)}`).digest('base64url');
      const workspace = store();
      /** The answer a request with this id already got (refused if the id was used for another request), or undefined. */
      const answered = async (): Promise<{ result: unknown } | undefined> => {
        const applied = await workspace.appliedRequests.get(clientId);
        if (!applied) return undefined;
        if (applied.method !== method || applied.fingerprint !== fingerprint) {
          throw new ApiError('conflict', 'This request id was already used for a different request; a resend must repeat the request exactly.');
        }
        return { result: JSON.parse(applied.result) as unknown };
      };
      try {
        return await workspace.transaction(async () => {
          await workspace.appliedRequests.hold(clientId);
          const first = await answered();
          if (first) return first.result;
          const result = await handler(params, caller);
          await workspace.appliedRequests.record(clientId, { method, fingerprint, result: JSON.stringify(result ?? null) }, now());
          return result;
        });
      } catch (error) {
        // a resend that overtook its first try (another server process, on PostgreSQL) finds the
        // id recorded as it writes: its own write is undone, and it answers as the first try did
        const first = await answered().catch(() => undefined);
        if (first) return first.result;
        throw error;
      }
    };
  }
}
