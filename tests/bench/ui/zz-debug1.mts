import { chromium } from '@playwright/test';
import config from '/work/main/playwright.config.ts';
import { startHost, stopHost } from '/work/main/tests/bench/ui/host.ts';
import { PROBE_SOURCE } from '/work/main/tests/bench/ui/probe.ts';
import { copyForRun, ensureBenchStore } from '/work/main/tests/bench/ui/benchStore.ts';
import { summariseProfile } from '/work/main/tests/bench/ui/cpuProfile.ts';
import { revealRow, measureOpen, enableMetrics } from '/work/main/tests/bench/ui/pageMeasure.ts';
const store = await ensureBenchStore('/tmp/kb-small', false, { conversations: 3000, messages: 36000 });
const runDir = copyForRun(store);
const browser = await chromium.launch(config.use!.launchOptions);
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
await context.addInitScript({ content: PROBE_SOURCE });
const host = await startHost(runDir);
try {
  const page = await context.newPage();
  await page.goto(host.host.url);
  await page.getByTestId('conversation-row').first().waitFor();
  const cdp = await context.newCDPSession(page);
  await enableMetrics(cdp);
  await new Promise(r => setTimeout(r, 3000));
  // scroll profile
  const list = page.locator('[role="region"][aria-label="Conversations"]');
  const box = (await list.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
  const t0 = await page.evaluate('performance.now()') as number;
  const started = performance.now(); const pend = []; let n = 0;
  while (performance.now() - started < 3000) { pend.push(page.mouse.wheel(0, 60)); n++; await new Promise(r => setTimeout(r, 16)); }
  await Promise.all(pend);
  const t1 = await page.evaluate('performance.now()') as number;
  const { profile } = await cdp.send('Profiler.stop') as any;
  console.log('wheel', n, 'scrollTop', await page.evaluate(`document.querySelector('[role="region"][aria-label="Conversations"]').scrollTop`));
  const s = summariseProfile(profile, '/work/main/out/renderer/assets/');
  console.log(JSON.stringify(s, null, 1));
  const w = await page.evaluate(`window.__kb.window(${t0}, ${t1})`) as any;
  console.log(JSON.stringify(w.loafs.filter((l: any) => l.duration > 50), null, 1));
  console.log('calls', w.calls.map((c: any) => c.method + ' ' + JSON.stringify(c.input)).join('\n'));
  // reveal rows
  for (const k of store.info.small.slice(14, 24)) {
    const row = await revealRow(page, k.subject, 20000);
    const vis = await row.isVisible();
    await new Promise(r => setTimeout(r, 300));
    const vis2 = await row.isVisible();
    const top = await page.evaluate(`document.querySelector('[role="region"][aria-label="Conversations"]').scrollTop`);
    console.log(k.subject, vis, vis2, top);
    if (vis2) { const r = await measureOpen(page, cdp, row, k.subject, { timeoutMs: 10000 }); console.log(r.firstPaintMs, r.newestMs, r.messagesInDom); }
  }
} finally {
  await browser.close(); await stopHost(host.process);
}
