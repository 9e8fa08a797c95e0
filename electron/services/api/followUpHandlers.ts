import { ApiError } from '../../../shared/contract/errors';
import { isPastDue, PAST_DUE_MESSAGE } from '../../../shared/followUpDue';
import type { EventBus } from '../events/eventBus';
import { detectPromises } from '../followups';
import type { Handlers } from './dispatch';
import type { ReadyWorkspace } from './workspace';

type FollowUpHandlers = Pick<Handlers, 'followUps.create' | 'followUps.close' | 'followUps.detect'>;

/** Promises to customers: found in sent replies and offered, added by hand, kept or cancelled. */
export function createFollowUpHandlers(ready: () => ReadyWorkspace, bus: EventBus, now: () => number): FollowUpHandlers {
  return {
    'followUps.create': async ({ customerId, conversationId, messageId, description, dueAt }, caller) => {
      const { store } = ready();
      if (isPastDue(dueAt, now())) {
        // a promise due before it was made would count as broken the moment it is saved (shared/followUpDue.ts)
        throw new ApiError('invalid-input', 'A follow-up must be due from now on, not in the past.', [{ path: 'dueAt', message: PAST_DUE_MESSAGE }]);
      }
      if (!await store.customers.getById(customerId)) throw new ApiError('not-found', `There is no customer ${customerId}.`);
      if (conversationId !== null && (await store.conversations.getSummary(conversationId))?.customer.id !== customerId) {
        throw new ApiError('not-found', `Customer ${customerId} has no conversation ${conversationId}.`);
      }
      if (messageId !== null) {
        const message = await store.messages.getById(messageId);
        if (!message || (conversationId !== null && message.conversationId !== conversationId)) throw new ApiError('not-found', `There is no message ${messageId} in that conversation.`);
        const same = (await store.followUps.listForMessage(messageId)).find((existing) => existing.description === description);
        if (same) throw new ApiError('conflict', 'That promise is already a follow-up.');
      }
      const at = now();
      const user = caller.person;
      const id = await store.transaction(async () => {
        const created = await store.followUps.create({ customerId, conversationId, messageId, createdBy: user.id, description, dueAt, createdAt: at });
        await store.sessionEvents.append({ at, kind: 'follow-up.added', conversationId, messageId, userId: user.id, payload: { followUpId: created, description, dueAt } });
        return created;
      });
      bus.emit('followUps.changed', { customerId });
      return (await store.followUps.getById(id))!;
    },
    'followUps.close': async ({ id, status }, caller) => {
      const { store } = ready();
      const followUp = await store.followUps.getById(id);
      if (!followUp) throw new ApiError('not-found', `There is no follow-up ${id}.`);
      if (followUp.status !== 'open') throw new ApiError('conflict', `That follow-up is already ${followUp.status}.`);
      const at = now();
      await store.transaction(async () => {
        // closed by someone else since it was read: their close stands, and this one is told so
        if (!await store.followUps.close(id, status, at)) throw new ApiError('conflict', 'That follow-up was closed by someone else just now.');
        await store.sessionEvents.append({ at, kind: 'follow-up.closed', conversationId: followUp.conversationId, messageId: followUp.messageId, userId: caller.person.id, payload: { followUpId: id, status } });
      });
      bus.emit('followUps.changed', { customerId: followUp.customerId });
      return (await store.followUps.getById(id))!;
    },
    'followUps.detect': async ({ messageId }) => {
      const { store } = ready();
      const message = await store.messages.getById(messageId);
      if (!message) throw new ApiError('not-found', `There is no message ${messageId}.`);
      if (message.author !== 'agent') return [];
      // a promise already made a follow-up is not offered again
      const taken = new Set((await store.followUps.listForMessage(messageId)).map((followUp) => followUp.description));
      return detectPromises(message.body, message.sentAt).filter((found) => !taken.has(found.description));
    },
  };
}
