import { expect, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { TOKEN_PARAM, WS_PATH, type ServerFrame } from '../../shared/contract/wire';
import type { CallResult } from '../../shared/contract/errors';

/** The header's "View as" on the desk: a person's label ("Aisha Khan (agent)"), or null for oneself. */
export async function viewAs(page: Page, person: string | null): Promise<void> {
  await page.getByRole('textbox', { name: 'View as' }).click();
  await page.getByRole('option', { name: person === null ? 'Myself' : person, exact: true }).click();
  if (person === null) await expect(page.getByTestId('viewing-as')).toHaveCount(0);
  else await expect(page.getByTestId('viewing-as')).toHaveText(`Viewing as ${person}`);
}

/**
 * Calls made straight over a WebSocket of their own, as a script would (not through the console),
 * one after another; each answer as the host gave it.
 */
export async function directCalls(consoleUrl: string, calls: { method: string; input: unknown }[]): Promise<CallResult<unknown>[]> {
  const url = new URL(consoleUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get(TOKEN_PARAM);
  const ws = new WebSocket(`ws://${url.host}${WS_PATH}?${TOKEN_PARAM}=${token}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const results: CallResult<unknown>[] = [];
  try {
    for (const [index, call] of calls.entries()) {
      results.push(
        await new Promise<CallResult<unknown>>((resolve) => {
          const onMessage = (data: WebSocket.RawData) => {
            const frame = JSON.parse(data.toString()) as ServerFrame;
            if (frame.type !== 'result' || frame.id !== index) return;
            ws.off('message', onMessage);
            resolve(frame.result);
          };
          ws.on('message', onMessage);
          ws.send(JSON.stringify({ type: 'call', id: index, method: call.method, input: call.input }));
        }),
      );
    }
  } finally {
    ws.close();
  }
  return results;
}
