/**
 * `npm run bench:start`: how long a user waits from starting the web host to a usable inbox
 * (the first conversation on screen), over a workspace with the demo loaded. Prints figures.
 */
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { startWebHost } from '../e2e/webHostFixture.ts';
import config from '../../playwright.config.ts';

const RUNS = Number(process.env.RUNS ?? 5);

async function main() {
  const browser = await chromium.launch(config.use!.launchOptions);
  // one run to create the workspace and load the demo
  const setup = await startWebHost();
  const dataDir = setup.host.dataDir;
  const page = await browser.newPage();
  await page.goto(setup.host.url);
  await page.getByRole('button', { name: 'Load the demo workspace' }).click();
  await page.getByTestId('conversation-row').first().waitFor();
  await page.close();
  setup.process.kill();
  await new Promise((resolve) => setup.process.once('exit', resolve));

  const processReady: number[] = [];
  const usableInbox: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const { host, process: child } = await startWebHost(dataDir);
    processReady.push(performance.now() - started);
    const tab = await browser.newPage();
    await tab.goto(host.url);
    await tab.getByTestId('conversation-row').first().waitFor();
    usableInbox.push(performance.now() - started);
    await tab.close();
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await browser.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const row = (label: string, values: number[]) =>
    `| ${label} | ${Math.round(median(values))} | ${Math.round(Math.min(...values))} | ${Math.round(Math.max(...values))} |`;
  console.log(`Web host cold start over the demo workspace (${RUNS} runs, browser already open)`);
  console.log('| from `node out/main/webHost.js` to… | median ms | min | max |');
  console.log('|---|---|---|---|');
  console.log(row('the host printing its address', processReady));
  console.log(row('the first conversation on screen', usableInbox));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
