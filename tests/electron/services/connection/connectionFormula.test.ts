import { describe, expect, it } from 'vitest';
import { CONTRIBUTION_KINDS, CONNECTION_STAGES } from '../../../../shared/contract/connection';
import { computeConnection } from '../../../../electron/services/connection/connectionFormula';
import type { ConnectionHistory } from '../../../../electron/services/connection/connectionHistory';
import { agent, at, customer, DAY, HistoryBuilder, HOUR, MINUTE, TZ, type Step } from './historyBuilder';

const compute = (history: ConnectionHistory, now: number) => computeConnection(history, now, { timeZone: TZ });
const NOW = at('2026-03-10 12:00'); // a Tuesday
const sumOf = (points: number[]) => points.reduce((a, b) => a + b, 0);
const round1 = (value: number) => Math.round(value * 10) / 10;
const kinds = (index: ReturnType<typeof compute>) => index.contributions.map((c) => c.kind);

describe('the connection formula', () => {
  it('starts every customer at the base of 20, a stranger, with nothing to explain', () => {
    const index = compute(new HistoryBuilder().build(), NOW);
    expect(index).toEqual({ customerId: 7, score: 20, stage: 'stranger', risks: [], movement30d: 0, trend: [{ at: NOW, score: 20 }], contributions: [], computedAt: NOW, provisional: false });
  });

  it('is provisional while none of the customer’s messages has been read for feeling', () => {
    const unread: Step = { ...customer(0, 'Where is my parcel?', 0), sentiment: null };
    const waiting = new HistoryBuilder();
    waiting.conversation(NOW - HOUR, [unread, agent(10, 'Let me look.')]);
    expect(compute(waiting.build(), NOW).provisional).toBe(true);
    const read = new HistoryBuilder();
    read.conversation(NOW - 2 * HOUR, [customer(0, 'Thanks, lovely service', 0.6)]);
    read.conversation(NOW - HOUR, [unread]);
    expect(compute(read.build(), NOW).provisional).toBe(false);
    // only the agent has written: nothing to wait for
    const agentOnly = new HistoryBuilder();
    agentOnly.conversation(NOW - HOUR, [agent(0, 'Hello from us.')]);
    expect(compute(agentOnly.build(), NOW).provisional).toBe(false);
  });

  it('adds familiarity for a contact and the feeling it left, believed as far as there is evidence', () => {
    const fresh = new HistoryBuilder();
    fresh.conversation(NOW - HOUR, [customer(0, 'Hello, a question', 0), agent(10, 'Sure.')]);
    // 35 × (1 − ½^(1 / 2)); a neutral ending adds nothing
    expect(compute(fresh.build(), NOW).contributions).toEqual([{ kind: 'contact', points: 10.3, label: 'chat on 10 March', at: NOW - HOUR, conversationId: 1 }]);

    const old = new HistoryBuilder();
    old.conversation(NOW - 90 * DAY, [customer(0, 'Thanks, lovely service', 0.6), agent(5, 'Thank you!')], 'email', 'Thank you');
    const index = compute(old.build(), NOW);
    // C = ½^(90 / 365) = 0.843: familiarity 35 × (1 − ½^(C / 2)) = 8.9; feeling 45 × C / (C + 1.5) × clear(0.6) = 45 × 0.360 × 1 = 16.2
    expect(index.contributions).toEqual([
      { kind: 'ending', points: 16.2, label: 'email on 10 December 2025 ended happy', at: NOW - 90 * DAY, conversationId: 1 },
      { kind: 'contact', points: 8.9, label: 'email on 10 December 2025: “Thank you”', at: NOW - 90 * DAY, conversationId: 1 },
    ]);
    expect(index.score).toBe(45.1);
    // one happy conversation is a first impression, not a friendship
    expect(index.stage).toBe('acquaintance');
  });

  it('reads feeling as a mean, not a sum: a year of warm contacts is warm however old most are, and many contacts saturate', () => {
    const warmYear = new HistoryBuilder('Priya');
    for (let i = 0; i < 6; i += 1) warmYear.conversation(NOW - (20 + i * 60) * DAY, [customer(0, 'Love it, thank you so much!', 0.6), agent(5, 'So glad, Priya!')]);
    const warm = compute(warmYear.build(), NOW);
    expect(warm.stage).toBe('kin');
    const busier = new HistoryBuilder('Priya');
    for (let i = 0; i < 60; i += 1) busier.conversation(NOW - (20 + i * 6) * DAY, [customer(0, 'Love it, thank you so much!', 0.6), agent(5, 'So glad, Priya!')]);
    // ten times the contacts is not ten times the bond
    expect(compute(busier.build(), NOW).score - warm.score).toBeLessThan((warm.score - 20) / 3);
    // a model that hedges (+0.5 for delight) and one that does not (+0.9) mean the same
    const hedged = new HistoryBuilder('Priya');
    for (let i = 0; i < 6; i += 1) hedged.conversation(NOW - (20 + i * 60) * DAY, [customer(0, 'Love it, thank you so much!', 0.9), agent(5, 'So glad, Priya!')]);
    expect(compute(hedged.build(), NOW).score).toBe(warm.score);
  });

  it('explains itself: points sum to score − 20, kinds come from the contract, largest first', () => {
    const b = new HistoryBuilder('Anna');
    for (let i = 0; i < 8; i += 1) {
      const start = NOW - (200 - i * 25) * DAY;
      const id = b.conversation(start, [customer(0, 'My bill is wrong again', -0.5), agent(30 + i, i > 0 ? 'Hi Anna, as we discussed last time, I have fixed it.' : 'Hi Anna.'), customer(50, 'Thanks', 0.2 + i * 0.05)]);
      b.followUp(id, 'Check the next bill', start + HOUR, start + 20 * DAY, i % 2 ? start + 10 * DAY : start + 22 * DAY);
    }
    const index = compute(b.build(), NOW);
    expect(index.contributions.length).toBeGreaterThan(20);
    for (const c of index.contributions) {
      expect(CONTRIBUTION_KINDS).toContain(c.kind);
      expect(c.label).not.toBe('');
      expect(Math.round(c.points * 10) / 10).toBe(c.points);
    }
    const sizes = index.contributions.map((c) => Math.abs(c.points));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    expect(Math.abs(sumOf(index.contributions.map((c) => c.points)) - (index.score - 20))).toBeLessThanOrEqual(0.05 * index.contributions.length + 0.05);
    expect(CONNECTION_STAGES).toContain(index.stage);
    expect(new Set(kinds(index))).toEqual(new Set(['contact', 'ending', 'turnaround', 'promise-kept', 'promise-broken', 'personal-touch', 'feeling-trend']));
  });

  it('clamps to 0–100 (only then do the points not add up)', () => {
    const b = new HistoryBuilder();
    for (let i = 0; i < 40; i += 1) b.conversation(NOW - i * 2 * DAY, [customer(0, 'You are wonderful', 0.9), agent(5, 'Thank you, Sam! Good to hear from you again.')]);
    expect(compute(b.build(), NOW).score).toBe(100);
    const angry = new HistoryBuilder();
    for (let i = 0; i < 10; i += 1) angry.conversation(NOW - (40 + i * 9) * DAY, [customer(0, 'Disgraceful, nobody answers', -0.9)]);
    expect(compute(angry.build(), NOW).score).toBe(0);
  });

  it('ignores everything after the moment computed', () => {
    const b = new HistoryBuilder();
    b.conversation(at('2026-01-05 10:00'), [customer(0, 'Hi', 0.1), agent(5, 'Hello')]);
    const before = b.build();
    b.conversation(at('2026-02-05 10:00'), [customer(0, 'Terrible', -0.9)]);
    b.followUp(2, 'Call back', at('2026-02-05 11:00'), at('2026-02-06 17:00'), null);
    const moment = at('2026-01-20 10:00');
    expect(compute(b.build(), moment)).toEqual(compute(before, moment));
  });

  describe('complaints left unanswered', () => {
    const complaintThen = (answerAfterMinutes: number | null, start = at('2026-03-03 10:00')) => {
      const b = new HistoryBuilder();
      const steps = [customer(0, 'This is unacceptable, my order is lost', -0.7)];
      if (answerAfterMinutes !== null) steps.push(agent(answerAfterMinutes, 'So sorry, I have found it.'));
      b.conversation(start, steps);
      return b;
    };
    const unanswered = (index: ReturnType<typeof compute>) => index.contributions.filter((c) => c.kind === 'unanswered');

    it('gives a working day of grace, then takes 2 points a day, labelled with the date and the days', () => {
      expect(unanswered(compute(complaintThen(23 * 60).build(), NOW))).toEqual([]);
      const late = unanswered(compute(complaintThen(49 * 60).build(), NOW));
      expect(late).toEqual([{ kind: 'unanswered', points: round1(-4 * 0.5 ** (5 / 90)), label: 'complaint on 3 March unanswered for 2 days', at: at('2026-03-03 10:00'), conversationId: 1 }]);
      const still = compute(complaintThen(null).build(), NOW);
      expect(unanswered(still)).toMatchObject([{ points: -14, label: 'complaint on 3 March unanswered for 7 days' }]);
      expect(still.risks).toContain('complaint on 3 March still unanswered after 7 days');
      expect(still.stage).toBe('at-risk');
    });

    it('does not count the weekend: Friday afternoon answered on Monday morning is in time', () => {
      const friday = at('2026-03-06 16:00');
      expect(unanswered(compute(complaintThen(((24 + 24 + 17) * 60) + 30, friday).build(), NOW))).toEqual([]); // Monday 09:30
      expect(unanswered(compute(complaintThen((72 + 2) * 60, friday).build(), NOW))).toMatchObject([{ label: 'complaint on 6 March unanswered for 3 days' }]); // Monday 18:00
    });

    it('takes a follow-up, or an agent message in a later conversation, as an answer; further grumbles are the same complaint', () => {
      const withFollowUp = complaintThen(null);
      withFollowUp.followUp(1, 'Find the parcel', at('2026-03-03 12:00'), at('2026-03-05 17:00'), at('2026-03-05 09:00'));
      expect(unanswered(compute(withFollowUp.build(), NOW))).toEqual([]);

      const later = complaintThen(null);
      later.conversation(at('2026-03-04 09:00'), [agent(0, 'Following up by email: your parcel is found.')], 'email');
      expect(unanswered(compute(later.build(), NOW))).toEqual([]);

      const grumbles = new HistoryBuilder();
      grumbles.conversation(at('2026-03-02 10:00'), [customer(0, 'Awful', -0.8), customer(60, 'Still nothing?!', -0.9), customer(24 * 60, 'Hopeless', -0.9), agent(5 * 24 * 60, 'Sorry!')]);
      // weighed as of the answer (7 March 10:00)
      expect(unanswered(compute(grumbles.build(), NOW))).toMatchObject([{ points: round1(-10 * 0.5 ** ((NOW - at('2026-03-07 10:00')) / DAY / 90)), label: 'complaint on 2 March unanswered for 5 days' }]);
    });

    it('stops growing at −30', () => {
      const index = compute(complaintThen(null, at('2026-01-20 10:00')).build(), NOW);
      expect(unanswered(index)).toMatchObject([{ points: -30 }]);
    });
  });

  describe('promises', () => {
    const withPromise = (doneAt: number | null, status?: 'done' | 'cancelled') => {
      const b = new HistoryBuilder();
      const id = b.conversation(at('2026-02-20 10:00'), [customer(0, 'Can you call me about it?', 0), agent(5, 'I will call you back on Monday.')]);
      b.followUp(id, 'Call back about the upgrade', at('2026-02-20 10:05'), at('2026-02-23 17:00'), doneAt, status);
      return compute(b.build(), NOW);
    };
    const promise = (index: ReturnType<typeof compute>) => index.contributions.filter((c) => c.kind.startsWith('promise'));

    it('adds 4 for a promise kept by its due time', () => {
      const kept = withPromise(at('2026-02-23 11:00'));
      expect(promise(kept)).toEqual([
        { kind: 'promise-kept', points: round1(4 * 0.5 ** ((NOW - at('2026-02-23 11:00')) / DAY / 90)), label: 'promise kept: “Call back about the upgrade” (due 23 February, done 23 February)', at: at('2026-02-23 11:00'), conversationId: 1 },
      ]);
      expect(kept.risks).toEqual([]);
    });

    it('takes 6 + 1 per day late for a broken promise, and says so in the risks', () => {
      const late = withPromise(at('2026-02-25 10:00')); // 2 started days late, 13 days ago
      expect(promise(late)).toMatchObject([{ kind: 'promise-broken', label: 'promise broken: “Call back about the upgrade” due 23 February, done 1 day late' }]);
      expect(promise(late)[0]!.points).toBe(round1(-8 * 0.5 ** ((NOW - at('2026-02-25 10:00')) / DAY / 90)));
      expect(late.risks).toEqual(['promise “Call back about the upgrade” was kept 1 day late (due 23 February)']);
      expect(late.stage).toBe('at-risk');

      const open = withPromise(null);
      expect(promise(open)).toMatchObject([{ kind: 'promise-broken', points: -16, label: 'promise broken: “Call back about the upgrade” due 23 February, overdue by 14 days' }]);
      expect(open.risks).toContain('promise “Call back about the upgrade” overdue by 14 days (due 23 February)');
    });

    it('ignores cancelled promises and those not yet due', () => {
      expect(promise(withPromise(at('2026-02-24 10:00'), 'cancelled'))).toEqual([]);
      const b = new HistoryBuilder();
      b.followUp(null, 'Send the invoice', NOW - DAY, NOW + DAY, null);
      expect(compute(b.build(), NOW).contributions).toEqual([]);
    });
  });

  it('follows feeling across months: rising months add, falling months take away', () => {
    const months = (sentiments: number[]) => {
      const b = new HistoryBuilder(null);
      sentiments.forEach((s, i) => b.conversation(at('2025-10-10 10:00') + i * 30 * DAY, [customer(0, 'Update on my case', s), agent(10, 'Thanks.')]));
      return compute(b.build(), NOW).contributions.filter((c) => c.kind === 'feeling-trend');
    };
    const rising = months([-0.5, -0.2, 0.1, 0.4, 0.6]);
    expect(rising).toHaveLength(1);
    // fitted change 1.1 → 11, capped at 8, weighed as of the last message (7 February)
    expect(rising[0]!.points).toBe(round1(8 * 0.5 ** ((NOW - (at('2025-10-10 10:00') + 120 * DAY)) / DAY / 90)));
    expect(rising[0]!.label).toBe('feeling rose between October 2025 and February (upset → happy)');
    const falling = months([0.6, 0.4, 0.1, -0.2, -0.5]);
    expect(falling[0]!.points).toBe(-rising[0]!.points);
    expect(falling[0]!.label).toMatch(/^feeling fell between October 2025 and February \(happy → upset\)$/);
    expect(months([0.3])).toEqual([]);
  });

  describe('personal touches', () => {
    const touches = (replies: string[], firstName: string | null = 'Anna') => {
      const b = new HistoryBuilder(firstName);
      b.conversation(NOW - 20 * DAY, [customer(0, 'Hello', 0), agent(5, 'Hello there.')]);
      b.conversation(NOW - 2 * DAY, [customer(0, 'Hello again', 0), ...replies.map((reply, i) => agent(5 + i, reply))]);
      return compute(b.build(), NOW).contributions.filter((c) => c.kind === 'personal-touch');
    };

    it('counts the first name and a reference back to an earlier contact, once per conversation each', () => {
      expect(touches(['Hi Anna, as we discussed last time, the refund is on its way.', 'Anna, anything else?'])).toEqual([
        { kind: 'personal-touch', points: 2.5, label: 'referred back to an earlier contact in the chat on 8 March', at: NOW - 2 * DAY + 5 * MINUTE, conversationId: 2 },
        { kind: 'personal-touch', points: 1.5, label: 'addressed by name in the chat on 8 March', at: NOW - 2 * DAY + 5 * MINUTE, conversationId: 2 },
      ]);
    });

    it('needs the whole name as a word, the agent’s own words, and an earlier contact to refer back to', () => {
      expect(touches(['Hi Annabel, thanks.'])).toEqual([]);
      expect(touches(['Thanks!\n> Regards, Anna\n> as we discussed last time'])).toEqual([]);
      expect(touches(['Hello ANNA.'], 'anna')).toHaveLength(1);
      expect(touches(['Hi, welcome.'], null)).toEqual([]);
      const first = new HistoryBuilder('Anna');
      first.conversation(NOW - DAY, [customer(0, 'Hi', 0), agent(5, 'As we discussed, your previous order shipped.')]);
      expect(compute(first.build(), NOW).contributions.filter((c) => c.kind === 'personal-touch')).toEqual([]);
    });
  });

  describe('stages, movement and trend', () => {
    it('maps the score onto stranger < 25 ≤ acquaintance < 50 ≤ friend < 75 ≤ kin', () => {
      const stageWith = (contacts: number, sentiment: number) => {
        const b = new HistoryBuilder(null);
        for (let i = 0; i < contacts; i += 1) b.conversation(NOW - (i + 1) * MINUTE, [customer(0, 'Fine, thanks', sentiment), agent(1, 'OK')]);
        return compute(b.build(), NOW);
      };
      expect(stageWith(0, 0).stage).toBe('stranger');
      expect(stageWith(1, 0).stage).toBe('acquaintance');
      expect(stageWith(1, 0.6).stage).toBe('acquaintance');
      expect(stageWith(3, 0.6).stage).toBe('friend');
      expect(stageWith(6, 0.6).stage).toBe('kin');
      expect(stageWith(6, 0).stage).toBe('friend');
      expect(stageWith(2, -0.6).stage).toBe('stranger');
    });

    it('moves: the score now minus the score computed 30 days ago', () => {
      const b = new HistoryBuilder();
      b.conversation(NOW - 60 * DAY, [customer(0, 'Great', 0.5), agent(5, 'Thanks')]);
      b.conversation(NOW - 10 * DAY, [customer(0, 'Great again', 0.8), agent(5, 'Thanks')]);
      const history = b.build();
      const index = compute(history, NOW);
      expect(index.movement30d).toBeCloseTo(index.score - compute(history, NOW - 30 * DAY).score, 6);
      expect(index.movement30d).toBeGreaterThan(8);
    });

    it('is at-risk when the last 30 days took 10 points or more, but not when time merely passed', () => {
      const b = new HistoryBuilder(null);
      for (let i = 0; i < 10; i += 1) b.conversation(NOW - (35 + i * 20) * DAY, [customer(0, 'Super, thank you', 0.9), agent(5, 'Glad to help')]);
      const quiet = compute(b.build(), NOW);
      expect(quiet.movement30d).toBeLessThan(0); // old contributions fade …
      expect(quiet.risks).toEqual([]); // … which is not a risk
      b.conversation(NOW - 20 * DAY, [customer(0, 'This is a disgrace', -0.9), agent(10, 'Sorry'), customer(20, 'Useless', -0.9), agent(25, 'Sorry again')]);
      b.conversation(NOW - 5 * DAY, [customer(0, 'Worst service ever', -0.9), agent(10, 'Sorry'), customer(20, 'Goodbye then', -0.6), agent(25, 'Bye')]);
      const soured = compute(b.build(), NOW);
      expect(soured.risks).toHaveLength(1);
      const taken = Number(/^the last 30 days took (\d+) points off the index$/.exec(soured.risks[0]!)?.[1]);
      expect(taken).toBeGreaterThanOrEqual(10);
      expect(soured.stage).toBe('at-risk');
    });

    it('traces the score as each contact ended, then now', () => {
      const b = new HistoryBuilder();
      b.conversation(at('2025-11-12 10:00'), [customer(0, 'Hi', 0.3), agent(5, 'Hello')]);
      b.conversation(at('2026-03-02 10:00'), [customer(0, 'This is broken', -0.6), agent(5, 'Sorry'), customer(30, 'Still broken', -0.7), agent(40, 'Fixed now.')]);
      b.conversation(at('2026-03-04 10:00'), [customer(0, 'It works, thank you!', 0.7), agent(5, 'Great')]);
      const history = b.build();
      const index = compute(history, NOW);
      const ends = [at('2025-11-12 10:05'), at('2026-03-02 10:40'), at('2026-03-04 10:05')];
      expect(index.trend).toEqual([...ends.map((end) => ({ at: end, score: compute(history, end).score })), { at: NOW, score: index.score }]);
      // the bad week and its turnaround both show, two days apart
      const [first, bad, good] = index.trend.map((point) => point.score);
      expect(bad!).toBeLessThan(first!);
      expect(good! - bad!).toBeGreaterThanOrEqual(10);
    });

    it('keeps at most 24 contacts on the trend for a long history', () => {
      const b = new HistoryBuilder('Anna');
      for (let i = 0; i < 150; i += 1) {
        b.conversation(NOW - (i * 6 + 1) * DAY, [
          customer(0, 'My problem is back', -0.4),
          agent(30, 'Hi Anna, as we discussed last time, let me look.'),
          customer(60, 'ok', 0),
          agent(90, 'Fixed.'),
          customer(100, 'Thank you!', 0.6),
        ]);
      }
      const index = compute(b.build(), NOW);
      expect(index.trend).toHaveLength(25);
    });
  });
});
