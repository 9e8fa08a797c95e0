import { roleMayCall } from '../../../shared/contract/permissions';
import type { Store } from '../store/store';
import type { DemoTeam } from './demoTeams';

/** The console's assignment (conversations' assign): it writes the conversation's team and person and logs the change. */
export type AssignConversation = (input: { conversationId: number; assigneeId: number | null; teamId: number; user: null }) => Promise<unknown>;

/**
 * Puts the demo's teams into the workspace the way the demo's people go in (users.ensure): a team
 * the workspace has already (the same name, whatever its case) is taken as the demo's and keeps its
 * name and members, the demo's people joining it; the others are made. Then each team's
 * conversations are given to it, keeping their person, who is on it — through `assign`, the path an
 * assignment in the console takes, so each is in the assignment log as one made there is. Only
 * active people who answer customers join a team (as in Settings → Teams), and a conversation whose
 * person is not on the team stays without one. Run again (a load finished after a crash) it changes
 * nothing, and logs nothing: a conversation that has its team and person already is left as it is.
 */
export async function seedDemoTeams(store: Store, teams: readonly DemoTeam[], conversationIds: ReadonlyMap<string, number>, at: number, assign: AssignConversation): Promise<void> {
  const people = new Map<string, number | null>();
  /** The id of the person with this e-mail, if they may be on a team. */
  async function teamMember(email: string): Promise<number | null> {
    if (!people.has(email)) {
      const account = await store.people.byEmail(email);
      people.set(email, account?.active && roleMayCall(account.user.role, 'conversations.send') ? account.user.id : null);
    }
    return people.get(email) ?? null;
  }

  for (const team of teams) {
    const { id } = await store.teams.findByName(team.name) ?? await store.teams.create(team.name, at);
    const before = await store.teams.memberIds(id);
    const members = new Set(before);
    for (const email of team.memberEmails) {
      const userId = await teamMember(email);
      if (userId !== null) members.add(userId);
    }
    if (members.size > before.length) await store.teams.setMembers(id, [...members], at);
    for (const conversation of team.conversations) {
      const conversationId = conversationIds.get(conversation.ref);
      const assigneeId = conversation.assigneeEmail === null ? null : await teamMember(conversation.assigneeEmail);
      if (conversationId === undefined || (conversation.assigneeEmail !== null && (assigneeId === null || !members.has(assigneeId)))) continue;
      const current = await store.conversations.getSummary(conversationId);
      if (current?.team?.id === id && (current.assignee?.id ?? null) === assigneeId) continue;
      await assign({ conversationId, assigneeId, teamId: id, user: null });
    }
  }
}
