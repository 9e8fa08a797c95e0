// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { useClient } from '../../../../renderer/src/api/ClientContext';
import { queryKeys } from '../../../../renderer/src/app/queryKeys';
import { AssigneeControl } from '../../../../renderer/src/features/conversation/AssigneeControl';
import { useConversationActions } from '../../../../renderer/src/features/conversation/useConversationActions';
import { TeamSettings } from '../../../../renderer/src/features/teams/TeamSettings';
import type { ConversationDetail, ConversationSummary, Role, User } from '../../../../shared/contract/domain';
import type { MethodInput } from '../../../../shared/contract/methods';
import type { Team } from '../../../../shared/contract/teams';
import { missingParcel, workspaceStatusFor } from '../../../helpers/consoleFixtures';
import { renderWithMantine } from '../../../helpers/renderWithMantine';
import { fakeClient, withClient } from '../customer/fakeClient';

afterEach(cleanup);

const aisha: User = { id: 1, name: 'Aisha Khan', email: 'aisha@larkspur.example', role: 'agent' };
const bilal: User = { id: 2, name: 'Bilal Haddad', email: 'bilal@larkspur.example', role: 'agent' };
const ada: User = { id: 3, name: 'Ada Brooks', email: 'ada@larkspur.example', role: 'admin' };
const carla: User = { id: 4, name: 'Carla Diaz', email: 'carla@larkspur.example', role: 'agent' };

const status = workspaceStatusFor;
const summary = missingParcel;

const returns: Team = { id: 5, name: 'Returns', open: 3, members: [{ id: aisha.id, name: aisha.name, role: 'agent' }, { id: bilal.id, name: bilal.name, role: 'agent' }] };

/** The conversation header's assignee control, reading the conversation as the console does. */
function Header() {
  const client = useClient();
  const detail = useQuery({ queryKey: queryKeys.conversation(70), queryFn: () => client.call('conversations.get', { id: 70 }) });
  const { take, assign } = useConversationActions(70);
  if (!detail.data) return null;
  return <AssigneeControl conversation={detail.data.conversation} actions={{ take, assign }} commandsEnabled={false} />;
}

/**
 * A workspace of one conversation, as the Node side would answer `me`: the conversation as `start`
 * says; the teams listed once `teamsListed` has resolved.
 */
function workspace(me: User, { start = summary, teamsListed = Promise.resolve() }: { start?: ConversationSummary; teamsListed?: Promise<void> } = {}) {
  let conversation = start;
  let teams: Team[] = [returns];
  const fake = fakeClient({
    'workspace.status': () => status(me),
    'conversations.get': () => ({ conversation, customer: { id: 7, displayName: 'Sam Carter', createdAt: 0, identities: [] }, messages: [], olderCount: 0, newerCount: 0, draft: null, drafts: { reply: null, note: null }, draftsSentAs: { reply: null, note: null }, activeCallStartedAt: null }) satisfies ConversationDetail,
    'conversations.assignees': () => [aisha, bilal, carla].map((user) => ({ user, open: 2 })),
    'teams.list': async () => {
      await teamsListed;
      return teams;
    },
    'conversations.assign': (input: MethodInput<'conversations.assign'>) => {
      const team = input.teamId === undefined ? conversation.team : input.teamId === null ? null : { id: input.teamId, name: teams.find((t) => t.id === input.teamId)!.name };
      const person = input.assignee === null ? null : [aisha, bilal, carla].find((user) => user.id === input.assignee)!;
      conversation = { ...conversation, team, assignee: person && { id: person.id, name: person.name } };
      return conversation;
    },
    'teams.delete': (input: MethodInput<'teams.delete'>) => {
      teams = teams.filter((team) => team.id !== input.id);
      return { id: input.id, unassigned: 3 };
    },
    'teams.create': (input: MethodInput<'teams.create'>) => {
      const team: Team = { id: 9, name: input.name.trim(), open: 0, members: (input.memberIds ?? []).map((id) => ({ ...[aisha, bilal].find((user) => user.id === id)!, role: 'agent' as Role })).map(({ id, name, role }) => ({ id, name, role })) };
      teams = [...teams, team];
      return team;
    },
  });
  return fake;
}

