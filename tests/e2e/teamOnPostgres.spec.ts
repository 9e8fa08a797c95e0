import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTeamServer, type RunningTeamServer } from '../../electron/web/runTeamServer';
import { teamServerConfig } from '../../electron/web/teamConfig';
import { DATABASE_URL_VARIABLE } from '../../electron/services/store/store';
import { AUTH_PATHS, type NewInvitation } from '../../shared/contract/people';
import type { IngestMessage } from '../../shared/contract/ingestion';
import { WS_PATH, type ServerFrame } from '../../shared/contract/wire';
import type { CallResult } from '../../shared/contract/errors';
import { createPostgresDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwawayPostgres';
import { look } from './teamServerFixture';
import { openPlaybook, openRule } from './playbookPanel';
import { postFromPage } from './postFromPage';

/**
 * The team on PostgreSQL, end to end: one Kinship team server whose workspace is a throwaway
 * PostgreSQL 15 database, and three people signed in, each in a browser of their own — a supervisor
 * and two agents. A customer's message arrives and both agents see it; one takes it and the other is
 * told; viewing and typing show; a reply written while a colleague answered is held; the supervisor
 * changes the playbook, and the agent can do so neither in the console nor by a call of their own;
 * nobody can switch role.
 */
const OUT = fileURLToPath(new URL('../../out/', import.meta.url));
const RESOURCES = fileURLToPath(new URL('../../resources/', import.meta.url));
const SHARED_MODELS = fileURLToPath(new URL('../../../shared/models/', import.meta.url));

const ADMIN = { name: 'Ada Admin', email: 'ada@kinship.test', password: 'purple kettle on the stairs' };
const SAM = { name: 'Sam Reid', email: 'sam@kinship.test', password: 'a lighthouse in the fog', role: 'supervisor' } as const;
const AISHA = { name: 'Aisha Khan', email: 'aisha@kinship.test', password: 'seven green bottles hanging', role: 'agent' } as const;
const BILAL = { name: 'Bilal Osei', email: 'bilal@kinship.test', password: 'four quiet owls at midnight', role: 'agent' } as const;
type Person = typeof SAM | typeof AISHA | typeof BILAL;

// three browsers over one server: minutes on a loaded 2-core machine
test.describe.configure({ mode: 'serial', timeout: 600_000 });

let cluster: ThrowawayPostgres;
let server: RunningTeamServer;
let databaseUrl: string;
test.beforeAll(async () => {
  if (!fs.existsSync(path.join(OUT, 'renderer', 'index.html'))) throw new Error('The console is not built: run "npm run build" first.');
  // the team's stand-in models read what customers write, as on a real server
  if (!process.env.KINSHIP_MODELS_DIR && fs.existsSync(SHARED_MODELS)) process.env.KINSHIP_MODELS_DIR = SHARED_MODELS;
  cluster = startThrowawayPostgres();
  databaseUrl = await createPostgresDatabase(cluster);
  // the server opens the database KINSHIP_DATABASE_URL names, as `npm run server` does; only while it starts
  const before = process.env[DATABASE_URL_VARIABLE];
  process.env[DATABASE_URL_VARIABLE] = databaseUrl;
  try {
    server = await runTeamServer({
      config: teamServerConfig({}, { port: 0 }),
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-team-pg-e2e-')),
      rendererDir: path.join(OUT, 'renderer') + path.sep,
      resourcesDir: RESOURCES,
      analysisWorkerUrl: new URL('../../out/main/analysisWorker.js', import.meta.url),
    });
  } finally {
    if (before === undefined) delete process.env[DATABASE_URL_VARIABLE];
    else process.env[DATABASE_URL_VARIABLE] = before;
  }
});
test.afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  cluster?.stop();
});

/**
 * Calls made from the person's page over a WebSocket of its own, as a script run in their browser
 * would (their session cookie, the server's origin): each answer as the server gave it.
 */
