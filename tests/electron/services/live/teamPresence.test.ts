import { describe, expect, it } from 'vitest';
import { createTeamPresence, HERE } from '../../../../electron/services/live/teamPresence';
import type { ConversationActivity, Presence } from '../../../../shared/contract/live';

function merged() {
  const presence: string[] = [];
  const activity: string[] = [];
  const team = createTeamPresence({
    now: () => 99,
    presenceChanged: (shown: Presence) => presence.push(`${shown.userId}:${shown.state}`),
    activityChanged: (shown: ConversationActivity) => activity.push(`${shown.conversationId}:${shown.name}:${shown.doing ?? 'gone'}`),
  });
  return { team, presence, activity };
}

describe('presence and activity across server processes', () => {
  it('shows the strongest of what the processes say, and tells only when that changes', () => {
    const { team, presence } = merged();
    team.presence('other', { userId: 7, state: 'away', since: 1 });
    team.presence(HERE, { userId: 7, state: 'online', since: 2 });
    team.presence('other', { userId: 7, state: 'offline', since: 3 });
    expect(presence).toEqual(['7:away', '7:online']);
    team.presence(HERE, { userId: 7, state: 'offline', since: 4 });
    expect(presence).toEqual(['7:away', '7:online', '7:offline']);
    expect(team.presenceList()).toEqual([{ userId: 7, state: 'offline', since: 4 }]);
  });

  it('typing on either process is typing; gone from one is not gone while the other still shows them', () => {
    const { team, activity } = merged();
    const at = (doing: ConversationActivity['doing']): ConversationActivity => ({ conversationId: 3, userId: 7, name: 'Aisha', doing });
    team.activity('other', at('viewing'));
    team.activity(HERE, at('typing-reply'));
    team.activity('other', at(null));
    expect(activity).toEqual(['3:Aisha:viewing', '3:Aisha:typing-reply']);
    expect(team.activityList()).toEqual([at('typing-reply')]);
    team.activity(HERE, at(null));
    expect(activity.at(-1)).toBe('3:Aisha:gone');
    expect(team.activityList()).toEqual([]);
  });

  it('what a process alone said ends when it is forgotten', () => {
    const { team, presence, activity } = merged();
    team.presence('other', { userId: 7, state: 'online', since: 1 });
    team.activity('other', { conversationId: 3, userId: 7, name: 'Aisha', doing: 'viewing' });
    team.forget('other');
    expect(presence).toEqual(['7:online', '7:offline']);
    expect(activity).toEqual(['3:Aisha:viewing', '3:Aisha:gone']);
  });
});