describe('assigning to a team', () => {
  it('lists the teams beside the people in "Assign to"; choosing one puts the conversation in the team’s queue, and the header shows the team', async () => {
    const fake = workspace(aisha);
    renderWithMantine(withClient(fake.client, <Header />));
    fireEvent.click(await screen.findByRole('button', { name: 'Unassigned: change who has it' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByText('Teams')).toBeTruthy();
    expect(within(menu).getByText('People')).toBeTruthy();
    fireEvent.click(await within(menu).findByRole('menuitem', { name: 'Team Returns' }));
    await waitFor(() => expect(fake.callsOf('conversations.assign')).toEqual([{ id: 70, teamId: returns.id, assignee: null }]));
    // the header reads the conversation again: the team shows, nobody has it yet, so it can still be taken
    expect(await screen.findByLabelText('Team: Returns')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Take/ })).toBeTruthy();
    // choosing a person now keeps the team
    fireEvent.click(screen.getByRole('button', { name: 'Unassigned: change who has it' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: /Bilal Haddad/ }));
    await waitFor(() => expect(fake.callsOf('conversations.assign').at(-1)).toEqual({ id: 70, assignee: bilal.id }));
    expect(await screen.findByRole('button', { name: 'Bilal Haddad: change who has it' })).toBeTruthy();
    expect(screen.getByLabelText('Team: Returns')).toBeTruthy();
  });

  it('offers a conversation of a team only to people on the team (the Node side refuses anyone else); out of the team, to anyone', async () => {
    const fake = workspace(aisha);
    renderWithMantine(withClient(fake.client, <Header />));
    fireEvent.click(await screen.findByRole('button', { name: 'Unassigned: change who has it' }));
    fireEvent.click(await within(await screen.findByRole('menu')).findByRole('menuitem', { name: 'Team Returns' }));
    expect(await screen.findByLabelText('Team: Returns')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unassigned: change who has it' }));
    const carlaItem = await screen.findByRole('menuitem', { name: /Carla Diaz/ });
    expect(carlaItem.getAttribute('data-disabled')).toBe('true');
    expect(carlaItem.textContent).toContain('not on Returns');
    expect((await screen.findByRole('menuitem', { name: /Bilal Haddad/ })).getAttribute('data-disabled')).toBeNull();
    fireEvent.click(carlaItem);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Remove from Returns' }));
    await waitFor(() => expect(fake.callsOf('conversations.assign').at(-1)).toEqual({ id: 70, teamId: null, assignee: null }));
    await waitFor(() => expect(screen.queryByLabelText('Team: Returns')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Unassigned: change who has it' }));
    expect((await screen.findByRole('menuitem', { name: /Carla Diaz/ })).getAttribute('data-disabled')).toBeNull();
    expect(fake.callsOf('conversations.assign').map((call) => call.assignee)).not.toContain(carla.id);
  });

  it('offers Take on a conversation of a team only to someone on it: anyone else sees it disabled, and why', async () => {
    const fake = workspace(carla);
    renderWithMantine(withClient(fake.client, <Header />));
    // of no team, anyone takes it
    expect((await screen.findByRole('button', { name: /^Take/ })).hasAttribute('disabled')).toBe(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Unassigned: change who has it' }));
    fireEvent.click(await within(await screen.findByRole('menu')).findByRole('menuitem', { name: 'Team Returns' }));
    expect(await screen.findByLabelText('Team: Returns')).toBeTruthy();
    // in Returns' queue, Carla (not on Returns) is told why she cannot take it
    await waitFor(() => expect(screen.getByRole('button', { name: /^Take/ }).hasAttribute('disabled')).toBe(true));
    expect(screen.getByRole('button', { name: /^Take/ }).getAttribute('aria-describedby')).toBe('take-why-70');
    expect(screen.getByText('you are not on Returns')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Take/ }));
    expect(fake.callsOf('conversations.take')).toEqual([]);
    cleanup();
    // Aisha, on Returns, may
    renderWithMantine(withClient(workspace(aisha).client, <Header />));
    fireEvent.click(await screen.findByRole('button', { name: 'Unassigned: change who has it' }));
    fireEvent.click(await within(await screen.findByRole('menu')).findByRole('menuitem', { name: 'Team Returns' }));
    expect(await screen.findByLabelText('Team: Returns')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Take/ }).hasAttribute('disabled')).toBe(false);
    expect(screen.queryByText('you are not on Returns')).toBeNull();
  });

  it('disables nobody as "not on" the conversation’s team while the teams are still loading; once they have, those off the team', async () => {
    let listTeams!: () => void;
    const fake = workspace(aisha, { start: { ...summary, team: { id: returns.id, name: returns.name } }, teamsListed: new Promise<void>((resolve) => (listTeams = resolve)) });
    renderWithMantine(withClient(fake.client, <Header />));
    fireEvent.click(await screen.findByRole('button', { name: 'Unassigned: change who has it' }));
    const carlaItem = await screen.findByRole('menuitem', { name: /Carla Diaz/ });
    // asked, not yet answered: who is on the team is not known, so not said
    expect(fake.callsOf('teams.list')).toHaveLength(1);
    expect(carlaItem.getAttribute('data-disabled')).toBeNull();
    expect(carlaItem.textContent).not.toContain('not on');
    listTeams();
    await waitFor(() => expect(carlaItem.getAttribute('data-disabled')).toBe('true'));
    expect(carlaItem.textContent).toContain('not on Returns');
    expect((await screen.findByRole('menuitem', { name: /Bilal Haddad/ })).getAttribute('data-disabled')).toBeNull();
  });

  it('lets an admin make a team with members in Settings; an agent sees the teams but no way to change them', async () => {
    const admin = workspace(ada);
    renderWithMantine(withClient(admin.client, <TeamSettings />));
    expect(await screen.findByText('Aisha Khan, Bilal Haddad')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New team' }));
    fireEvent.change(screen.getByLabelText('Team name'), { target: { value: '  Billing ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create team' }));
    await waitFor(() => expect(admin.callsOf('teams.create')).toEqual([{ name: 'Billing', memberIds: [] }]));
    expect(await screen.findByText('Billing')).toBeTruthy();
    // deleting asks first, saying what becomes of its conversations
    fireEvent.click(screen.getByRole('button', { name: 'Delete Returns' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the team “Returns”?' });
    expect(dialog.textContent).toContain('Its 3 open conversations (and any it closed) keep whoever has them and have no team.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete team' }));
    await waitFor(() => expect(admin.callsOf('teams.delete')).toEqual([{ id: returns.id }]));
    await waitFor(() => expect(screen.queryByText('Aisha Khan, Bilal Haddad')).toBeNull());
    cleanup();

    const agent = workspace(aisha);
    renderWithMantine(withClient(agent.client, <TeamSettings />));
    expect(await screen.findByText('Returns')).toBeTruthy();
    expect(screen.getByText(/Only an admin can make, rename, staff or delete teams/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New team' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete Returns' })).toBeNull();
  });
});
