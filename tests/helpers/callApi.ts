import type { Api } from '../../electron/services/api/createApi';
import type { Message } from '../../shared/contract/domain';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods';

/** A call that must succeed, typed as the contract says; a refusal fails the test with its message. */
export async function ok<M extends MethodName>(api: Api, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await api.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/**
 * Sends a reply or note the way an agent who means to send it does: if the draft check stops a
 * reply, they send it anyway. Returns the message stored; the send must succeed.
 */
export async function sendAnyway(api: Api, input: Omit<MethodInput<'conversations.send'>, 'draftCheck'>): Promise<Message> {
  let result = await ok(api, 'conversations.send', input);
  if (result.outcome === 'check') {
    const shown = result.findings.map((finding) => ({ check: finding.check, better: finding.better }));
    result = await ok(api, 'conversations.send', { ...input, draftCheck: { decision: 'send-anyway', shown } });
  }
  if (result.outcome !== 'sent') throw new Error('conversations.send did not send');
  return result.message;
}
