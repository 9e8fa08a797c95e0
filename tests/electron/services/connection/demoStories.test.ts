import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { loadDemoWorkspace } from '../../../../electron/services/demo';
import { STORY_CUSTOMERS } from '../../../../electron/services/demo/storyArcs';
import type { ConnectionIndex } from '../../../../shared/contract/connection';
import type { ModelLocation } from '../../../../electron/services/analysis/models/findModels';
import { startAnalysis } from '../../../helpers/analysisHarness';
import { ok } from '../../../helpers/callApi';
import { manualScheduler } from '../../../helpers/manualScheduler';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

/**
 * The index says what the demo's stories say, whichever analyzer read them (the lexicon, or the
 * stand-in models: the formula is tuned to neither): the loyal fan is kin, the customer nobody
 * answered is at risk, and the angry repeat caller's turnaround shows on his trend.
 */
describe.each([
  ['the lexicon', { models: [] as ModelLocation[] }],
  ['the stand-in models', {}],
])('the demo’s stories, read by %s', (_name, options) => {
  async function storyIndexes() {
    const { store, bus, ingestion, engine } = await startAnalysis(options);
    await loadDemoWorkspace({ store, ingestion, bus, now: NOW });
    await engine.whenIdle();
    expect(engine.status().backlog.done).toBe(engine.status().backlog.total);
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now: () => NOW, scheduler: manualScheduler() });
    const byName = new Map<string, ConnectionIndex>();
    for (let id = 1; ; id++) {
      const customer = await store.customers.getById(id);
      if (!customer) break;
      byName.set(customer.displayName, await ok(api, 'customers.connection', { id }));
    }
    api.close();
    return byName;
  }

  it('Priya is kin, Daniel at risk, Marcus’s turnaround on his trend, and no trend contradicts itself', async () => {
    const indexes = await storyIndexes();
    const priya = indexes.get(STORY_CUSTOMERS.loyalFan)!;
    expect(priya.stage).toBe('kin');
    expect(Math.max(...[...indexes.values()].map((index) => index.score))).toBeGreaterThanOrEqual(priya.score - 25);

    const daniel = indexes.get(STORY_CUSTOMERS.lostCustomer)!;
    expect(daniel.stage).toBe('at-risk');
    expect(daniel.risks.join(' ')).toMatch(/still unanswered after 11 days/);

    const marcus = indexes.get(STORY_CUSTOMERS.angryRepeatCaller)!;
    // five contacts, one point each, then now: the thank-you chat lifts him well above where the angry weeks left him
    const points = marcus.trend.map((point) => point.score);
    expect(points).toHaveLength(6);
    expect(points[4]! - points[3]!).toBeGreaterThanOrEqual(10);
    expect(marcus.stage).toBe('friend');

    for (const [name, index] of indexes) {
      for (const item of index.contributions) {
        expect(item.label, name).not.toMatch(/\((\w+) → \1\)/);
      }
    }
  }, 300_000);
});
