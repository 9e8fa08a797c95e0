import { MantineProvider } from '@mantine/core';
import { configure, render, type RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';

// findBy…/waitFor wait for what the component shows, however long a loaded machine takes to get
// there; the test's own timeout is the only limit (testing-library's default of 1 s is a race).
configure({ asyncUtilTimeout: 30_000 });

/** jsdom lacks what Mantine measures with; give it inert stand-ins. */
export function stubBrowserApis() {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      // tests prefer reduced motion, which Mantine is told to respect (below): no transition runs on a timer
      ({ matches: query.includes('prefers-reduced-motion: reduce'), media: query, onchange: null, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
}

export function renderWithMantine(ui: ReactElement, options?: RenderOptions) {
  stubBrowserApis();
  // transitions off, and with them their timers: none may fire after the test (and its jsdom) has
  // gone. env="test" renders without transitions but still runs their timers; reduced motion makes
  // every duration 0, so no timer is set at all.
  return render(
    <MantineProvider env="test" theme={{ respectReducedMotion: true }}>
      {ui}
    </MantineProvider>,
    options,
  );
}
