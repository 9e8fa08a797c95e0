import type { ZodError } from 'zod';
import { ApiError, type CallResult } from '../../../shared/contract/errors';
import {
  isMethodName,
  methodInputs,
  type MethodName,
  type MethodOutput,
  type MethodParams,
} from '../../../shared/contract/methods';
import { Refusal } from '../common/refusal';
import { forbiddenMessage, mayCall } from './authorize';
import type { Caller } from './caller';

export type Handlers = { [M in MethodName]: (params: MethodParams<M>, caller: Caller) => MethodOutput<M> | Promise<MethodOutput<M>> };

export interface DispatcherOptions {
  /**
   * The caller as the workspace knows them now (their role today, the desk's "view as"); may throw
   * an ApiError to refuse the call (e.g. a person who no longer exists). The host's caller as is by default.
   */
  resolve?: (caller: Caller) => Caller | Promise<Caller>;
}

function describeZodError(error: ZodError): { message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  return { message: `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues };
}

/**
 * The single door every call comes through, from either host, carrying the person who makes it:
 * an unknown method, a method the caller's role may not call (shared/contract/permissions.ts) or
 * input that does not match its schema is refused before any handler runs, so it changes nothing.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}) {
  return async function call(method: unknown, input: unknown, hostCaller: Caller): Promise<CallResult<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `There is no method called ${JSON.stringify(method)}.` } };
    }
    let caller: Caller;
    try {
      caller = options.resolve ? await options.resolve(hostCaller) : hostCaller;
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toShape() };
      throw error;
    }
    if (!mayCall(caller, method)) return { ok: false, error: { code: 'forbidden', message: forbiddenMessage(caller, method) } };
    const parsed = methodInputs[method].safeParse(input ?? {});
    if (!parsed.success) {
      const { message, issues } = describeZodError(parsed.error);
      return { ok: false, error: { code: 'invalid-input', message, issues } };
    }
    try {
      const handler = handlers[method] as (params: unknown, caller: Caller) => unknown;
      return { ok: true, value: await handler(parsed.data, caller) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toShape() };
      if (error instanceof Refusal) return { ok: false, error: { code: error.kind, message: error.message, ...(error.detail ? { detail: error.detail } : {}) } };
      console.error(`Kinship: ${method} failed:`, error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}` } };
    }
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
