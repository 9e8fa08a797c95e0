import { AppShell, Center, Group, Loader, NavLink, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useCallback, useEffect, useRef } from 'react';
import { DEFAULT_INBOX_PLACE } from '../../../shared/contract/views';
import { useClient } from '../api/ClientContext';
import type { WorkspaceStatus } from '../../../shared/contract/domain';
import { CommandPalette, type ExtraAction } from '../features/commands/CommandPalette';
import { useCommand } from '../features/commands/CommandProvider';
import { BacklogIndicator } from '../features/analysis/BacklogIndicator';
import { CustomersPage } from '../features/customers/CustomersPage';
import { InboxPage } from '../features/inbox/InboxPage';
import { EmptyInbox } from '../features/onboarding/EmptyInbox';
import { inboxHash } from '../features/inbox/inboxPlace';
import { ComingLater } from '../features/later/ComingLater';
import { SettingsPage } from '../features/settings/SettingsPage';
import { personLabel, useViewablePeople, useViewAs, ViewAs } from '../features/shell/ViewAs';
import { AccountMenu } from '../features/accounts/AccountMenu';
import { useSignedIn } from '../features/accounts/SignedInContext';
import { confirmLeave } from '../features/shell/leaveGuard';
import { PAGES, type PageId } from './pages';
import { queryKeys } from './queryKeys';
import { navigate, onRouteChange, parseRoute, routeHash, useRoutePage } from './route';
import { PaneBoundary } from '../lib/PaneBoundary';

function Page({ page, status, setPage }: { page: PageId; status: WorkspaceStatus; setPage: (page: PageId) => void }) {
  switch (page) {
    case 'inbox':
      return status.counts.conversations === 0 ? <EmptyInbox openSettings={() => setPage('settings')} /> : <InboxPage />;
    case 'customers':
      return <CustomersPage />;
    case 'settings':
      return <SettingsPage status={status} />;
    default:
      return <ComingLater page={page} />;
  }
}

export function Shell({ status }: { status: WorkspaceStatus }) {
  const client = useClient();
  // the page (and the inbox's place) is the address's; an address without one opens where this person left the inbox
  // (the page alone: what the inbox shows is the inbox's, so opening a conversation does not draw the shell again)
  const routePage = useRoutePage();
  const views = useQuery({ queryKey: queryKeys.views, queryFn: () => client.call('views.list', {}) });
  const remembered = views.isPending ? undefined : inboxHash(views.data?.last ?? DEFAULT_INBOX_PLACE);
  useEffect(() => {
    if (routePage === null && remembered !== undefined) navigate(remembered, { replace: true });
  }, [routePage, remembered]);
  // the inbox as it was last seen in this window, to come back to from another page
  const inboxSeen = useRef<string | null>(null);
  useEffect(() => {
    const note = () => {
      if (parseRoute(window.location.hash)?.page === 'inbox') inboxSeen.current = window.location.hash;
    };
    note();
    return onRouteChange(note);
  }, []);
  const page = routePage ?? 'inbox';
  // a page with unsaved work (the playbook) is asked before it is left
  const setPage = useCallback(
    (next: PageId) => {
      if (next !== page && !confirmLeave()) return;
      navigate(next === 'inbox' ? (inboxSeen.current ?? remembered ?? inboxHash(DEFAULT_INBOX_PLACE)) : routeHash(next));
    },
    [page, remembered],
  );
  const viewAs = useViewAs();
  const people = useViewablePeople(status);
  // on a team server the signed-in person is who acts: an account menu, no "view as"
  const account = useSignedIn();
  useCommand('go.inbox', () => setPage('inbox'));
  useCommand('go.settings', () => setPage('settings'));
  const extra: ExtraAction[] = [
    // Inbox and Settings are commands with keys of their own; the other pages are reached from here
    ...PAGES.filter(({ id }) => id !== 'inbox' && id !== 'settings').map(({ id, label }) => ({ id: `go-${id}`, label: `Go to ${label}`, run: () => setPage(id) })),
    // the desk's "view as", from the palette too (never on a team server)
    ...(status.canViewAs
      ? (people.data ?? [])
          .filter((user) => user.id !== status.currentUser?.id && user.id !== status.viewingAs?.id)
          .map((user) => ({ id: `view-as-${user.id}`, label: `View as ${personLabel(user)}`, run: () => viewAs.mutate(user.id) }))
      : []),
    ...(status.viewingAs ? [{ id: 'view-as-stop', label: `Stop viewing as ${status.viewingAs.name}`, run: () => viewAs.mutate(null) }] : []),
  ];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding={0}>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="xs">
            <IconHeartHandshake size={26} color="var(--mantine-color-teal-7)" aria-hidden />
            <Title order={1} size="h3">
              Kinship
            </Title>
          </Group>
          <Group gap="md">
            <PaneBoundary what="The backlog indicator" compact>
              <BacklogIndicator />
            </PaneBoundary>
            {account ? <AccountMenu account={account} /> : <ViewAs status={status} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {PAGES.map(({ id, label, icon: Icon }) => (
          <NavLink
            key={id}
            component="button"
            label={label}
            leftSection={<Icon size={18} aria-hidden />}
            active={page === id}
            aria-current={page === id ? 'page' : undefined}
            onClick={() => setPage(id)}
          />
        ))}
      </AppShell.Navbar>
      <CommandPalette extra={extra} />
      <AppShell.Main h="100vh">
        <PaneBoundary what={`The ${PAGES.find(({ id }) => id === page)?.label ?? page} page`} resetKeys={[page]}>
          {routePage !== null ? (
            <Page page={page} status={status} setPage={setPage} />
          ) : (
            <Center h="100%">
              <Loader aria-label="Opening the inbox where you left it" />
            </Center>
          )}
        </PaneBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
