import { describe, expect, it } from 'vitest';
import { computeConnection } from '../../../../electron/services/connection/connectionFormula';
import { trendWords } from '../../../../electron/services/connection/feelingTrend';
import { lastContactAt } from '../../../../electron/services/connection/lastContact';
import { agent, at, customer, DAY, HistoryBuilder, note, system, TZ } from './historyBuilder';

/** What the index says must be true: its words never contradict themselves, and only contact counts as contact. */

const NOW = at('2026-03-10 12:00'); // a Tuesday
const compute = (builder: HistoryBuilder) => computeConnection(builder.build(), NOW, { timeZone: TZ });

describe('the index’s words', () => {
  it('never says feeling fell (or rose) with the same mood on both sides', () => {
    for (const [change, from, to] of [
      [-0.2, 0.8, 0.6],
      [0.2, 0.3, 0.5],
      [-0.1, 0, -0.1],
      [-0.1, -0.4, -0.5],
    ] as const) {
      const words = trendWords(change, from, to, 'May and November');
      expect(words).not.toMatch(/\((\w+) → \1\)/);
      expect(words).toMatch(/still (happy|neutral|upset)$/);
    }
    expect(trendWords(-0.8, 0.6, -0.3, 'May and November')).toBe('feeling fell between May and November (happy → upset)');
    expect(trendWords(-0.2, 0.8, 0.6, 'May and November')).toBe('feeling cooled between May and November, still happy');
    // as the formula writes it: months of happy messages, a little less happy lately
    const b = new HistoryBuilder();
    b.conversation(at('2025-09-10 10:00'), [customer(0, 'Brilliant, thanks', 0.9), agent(5, 'Thanks!')]);
    b.conversation(at('2026-02-10 10:00'), [customer(0, 'Good, thanks', 0.5), agent(5, 'Thanks!')]);
    const trend = compute(b).contributions.find((item) => item.kind === 'feeling-trend');
    expect(trend?.label).toBe('feeling cooled between September 2025 and February, still happy');
  });
});

describe('what counts as contact', () => {
  it('an internal note is not a contact: it does not move the last contact', () => {
    const b = new HistoryBuilder();
    b.conversation(NOW - 3 * DAY, [customer(0, 'Where is my order?', -0.1), agent(30, 'On its way, Anna.'), note(3 * 24 * 60 - 14, 'Chased the courier again.')]);
    expect(lastContactAt(b.build())).toBe(NOW - 3 * DAY + 30 * 60_000);
    // a call is: its start and end lines count even when all that is written of it are notes
    b.conversation(NOW - DAY, [system(0, 'Call started'), note(2, '[00:30] Customer asked about delivery'), system(6, 'Call ended (6m 0s)')], 'voice');
    expect(lastContactAt(b.build())).toBe(NOW - DAY + 6 * 60_000);
  });

  it('a call answers a complaint, as a reply does', () => {
    const complaint = () => {
      const b = new HistoryBuilder();
      b.conversation(at('2026-03-02 10:00'), [customer(0, 'Nobody has called me back. Disgraceful.', -0.8)], 'chat', null, 'resolved');
      return b;
    };
    const ignored = complaint();
    expect(compute(ignored).contributions.some((item) => item.kind === 'unanswered')).toBe(true);
    const called = complaint();
    called.conversation(at('2026-03-02 15:00'), [system(0, 'Call started'), note(4, 'Apologised, rebooked the delivery.'), system(9, 'Call ended (9m 0s)')], 'voice');
    expect(compute(called).contributions.some((item) => item.kind === 'unanswered')).toBe(false);
    expect(compute(called).risks).toEqual([]);
  });

  it('a conversation nobody has answered waits for us, however politely it is worded', () => {
    const b = new HistoryBuilder();
    b.conversation(at('2026-02-20 10:00'), [customer(0, 'Hello! Lovely table, thank you. Could you tell me when the chairs come?', 0.6)], 'email');
    const index = compute(b);
    expect(index.stage).toBe('at-risk');
    expect(index.risks.join(' ')).toMatch(/message on 20 February still unanswered after 18 days/);
    // once we have answered, a happy last word needs no answer
    const answered = new HistoryBuilder();
    answered.conversation(at('2026-02-20 10:00'), [customer(0, 'When do the chairs come?', 0), agent(30, 'On Friday, Anna.'), customer(40, 'Perfect, thank you!', 0.7)], 'email');
    expect(compute(answered).contributions.some((item) => item.kind === 'unanswered')).toBe(false);
  });
});
