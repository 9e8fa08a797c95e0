import { Center, Loader } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { INVITE_HASH, SETUP_HASH, type SignedIn } from '../../../../shared/contract/people';
import { accountsApi, AccountError } from '../../api/accountsApi';
import { createClient, type KinshipClient } from '../../api/client';
import { createWebSocketTransport } from '../../api/webSocketTransport';
import { createConsoleQueryClient } from '../../app/consoleQueryClient';
import { HostUnreachable } from '../workspace/HostUnreachable';
import { OneTimeLinkPage } from './OneTimeLinkPage';
import { SignedInContext, type SignedInState } from './SignedInContext';
import { SignInPage } from './SignInPage';

type Link = { kind: 'setup' | 'invite'; token: string };

type State =
  | { kind: 'checking' }
  | { kind: 'signed-out'; notice: string | null; needsFirstAdmin: boolean }
  | { kind: 'link'; link: Link }
  | { kind: 'signed-in'; signedIn: SignedIn; client: KinshipClient; queryClient: QueryClient; close(): void }
  | { kind: 'unreachable'; message: string };

/** A one-time link in the address (#setup=… or #invite=…), taken out of it so it is not bookmarked or shared. */
function takeLink(): Link | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const setup = params.get(SETUP_HASH);
  const invite = params.get(INVITE_HASH);
  const link: Link | null = setup ? { kind: 'setup', token: setup } : invite ? { kind: 'invite', token: invite } : null;
  if (link) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return link;
}

/**
 * The console on a team server: the sign-in page (or a setup or invitation link's page) until
 * someone is signed in, then the console over a connection of theirs. When the session ends —
 * signed out here or in another tab, expired, or the person deactivated — the connection and
 * everything this browser held of theirs are dropped, and the sign-in page shows again.
 */
export function TeamConsole({ notTeamMessage, renderConsole }: { notTeamMessage: string; renderConsole(client: KinshipClient, queryClient: QueryClient): ReactNode }) {
  const initialLink = useRef<Link | null | undefined>(undefined);
  if (initialLink.current === undefined) initialLink.current = takeLink();
  const [state, setState] = useState<State>(() => (initialLink.current ? { kind: 'link', link: initialLink.current } : { kind: 'checking' }));
  const signingOut = useRef(false);

  const signedOut = useCallback((notice: string | null) => {
    setState((was) => {
      if (was.kind === 'signed-in') {
        was.close();
        was.queryClient.clear();
      }
      return { kind: 'signed-out', notice, needsFirstAdmin: false };
    });
  }, []);

  const signedInAs = useCallback(
    (signedIn: SignedIn) => {
      signingOut.current = false;
      const transport = createWebSocketTransport(null, window.location.origin, () => signedOut(signingOut.current ? 'You are signed out.' : 'Your session has ended: sign in again.'), {
        // reconnecting after a sleep: a session that ended meanwhile shows the sign-in page, not a banner for ever
        sessionLive: () => accountsApi.session().then(
          () => true,
          (error: unknown) => !(error instanceof AccountError && error.code === 'unauthenticated'),
        ),
      });
      setState({ kind: 'signed-in', signedIn, client: createClient(transport), queryClient: createConsoleQueryClient(), close: () => transport.close() });
    },
    [signedOut],
  );

  useEffect(() => {
    if (state.kind !== 'checking') return;
    let live = true;
    accountsApi.session().then(
      (signedIn) => live && signedInAs(signedIn),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof AccountError && error.code === 'unauthenticated') setState({ kind: 'signed-out', notice: null, needsFirstAdmin: error.needsFirstAdmin });
        else setState({ kind: 'unreachable', message: error instanceof AccountError && error.code === 'not-a-team-server' ? notTeamMessage : String((error as Error).message) });
      },
    );
    return () => {
      live = false;
    };
  }, [state.kind, signedInAs, notTeamMessage]);

  const context = useMemo<SignedInState | null>(
    () =>
      state.kind === 'signed-in'
        ? {
            signedIn: state.signedIn,
            signOut: async () => {
              signingOut.current = true;
              try {
                await accountsApi.signOut();
              } finally {
                signedOut('You are signed out.');
              }
            },
          }
        : null,
    [state, signedOut],
  );

  switch (state.kind) {
    case 'checking':
      return (
        <Center h="100vh">
          <Loader aria-label="Checking who is signed in" />
        </Center>
      );
    case 'unreachable':
      return <HostUnreachable message={state.message} />;
    case 'link':
      return <OneTimeLinkPage kind={state.link.kind} token={state.link.token} onSignedIn={signedInAs} onDone={() => setState({ kind: 'checking' })} />;
    case 'signed-out':
      return <SignInPage onSignedIn={signedInAs} notice={state.notice} needsFirstAdmin={state.needsFirstAdmin} />;
    case 'signed-in':
      return <SignedInContext.Provider value={context}>{renderConsole(state.client, state.queryClient)}</SignedInContext.Provider>;
  }
}
