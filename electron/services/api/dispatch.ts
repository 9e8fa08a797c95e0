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

export type Handlers = { [M in MethodName]: (params: MethodParams<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

function describeZodError(error: ZodError): { message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  return { message: `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues };
}

/**
 * The single door every call comes through, from either host: an unknown method or input that
 * does not match its schema is refused before any handler runs, so it changes nothing.
 */
export function createDispatcher(handlers: Handlers) {
  return async function call(method: unknown, input: unknown): Promise<CallResult<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `There is no method called ${JSON.stringify(method)}.` } };
    }
    const parsed = methodInputs[method].safeParse(input ?? {});
    if (!parsed.success) {
      const { message, issues } = describeZodError(parsed.error);
      return { ok: false, error: { code: 'invalid-input', message, issues } };
    }
    try {
      const handler = handlers[method] as (params: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toShape() };
      if (error instanceof Refusal) return { ok: false, error: { code: error.kind, message: error.message } };
      console.error(`Kinship: ${method} failed:`, error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}` } };
    }
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
