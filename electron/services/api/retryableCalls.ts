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
    return (params: MethodParams<RetryableMethod>, caller: Caller) => {
      const { clientId, ...request } = params;
      if (clientId === undefined) return handler(params, caller);
      // the person is part of the request: another person's id is never answered with the first one's result
      const fingerprint = createHash('sha256').update(`${method}\n${caller.person.id}\n${JSON.stringify(request)}`).digest('base64url');
      const workspace = store();
      return workspace.transaction(async () => {
        const applied = await workspace.appliedRequests.get(clientId);
        if (applied) {
          if (applied.method !== method || applied.fingerprint !== fingerprint) {
            throw new ApiError('conflict', 'This request id was already used for a different request; a resend must repeat the request exactly.');
          }
          return JSON.parse(applied.result) as unknown;
        }
        const result = await handler(params, caller);
        await workspace.appliedRequests.record(clientId, { method, fingerprint, result: JSON.stringify(result ?? null) }, now());
        return result;
      });
    };
  }
}
