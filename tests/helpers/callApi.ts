import type { Api } from '../../electron/services/api/createApi';
import type { Caller } from '../../electron/services/api/caller';
import type { Message, User } from '../../shared/contract/domain';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods';

/** A call that must succeed, typed as the contract says, made by `caller` (the desk's owner by default); a refusal fails the test with its message. */
export async function ok<M extends MethodName>(api: Api, method: M, input: MethodInput<M>, caller?: Caller): Promise<MethodOutput<M>> {
  const result = await api.call(method, input, caller ?? (await api.deskCaller(null)));
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/** Calls made by one person (on a console of their own: `sessionId`). */
export function as(api: Api, person: User, sessionId: string | null = null) {
  const caller: Caller = { person, sessionId };
  return {
    caller,
    ok: <M extends MethodName>(method: M, input: MethodInput<M>) => ok(api, method, input, caller),
    /** Any call, valid or not, answered as it comes. */
    call: (method: unknown, input: unknown) => api.call(method, input, caller),
  };
}

/**
 * Sends a reply or note the way an agent who means to send it does: if the draft check stops a
 * reply, they send it anyway. Returns the message stored; the send must succeed.
 */
export async function sendAnyway(api: Api, input: Omit<MethodInput<'conversations.send'>, 'draftCheck'>, given?: Caller): Promise<Message> {
  const caller = given ?? (await api.deskCaller(null));
  let result = await ok(api, 'conversations.send', input, caller);
  if (result.outcome === 'check') {
    const shown = result.findings.map((finding) => ({ check: finding.check, better: finding.better }));
    result = await ok(api, 'conversations.send', { ...input, draftCheck: { decision: 'send-anyway', shown } }, caller);
  }
  if (result.outcome !== 'sent') throw new Error('conversations.send did not send');
  return result.message;
}
