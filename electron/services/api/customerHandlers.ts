import { ApiError } from '../../../shared/contract/errors';
import type { Channel } from '../../../shared/contract/domain';
import type { ConnectionService } from '../connection';
import type { Handlers } from './dispatch';
import type { ReadyWorkspace } from './workspace';

/** The longest history the customer panel lists in one go. */
const TIMELINE_LIMIT = 500;

/** The customer panel: identities across channels, the whole history as one timeline, follow-ups. */
export function createCustomerHandlers(
  ready: () => ReadyWorkspace,
  connection: () => ConnectionService,
  now: () => number,
): Pick<Handlers, 'customers.profile' | 'customers.connection' | 'customers.list'> {
  return {
    'customers.connection': async ({ id }) => {
      const index = await connection().current(id);
      if (!index) throw new ApiError('not-found', `There is no customer ${id}.`);
      return index;
    },
    'customers.list': async ({ stage, name, sort, limit, offset }) => {
      const { store } = ready();
      const page = await store.connection.list({ stage, name }, sort, limit, offset, now());
      return { ...page, byStage: await store.connection.countByStage() };
    },
    'customers.profile': async ({ id }) => {
      const { store } = ready();
      const customer = await store.customers.getById(id);
      if (!customer) throw new ApiError('not-found', `There is no customer ${id}.`);
      const { items: timeline, total } = await store.conversations.list({ customerId: id }, TIMELINE_LIMIT, 0);
      const byChannel: Record<Channel, number> = { chat: 0, email: 0, voice: 0 };
      for (const conversation of timeline) byChannel[conversation.channel] += 1;
      const times = timeline.map((conversation) => conversation.createdAt);
      return {
        customer,
        timeline,
        followUps: await store.followUps.listForCustomer(id),
        contacts: {
          total,
          byChannel,
          first: times.length ? Math.min(...times) : null,
          last: timeline[0]?.lastMessage?.sentAt ?? null,
        },
      };
    },
  };
}
