import WebSocket from 'ws';
import type { BackgroundWork } from '../../shared/contract/background';
import { TOKEN_PARAM, WS_PATH, type ServerFrame } from '../../shared/contract/wire';

/**
 * Waits until the web host at `consoleUrl` (the address it printed, with its token) says its
 * background work has settled — the backlog read, every connection index worked out — through the
 * contract's 'workspace.background' method and event. Tests wait on this, never on time.
 */
export function waitForBackgroundSettled(consoleUrl: string, timeoutMs = 120_000): Promise<BackgroundWork> {
  const url = new URL(consoleUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get(TOKEN_PARAM);
  const ws = new WebSocket(`ws://${url.host}${WS_PATH}?${TOKEN_PARAM}=${token}`);
  let last: BackgroundWork | null = null;
  return new Promise<BackgroundWork>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`background work did not settle in ${timeoutMs} ms: ${JSON.stringify(last)}`)), timeoutMs);
    function finish(outcome: BackgroundWork | Error): void {
      clearTimeout(timer);
      ws.close();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    }
    ws.on('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, method: 'workspace.background', input: {} })));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      // the event may come before the answer: either one that says settled will do
      if (frame.type === 'result' && frame.id === 1) {
        if (!frame.result.ok) return finish(new Error(`workspace.background failed: ${frame.result.error.message}`));
        last = frame.result.value as BackgroundWork;
      } else if (frame.type === 'event' && frame.event.name === 'workspace.background') {
        last = frame.event.payload;
      } else return;
      if (last.settled) finish(last);
    });
    ws.on('error', (error) => finish(error));
  });
}
