/**
 * Larkspur Home's two teams, by product area, and which of the demo's conversations sit in a
 * team's queue: every one still moving (not resolved) in a team's queues that is nobody's yet or is
 * already with someone on that team (a conversation keeps a person only if they are on its team).
 * The rest stay without a team, so the queue shows both.
 */
import { agentNamed, SUPERVISOR, type StaffMember } from './brand';
import type { ConversationPlan, Queue } from './conversationPlan';

interface TeamPlan {
  name: string;
  queues: readonly Queue[];
  members: readonly StaffMember[];
}

/**
 * Order Care has everything after an order (deliveries, returns, billing), Product Help the questions
 * about what Larkspur sells. Hannah, the team lead (and the desk's owner), is on Order Care: "My teams"
 * shows her its queue. Names short enough to show whole on a queue row's badge.
 */
const TEAMS: readonly TeamPlan[] = [
  { name: 'Order Care', queues: ['orders', 'returns', 'billing'], members: [agentNamed('Aisha'), agentNamed('Tom'), agentNamed('Liam'), SUPERVISOR] },
  { name: 'Product Help', queues: ['general'], members: [agentNamed('Sofia'), agentNamed('Grace')] },
];

export interface DemoTeamConversation {
  /** The conversation's external ref (demo-0001). */
  ref: string;
  /** Whom it is assigned to besides the team (someone on it), or null: the team's alone. */
  assigneeEmail: string | null;
}

export interface DemoTeam {
  name: string;
  memberEmails: string[];
  conversations: DemoTeamConversation[];
}

/** The teams, each with the conversations (by ref) given to it: `plans[i]` is the conversation `refs[i]`. */
export function planDemoTeams(plans: readonly ConversationPlan[], refs: readonly string[]): DemoTeam[] {
  return TEAMS.map((team) => {
    const conversations: DemoTeamConversation[] = [];
    plans.forEach((plan, index) => {
      if (plan.status === 'resolved' || !team.queues.includes(plan.queue)) return;
      if (plan.assigned && !team.members.some((member) => member.email === plan.agent.email)) return;
      conversations.push({ ref: refs[index]!, assigneeEmail: plan.assigned ? plan.agent.email : null });
    });
    return { name: team.name, memberEmails: team.members.map((member) => member.email), conversations };
  });
}
