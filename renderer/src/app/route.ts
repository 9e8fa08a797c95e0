import { useSyncExternalStore } from 'react';
import { PAGES, type PageId } from './pages';

/**
 * The address is the source of truth for what the console shows: the page, and (for the inbox) the
 * view, the search and the open conversation, in the fragment — `#/inbox?status=active&open=12` — so
 * it works the same from the Electron app's own page and the web host, a link opens the same place,
 * and back and forward move through it. (`#token=…` and `#conversation=…` keep their own meanings.)
 */
export interface Route {
  page: PageId;
  params: URLSearchParams;
}

/** Announced when the console changes the address itself (the history API is silent). */
const ROUTE_CHANGED = 'kinship:route-changed';

/** The route in a fragment, or null when it holds none (no fragment, the web host's token, an unknown page). */
export function parseRoute(hash: string): Route | null {
  const match = /^#\/([a-z-]+)(?:\?(.*))?$/.exec(hash);
  const page = match ? PAGES.find(({ id }) => id === match[1])?.id : undefined;
  return page ? { page, params: new URLSearchParams(match![2] ?? '') } : null;
}

export function routeHash(page: PageId, params?: URLSearchParams): string {
  const query = params?.toString();
  return `#/${page}${query ? `?${query}` : ''}`;
}

/** Goes to `hash`: a new step in the history (back returns here), or in place of the current one. */
export function navigate(hash: string, { replace = false }: { replace?: boolean } = {}): void {
  if (window.location.hash === hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (replace) window.history.replaceState(window.history.state, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(ROUTE_CHANGED));
}

/** Calls `onChange` whenever the address changes (navigation, back and forward, a typed address); returns the way to stop. */
export function onRouteChange(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener('hashchange', onChange);
  window.addEventListener(ROUTE_CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(ROUTE_CHANGED, onChange);
  };
}

/** The address's fragment, kept current through navigation, back and forward, and typed addresses. */
export function useLocationHash(): string {
  return useSyncExternalStore(onRouteChange, () => window.location.hash);
}

/**
 * The page the address shows (null when it names none): for what depends on the page alone, so
 * opening a conversation or changing the queue's view does not draw it again.
 */
export function useRoutePage(): PageId | null {
  return useSyncExternalStore(onRouteChange, () => parseRoute(window.location.hash)?.page ?? null);
}
