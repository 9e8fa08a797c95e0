/**
 * Plans the everyday traffic of a year: which customer gets in touch, when, on which channel,
 * about what, how it goes and where it stands now (older ones resolved, recent ones still moving).
 */
import type { Channel, ConversationStatus } from '../../../shared/contract/domain';
import { AGENTS } from './brand';
import { PRODUCTS } from './catalogue';
import { DAY, MINUTE, atTimeOfDay } from './clock';
import type { ConversationPlan, Script } from './conversationPlan';
import { conversationDetails, type OrderNumbers } from './conversationDetails';
import { composeCall, composeChat, composeEmail, type ComposeInput, type Ending } from './everydayScripts';
import type { DemoCustomer } from './people';
import type { Random } from './seededRandom';
import { TOPICS } from './topics';

export interface EverydayInput {
  rng: Random;
  now: number;
  customers: readonly DemoCustomer[];
  count: number;
  orders: OrderNumbers;
}

/** Conversations younger than this may still be open, pending or snoozed. */
const RECENT_DAYS = 21;
/** Even the most regular customer gets in touch at most this often in a year. */
const MAX_CONTACTS = 10;

export function planEverydayConversations({ rng, now, customers, count, orders }: EverydayInput): ConversationPlan[] {
  return contactsPerCustomer(rng, customers, count).flatMap((contacts, index) => {
    const customer = customers[index];
    if (!customer) return [];
    return Array.from({ length: contacts }, () => planOne(rng, now, customer, orders));
  });
}

/** Everyone gets in touch at least once; some are regulars. */
function contactsPerCustomer(rng: Random, customers: readonly DemoCustomer[], count: number): number[] {
  const counts = customers.map(() => 1);
  const weights = customers.map(() => rng.pick([0, 0, 1, 1, 2, 3, 5]));
  const total = weights.reduce((sum, w) => sum + w, 0);
  let left = count - customers.length;
  for (let tries = 0; left > 0 && total > 0 && tries < count * 20; tries += 1) {
    let roll = rng.next() * total;
    const index = weights.findIndex((w) => (roll -= w) < 0);
    const at = index < 0 ? weights.length - 1 : index;
    if ((counts[at] ?? 0) >= MAX_CONTACTS) continue;
    counts[at] = (counts[at] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}

function planOne(rng: Random, now: number, customer: DemoCustomer, orders: OrderNumbers): ConversationPlan {
  const channel = rng.weighted<Channel>(customer.channelWeights);
  const topic = rng.weighted(Object.fromEntries(TOPICS.map((t) => [t.id, t.weight])));
  const chosen = TOPICS.find((t) => t.id === topic) ?? TOPICS[0];
  if (!chosen) throw new Error('No demo topics');
  const start = startTime(rng, now);
  const status: ConversationStatus =
    now - start > RECENT_DAYS * DAY ? 'resolved' : rng.weighted({ resolved: 40, open: 30, pending: 20, snoozed: 10 });
  const topicCase = rng.pick(chosen.cases);
  let arc = rng.weighted(chosen.arcs);
  if (arc === 'unresolved' && !topicCase.emailDecline) arc = 'answered';
  const agent = rng.pick(AGENTS);
  const products = chosen.product === 'flatpack' ? PRODUCTS.filter((p) => p.flatpack) : PRODUCTS;
  const slots = conversationDetails({ rng, orders, customer, agent, product: rng.pick(products), start });
  const ending: Ending =
    status === 'open' ? 'awaitingAgent' : status === 'resolved' && (channel === 'chat' || rng.chance(0.7)) ? 'full' : 'agentLast';
  const input: ComposeInput = {
    topic: chosen,
    topicCase,
    arc,
    ending,
    status,
    slots,
    rng,
    withAsk: chosen.ask !== undefined && rng.chance(0.35),
    withAside: chosen.asides && rng.chance(0.35),
    withNote: rng.chance(0.1),
  };
  const script: Script = channel === 'email' ? composeEmail(input) : channel === 'chat' ? composeChat(input) : composeCall(input);
  const waiting = ending === 'awaitingAgent' && channel !== 'voice';
  return { start, customer, agent, assigned: waiting ? rng.chance(0.4) : rng.chance(0.96), queue: chosen.queue, status, script };
}

/** A time during opening hours in the last year, with a few more in the last fortnight. */
function startTime(rng: Random, now: number): number {
  const daysAgo = rng.chance(0.16) ? rng.int(0, 13) : rng.int(14, 358);
  let start = atTimeOfDay(now - daysAgo * DAY, rng.int(8, 20), rng.int(0, 59));
  if (start > now - 30 * MINUTE) start -= DAY;
  return start;
}
