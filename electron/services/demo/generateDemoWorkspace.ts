/**
 * The demo workspace: Larkspur Home's staff, their teams and a year of customer conversations (chat,
 * email and voice) as IngestMessages for the ingestion service. Pure and deterministic: the same seed and
 * `now` always give exactly the same workspace.
 */
import type { IngestMessage } from '../../../shared/contract/ingestion';
import { STAFF } from './brand';
import { OrderNumbers } from './conversationDetails';
import { planDemoTeams, type DemoTeam } from './demoTeams';
import { planEverydayConversations } from './everydayPlans';
import { PeopleFactory } from './people';
import { renderConversation } from './renderConversation';
import { createRandom } from './seededRandom';
import { storyArcPlans } from './storyArcs';

export interface DemoUser {
  name: string;
  email: string;
  role: 'agent' | 'supervisor' | 'executive';
}

export interface DemoWorkspace {
  users: DemoUser[];
  /** The staff's teams (by name, members by e-mail) and the conversations (by external ref) in each one's queue. */
  teams: DemoTeam[];
  /** Sorted by sentAt, oldest first. */
  messages: IngestMessage[];
}

export const DEFAULT_DEMO_SEED = 20261123;

/** Customers besides the four in the story arcs. */
const EVERYDAY_CUSTOMERS = 76;
/** Conversations besides the story arcs' fourteen. */
const EVERYDAY_CONVERSATIONS = 326;

export function generateDemoWorkspace(options: { seed: number; now: number }): DemoWorkspace {
  const { now } = options;
  const rng = createRandom(options.seed);
  const people = new PeopleFactory(rng);
  const orders = new OrderNumbers(rng);
  const story = storyArcPlans({ now, people, orders });
  const customers = Array.from({ length: EVERYDAY_CUSTOMERS }, () => people.random());
  const everyday = planEverydayConversations({ rng, now, customers, count: EVERYDAY_CONVERSATIONS, orders });
  const plans = [...story, ...everyday].sort((a, b) => a.start - b.start);
  const refs = plans.map((_plan, index) => `demo-${String(index + 1).padStart(4, '0')}`);
  const messages = plans.flatMap((plan, index) => renderConversation(plan, refs[index]!, rng.int(1, 2 ** 31 - 1), now));
  messages.sort((a, b) => a.message.sentAt - b.message.sentAt);
  return { users: STAFF.map(({ name, email, role }) => ({ name, email, role })), teams: planDemoTeams(plans, refs), messages };
}
