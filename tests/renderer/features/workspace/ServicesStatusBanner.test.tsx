// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/api/client';
import { ClientProvider } from '../../../../renderer/src/api/ClientContext';
import type { Transport } from '../../../../renderer/src/api/transport';
import { ServicesStatusBanner } from '../../../../renderer/src/features/workspace/ServicesStatusBanner';
import type { ServicesState, ServicesStatus } from '../../../../shared/contract/servicesStatus';
import { renderWithMantine } from '../../../helpers/renderWithMantine';

afterEach(cleanup);

/** A transport like the Electron preload's: status now, then as the main process reports it. */
function electronLikeTransport() {
  const listeners = new Set<(status: ServicesStatus) => void>();
  let current: ServicesStatus = { state: 'ready', message: 'Kinship’s services are running.', seq: 1 };
  const transport: Transport = {
    host: 'electron',
    call: () => Promise.resolve({ ok: true, value: null }),
    onEvent: () => () => undefined,
    onServicesStatus(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
  };
  const report = (state: ServicesState, message: string) =>
    act(() => {
      current = { state, message, seq: current.seq + 1 };
      for (const listener of listeners) listener(current);
    });
  return { transport, report, listeners };
}

function showBanner(transport: Transport) {
  return renderWithMantine(
    <ClientProvider client={createClient(transport)}>
      <ServicesStatusBanner />
    </ClientProvider>,
  );
}

describe('the services status banner', () => {
  it('shows nothing while the services run, says "reconnecting" while they restart, and goes once they are back', () => {
    const { transport, report } = electronLikeTransport();
    showBanner(transport);
    expect(screen.queryByRole('status')).toBeNull();
    report('reconnecting', 'Kinship’s services stopped unexpectedly and are restarting.');
    const banner = screen.getByRole('status');
    expect(banner.textContent).toMatch(/Reconnecting to Kinship’s services/);
    expect(banner.textContent).toMatch(/stopped unexpectedly and are restarting/);
    report('ready', 'Kinship’s services are running.');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says so as an alert when the services were given up on', () => {
    const { transport, report } = electronLikeTransport();
    showBanner(transport);
    report('failed', 'Kinship’s services stopped unexpectedly several times in a row and were not restarted.');
    expect(screen.getByRole('alert').textContent).toMatch(/were not restarted/);
  });

  it('stops listening when it leaves the screen, and shows nothing for a host without such a status (the web host)', () => {
    const { transport, listeners } = electronLikeTransport();
    const shown = showBanner(transport);
    expect(listeners.size).toBe(1);
    shown.unmount();
    expect(listeners.size).toBe(0);

    const web: Transport = { host: 'web', call: () => Promise.resolve({ ok: true, value: null }), onEvent: () => () => undefined };
    showBanner(web);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
