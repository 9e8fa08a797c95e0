// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ReactQuery from '@tanstack/react-query';
import type * as ClientModule from '../../renderer/src/api/client';
import type { KinshipBridge } from '../../shared/contract/bridge';
import { CHOOSE_WORKSPACE_HASH } from '../../shared/contract/workspaceChoice';
import { stubBrowserApis } from '../helpers/renderWithMantine';

/** How often the entry point connected to a host, and how many query caches were made. */
const made = vi.hoisted(() => ({ connections: 0, caches: 0 }));

vi.mock('../../renderer/src/api/client', async (importOriginal) => {
  const real = await importOriginal<typeof ClientModule>();
  return { ...real, connectToHost: () => (made.connections++, real.connectToHost()) };
});
vi.mock('@tanstack/react-query', async (importOriginal) => {
  const real = await importOriginal<typeof ReactQuery>();
  class CountedQueryClient extends real.QueryClient {
    constructor(...args: ConstructorParameters<typeof real.QueryClient>) {
      super(...args);
      made.caches++;
    }
  }
  return { ...real, QueryClient: CountedQueryClient };
});
// the console itself is beside the point here: what matters is what is made before it shows
vi.mock('../../renderer/src/app/App', () => ({ App: () => <p>The console</p> }));

/** What the Electron preload exposes: no call is ever answered (none should be made before the console). */
function electronBridge(): KinshipBridge {
  return {
    host: 'electron',
    call: () => new Promise(() => undefined),
    onEvent: () => () => undefined,
    onServicesStatus: () => () => undefined,
    popOut: () => Promise.resolve(),
    chooseWorkspace: () => Promise.resolve({ ok: true }),
  };
}

/** Loads the renderer's entry point afresh, as a window opening at `hash` does. */
async function openWindowAt(hash: string, bridge: KinshipBridge | undefined) {
  window.location.hash = hash;
  window.kinship = bridge;
  await import('../../renderer/src/main');
}

beforeEach(() => {
  vi.resetModules();
  made.connections = 0;
  made.caches = 0;
  stubBrowserApis();
  document.body.innerHTML = '<div id="root"></div>';
});
afterEach(() => {
  delete window.kinship;
  vi.unstubAllGlobals();
});

describe('the renderer’s entry point connects only for a console', () => {
  it('Electron’s first screen (where Kinship works) opens no connection and makes no query cache', async () => {
    await openWindowAt(CHOOSE_WORKSPACE_HASH, electronBridge());
    expect(await screen.findByRole('button', { name: 'Use this desk' })).toBeTruthy();
    expect(made).toEqual({ connections: 0, caches: 0 });
  });

  it('the desk’s console in Electron connects once, with one query cache', async () => {
    await openWindowAt('', electronBridge());
    expect(await screen.findByText('The console')).toBeTruthy();
    expect(made).toEqual({ connections: 1, caches: 1 });
  });

  it('a team server’s page (no desk token) makes no query cache until someone signs in', async () => {
    // who is signed in is never answered: the page stays at "checking"
    vi.stubGlobal('fetch', () => new Promise(() => undefined));
    await openWindowAt('', undefined);
    expect(await screen.findByLabelText('Checking who is signed in')).toBeTruthy();
    expect(made).toEqual({ connections: 1, caches: 0 });
  });
});
