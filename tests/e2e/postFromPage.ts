import type { Page } from '@playwright/test';

/** A JSON POST to the server's account endpoints from the page (its origin, its cookies): the answer, or an error saying what it was. */
export async function postFromPage<T>(page: Page, route: string, body: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ route, body }) => {
      const response = await fetch(route, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, json: (await response.json()) as unknown };
    },
    { route, body },
  );
  if (answer.status >= 300) throw new Error(`${route} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
  return answer.json as T;
}
