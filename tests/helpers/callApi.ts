import type { Api } from '../../electron/services/api/createApi';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods';

/** A call that must succeed, typed as the contract says; a refusal fails the test with its message. */
export async function ok<M extends MethodName>(api: Api, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await api.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}