async function callsFrom(page: Page, calls: { method: string; input: unknown }[]): Promise<CallResult<unknown>[]> {
  return page.evaluate(
    async ({ wsPath, calls }) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}${wsPath}`);
      await new Promise<void>((resolve, reject) => {
        ws.onopen = () => resolve();
        ws.onerror = () => reject(new Error('the WebSocket did not open'));
      });
      const results: unknown[] = [];
      try {
        for (const [index, call] of calls.entries()) {
          results.push(
            await new Promise((resolve) => {
              const onMessage = (message: MessageEvent<string>) => {
                const frame = JSON.parse(message.data) as ServerFrame;
                if (frame.type !== 'result' || frame.id !== index) return;
                ws.removeEventListener('message', onMessage);
                resolve(frame.result);
              };
              ws.addEventListener('message', onMessage);
              ws.send(JSON.stringify({ type: 'call', id: index, method: call.method, input: call.input }));
            }),
          );
        }
      } finally {
        ws.close();
      }
      return results;
    },
    { wsPath: WS_PATH, calls },
  ) as Promise<CallResult<unknown>[]>;
}

/** Someone the admin invited, signed in in a browser of their own, at the console. */
async function joins(browser: Browser, admin: Page, person: Person): Promise<Page> {
  const invited = await postFromPage<NewInvitation>(admin, AUTH_PATHS.invite, { email: person.email, name: person.name, role: person.role });
  const page = await (await browser.newContext()).newPage();
  await page.goto(invited.link);
  await page.getByLabel('Your name').fill(person.name);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(person.password);
  await page.getByLabel('Password again').fill(person.password);
  await page.getByRole('button', { name: 'Join and sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await expect(page.getByRole('button', { name: new RegExp(`Signed in as ${person.name}`) })).toBeVisible();
  return page;
}

function fromNadia(body: string, at: number): IngestMessage {
  return {
    channel: 'chat',
    customer: { displayName: 'Nadia Brook', identities: [{ kind: 'chat', value: 'nadia-brook-pg' }] },
    conversation: { externalRef: 'nadia-pg-chat', subject: 'Sofa delivered damaged' },
    message: { author: 'customer', body, sentAt: at, externalId: `nadia-pg-${at}` },
  };
}

const header = (page: Page) => page.getByRole('article').locator('header');
const replyBox = (page: Page) => page.getByRole('textbox', { name: /^Reply to / });
const thread = (page: Page) => page.getByRole('log', { name: 'Messages' });

/** Sends the reply in the box, through the draft check if it has something to say. */
async function sendReply(page: Page, text: string): Promise<void> {
  await replyBox(page).fill(text);
  await page.getByRole('button', { name: /^Send/ }).first().click();
  const check = page.getByRole('button', { name: 'Send anyway' });
  await expect(thread(page).getByText(text).or(check).first()).toBeVisible();
  if (await check.isVisible()) await check.click();
  await expect(thread(page).getByText(text)).toBeVisible();
}

test('three people on one queue over PostgreSQL: an arrival, a take, viewing and typing, a held reply, and who may change the playbook', async ({ browser }) => {
  const workspace = server.services.workspace;
  if (workspace.state !== 'ready') throw new Error('the workspace did not open');
  expect(workspace.store.kind).toBe('postgres');

  // the first admin, from the setup link; the workspace starts empty
  const admin = await (await browser.newContext()).newPage();
  await admin.goto(server.url);
  await postFromPage(admin, AUTH_PATHS.setup, { token: new URL(server.setupLink!.url).hash.replace(/^#setup=/, ''), ...ADMIN });
  await admin.goto(server.url);
  await admin.getByRole('button', { name: 'Start empty' }).click();
  await admin.getByRole('navigation', { name: 'Main navigation' }).waitFor();

  const sam = await joins(browser, admin, SAM);
  const aisha = await joins(browser, admin, AISHA);
  const bilal = await joins(browser, admin, BILAL);
  await admin.context().close();

  // a customer writes: both agents see the conversation arrive in their queues, unassigned
  const { conversationId } = await workspace.ingestion.ingest(fromNadia('Hello, the sofa arrived today with a torn cushion.', Date.now() - 90_000));
  const rowOf = (page: Page) => page.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
  for (const page of [aisha, bilal]) await expect(rowOf(page)).toBeVisible();

  // Aisha opens it: Bilal sees her viewing it on its row; she types, and he sees that too
  await rowOf(aisha).click();
  await aisha.getByRole('article', { name: 'Conversation with Nadia Brook' }).waitFor();
  await expect(rowOf(bilal).getByRole('img', { name: 'Aisha is viewing' })).toBeVisible();
  await replyBox(aisha).click();
  await replyBox(aisha).pressSequentially('So sorry to hear', { delay: 20 });
  await expect(rowOf(bilal).getByRole('img', { name: 'Aisha is typing a reply' })).toBeVisible();
  await replyBox(aisha).fill('');
  // (back to the list: a key pressed next is a shortcut, not a letter in the reply)
  await rowOf(aisha).click();

  // both open it and take it at once: one gets it, the other is told who has it
  await rowOf(bilal).click();
  for (const page of [aisha, bilal]) await expect(header(page).getByRole('button', { name: 'Unassigned: change who has it' })).toBeVisible();
  await Promise.all([aisha, bilal].map((page) => page.keyboard.press('a')));
  const told = [aisha, bilal].map((page) => page.getByTestId('taken-notice'));
  await expect.poll(async () => (await told[0]!.count()) + (await told[1]!.count())).toBe(1);
  const aishaWon = (await told[0]!.count()) === 0;
  const [winner, loser, winnerName] = aishaWon ? [aisha, bilal, AISHA.name] : [bilal, aisha, BILAL.name];
  await expect(loser.getByTestId('taken-notice')).toContainText(`${winnerName} took this`);
  await expect(header(loser).getByRole('button', { name: `${winnerName}: change who has it` })).toBeVisible();
  await expect(header(winner).getByRole('button', { name: 'Yours: change who has it' })).toBeVisible();
  // the supervisor's queue shows who has it, without a reload
  await expect(rowOf(sam)).toBeVisible();

  // a reply written while the colleague answered is held until its author reads it or sends anyway
  const draft = 'I am sorry about the cushion, Nadia. I will arrange a replacement.';
  await replyBox(loser).fill(draft);
  const first = 'Hi Nadia, I have this one: a replacement cushion is on its way.';
  await sendReply(winner, first);
  await expect(thread(loser).getByText(first)).toBeVisible();
  await loser.getByRole('button', { name: /^Send/ }).first().click();
  const banner = loser.getByTestId('collision-banner');
  await expect(banner).toContainText(new RegExp(`${winnerName} replied`));
  await expect(replyBox(loser)).toHaveValue(draft);
  await look(loser, 'pg-collision-held');
  await banner.getByRole('button', { name: 'Send anyway' }).click();
  // the banner goes once the send is answered (sent, or the draft check's turn): its own button is not the check's
  await expect(banner).toHaveCount(0);
  const check = loser.getByRole('button', { name: 'Send anyway' });
  await expect(thread(loser).getByText(draft).or(check).first()).toBeVisible();
  if (await check.isVisible()) await check.click();
  await expect(thread(winner).getByText(draft)).toBeVisible();

  // the customer writes again: both consoles show it in the open thread
  const again = 'Thank you both, that is kind. Will the courier take the old one?';
  await workspace.ingestion.ingest(fromNadia(again, Date.now()));
  for (const page of [aisha, bilal]) await expect(thread(page).getByText(again)).toBeVisible();

  // the supervisor changes a wording in the playbook; it is kept in PostgreSQL
  const wording = 'That sounds really frustrating, {firstName}; let me put it right.';
  const samPanel = await openPlaybook(sam);
  await expect(samPanel.getByText('Only a supervisor or an admin can change the playbook.')).toHaveCount(0);
  const samRule = await openRule(sam, 'Acknowledge the frustration');
  await samRule.getByRole('textbox', { name: 'Wording 1', exact: true }).fill(wording);
  await samPanel.getByRole('button', { name: 'Save' }).click();
  await expect(samPanel.getByTestId('unsaved-changes')).toHaveCount(0);
  await look(sam, 'pg-supervisor-playbook');

  // the agent reads it and cannot change it in the console…
  const aishaPanel = await openPlaybook(aisha);
  await expect(aishaPanel.getByText('Only a supervisor or an admin can change the playbook.')).toBeVisible();
  await expect(aishaPanel.getByRole('button', { name: 'Save' })).toHaveCount(0);
  const aishaRule = await openRule(aisha, 'Acknowledge the frustration');
  await expect(aishaRule.getByRole('textbox', { name: 'Wording 1', exact: true })).toHaveValue(wording);
  await expect(aishaRule.getByRole('textbox', { name: 'Wording 1', exact: true })).toBeDisabled();

  // …nor by a call of her own from her browser; and nobody can switch role, supervisor included
  const [current] = await callsFrom(aisha, [{ method: 'playbook.get', input: {} }]);
  const playbook = (current as { ok: true; value: { playbook: { rules: { enabled: boolean }[] } } }).value.playbook;
  const off = { ...playbook, rules: playbook.rules.map((rule) => ({ ...rule, enabled: false })) };
  const [save, become, after] = await callsFrom(aisha, [
    { method: 'playbook.save', input: { playbook: off } },
    { method: 'session.setRole', input: { role: 'supervisor' } },
    { method: 'playbook.get', input: {} },
  ]);
  expect(save).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(become).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  expect(after).toEqual(current);
  const [samBecomes] = await callsFrom(sam, [{ method: 'session.setRole', input: { role: 'admin' } }]);
  expect(samBecomes).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  for (const page of [aisha, bilal]) await expect(page.getByRole('button', { name: /Signed in as .* \(Agent\)/ })).toBeVisible();
  await expect(sam.getByRole('button', { name: /Signed in as Sam Reid \(Supervisor\)/ })).toBeVisible();

  for (const page of [sam, aisha, bilal]) await page.context().close();
});
