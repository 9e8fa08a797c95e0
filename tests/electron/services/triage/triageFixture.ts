import { createApi } from '../../../../electron/services/api/createApi';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { Store } from '../../../../electron/services/store/store';
import type { Channel, MessageAuthor } from '../../../../shared/contract/domain';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { as } from '../../../helpers/callApi';
import { manualScheduler } from '../../../helpers/manualScheduler';
import { testStore } from '../../../helpers/testStore';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const NOW = Date.UTC(2026, 10, 23, 12, 0);

/**
 * A workspace with an agent and a supervisor, a clock that moves only with the manual scheduler
 * (now = NOW + the scheduler's time), and a way to write messages into conversations.
 */
export async function triageWorkspace(given?: Store, options: { startAt?: number } = {}) {
  const store = given ?? (await testStore());
  const bus = createEventBus();
  const events: KinshipEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const ingestion = createIngestionService(store, bus);
  if (!await store.users.firstWithRole('agent')) {
    await store.users.create({ name: 'Priya Shah', email: 'priya@kinship.example', role: 'agent' }, NOW - DAY);
    await store.users.create({ name: 'Sam Okoro', email: 'sam@kinship.example', role: 'supervisor' }, NOW - DAY);
  }
  const scheduler = manualScheduler();
  const now = () => (options.startAt ?? NOW) + scheduler.now();
  const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now, scheduler });
  let serial = 0;
  async function write(ref: string, author: MessageAuthor, sentAt: number, channel: Channel = 'chat', body = `message ${++serial}`) {
    return (await ingestion.ingest({
      channel,
      customer: { displayName: `Customer ${ref}`, identities: [{ kind: channel === 'email' ? 'email' : channel === 'voice' ? 'phone' : 'chat', value: channel === 'email' ? `${ref}@example.com` : channel === 'voice' ? `+4420${ref.replace(/\D/g, '').padStart(7, '0')}` : ref }] },
      conversation: { externalRef: ref },
      message: { author, body, sentAt, externalId: `${ref}-${++serial}`, ...(author === 'customer' ? {} : { authorName: 'Priya Shah', authorEmail: 'priya@kinship.example' }) },
    })).conversationId;
  }
  // the desk's owner (the supervisor) makes the calls unless a test says otherwise
  const priya = as(api, (await store.users.firstWithRole('agent'))!);
  return { api, priya, store, bus, events, scheduler, now, ingestion, write };
}
