import { describe, expect, it } from 'vitest';
import { computeConnection } from '../../../../electron/services/connection/connectionFormula';
import type { ConnectionHistory } from '../../../../electron/services/connection/connectionHistory';
import { agent, at, customer, DAY, HistoryBuilder, HOUR, TZ } from './historyBuilder';

/** Realistic customer histories, and what the index must make of them. */

const compute = (history: ConnectionHistory, now: number) => computeConnection(history, now, { timeZone: TZ });
const NOW = at('2026-03-09 12:00'); // a Monday

describe('connection scenarios', () => {
  it('an angry repeat contact whose problem was finally solved, and who ended happy, rises', () => {
    const b = new HistoryBuilder('Sam');
    b.conversation(at('2026-02-10 09:00'), [
      customer(0, 'My broadband drops every hour. Fix it.', -0.7),
      agent(45, 'Sorry Sam, please restart the router and tell me how it goes.'),
      customer(60, 'Did that. Still broken. Useless.', -0.7),
      agent(70, 'I have escalated it to our engineers.'),
    ]);
    b.conversation(at('2026-02-17 09:00'), [
      customer(0, 'A week later and it is still dropping!', -0.8),
      agent(30, 'An engineer will visit on Monday.'),
      customer(40, 'Whatever.', -0.4),
      agent(45, 'I understand, and I am sorry.'),
    ]);
    const beforeResolution = b.build();
    const unresolved = new HistoryBuilder('Sam');
    const resolved = new HistoryBuilder('Sam');
    for (const builder of [unresolved, resolved]) {
      for (const c of beforeResolution.conversations) {
        builder.conversation(
          c.createdAt,
          c.messages.map((m) => ({ after: m.sentAt - c.createdAt, author: m.author as 'customer' | 'agent', body: m.body, sentiment: m.sentiment })),
        );
      }
    }
    resolved.conversation(at('2026-02-24 09:00'), [
      customer(0, 'The engineer never came. I am furious.', -0.9),
      agent(20, 'Sam, I am so sorry. As we discussed last week, I have now sent a new router by courier for tomorrow and credited this month.'),
      customer(40, 'Oh, that is actually great, thank you.', 0.6),
      customer(42, 'It works perfectly now, really appreciate it!', 0.8),
    ]);
    unresolved.conversation(at('2026-02-24 09:00'), [
      customer(0, 'The engineer never came. I am furious.', -0.9),
      agent(20, 'I will chase the engineers.'),
      customer(40, 'Same answer as always.', -0.6),
      customer(42, 'I am done with you.', -0.8),
      agent(50, 'Sorry to hear that.'),
    ]);

    const before = compute(beforeResolution, at('2026-02-23 12:00'));
    const after = compute(resolved.build(), at('2026-02-25 12:00'));
    const stillAngry = compute(unresolved.build(), at('2026-02-25 12:00'));

    expect(before.stage).toBe('stranger');
    expect(after.score).toBeGreaterThan(before.score + 8);
    expect(after.score).toBeGreaterThan(stillAngry.score + 15);
    const turnaround = after.contributions.find((c) => c.kind === 'turnaround');
    expect(turnaround).toMatchObject({ label: 'chat on 24 February turned around: began upset, ended happy', conversationId: 3 });
    expect(turnaround!.points).toBeGreaterThanOrEqual(2.5);
    // the bad start turned around is worth more than its ending alone
    const ending = after.contributions.find((c) => c.kind === 'ending' && c.conversationId === 3)!;
    expect(turnaround!.points + ending.points).toBeGreaterThan(ending.points * 1.25);
    expect(stillAngry.contributions.some((c) => c.kind === 'turnaround' && c.conversationId === 3 && c.label.includes('still ended upset'))).toBe(true);
    expect(after.risks).toEqual([]);
  });

  it('a happy, loyal customer over a year is a friend or kin', () => {
    const b = new HistoryBuilder('Priya');
    for (let month = 0; month < 12; month += 1) {
      const start = at('2025-03-14 10:00') + month * 30 * DAY;
      const id = b.conversation(
        start,
        [
          customer(0, 'Hi, a quick question about my plan', 0.1),
          agent(15, month === 0 ? 'Hi Priya, happy to help.' : 'Hi Priya, good to hear from you again. Your previous order went well?'),
          customer(25, 'Yes, lovely, thank you so much!', 0.7),
        ],
        month % 3 === 0 ? 'email' : 'chat',
      );
      if (month % 4 === 0) b.followUp(id, 'Send the renewal offer', start + HOUR, start + 3 * DAY, start + 2 * DAY);
    }
    const index = compute(b.build(), NOW);
    expect(['friend', 'kin']).toContain(index.stage);
    expect(index.score).toBeGreaterThanOrEqual(50);
    expect(index.risks).toEqual([]);
    expect(index.contributions.filter((c) => c.points < 0)).toEqual([]);
    const kinds = new Set(index.contributions.map((c) => c.kind));
    for (const kind of ['contact', 'ending', 'promise-kept', 'personal-touch'] as const) expect(kinds).toContain(kind);
    // a one-off happy contact does not make a friend
    const once = new HistoryBuilder('Priya');
    once.conversation(NOW - 3 * DAY, [customer(0, 'Hi', 0.1), agent(15, 'Hi Priya'), customer(25, 'Lovely, thanks!', 0.7)]);
    expect(compute(once.build(), NOW).stage).toBe('acquaintance');
  });

  describe('a complaint ignored for 6 days', () => {
    const history = (answerAfterMinutes: number | null) => {
      const b = new HistoryBuilder('Lee');
      b.conversation(at('2025-12-02 10:00'), [customer(0, 'Can I change my delivery address?', 0.1), agent(20, 'Done, Lee.'), customer(30, 'Thanks!', 0.5)]);
      const steps = [customer(0, 'I was charged twice this month. This is really not good enough.', -0.6)];
      if (answerAfterMinutes !== null) steps.push(agent(answerAfterMinutes, 'I am sorry, Lee: I have refunded the second charge.'));
      b.conversation(at('2026-03-03 10:00'), steps, 'email', 'Charged twice');
      return b.build();
    };

    it('is at-risk, and says which complaint and for how long', () => {
      const ignored = compute(history(null), NOW);
      expect(ignored.stage).toBe('at-risk');
      expect(ignored.risks).toContain('complaint on 3 March still unanswered after 6 days');
      expect(ignored.contributions).toContainEqual({ kind: 'unanswered', points: -12, label: 'complaint on 3 March unanswered for 6 days', at: at('2026-03-03 10:00'), conversationId: 2 });
      // how it ended (upset) and being ignored are the two largest things said about them
      expect(ignored.contributions.slice(0, 2).map((c) => c.kind).sort()).toEqual(['ending', 'unanswered']);
    });

    it('scores well below the same history answered within the hour', () => {
      const ignored = compute(history(null), NOW);
      const answered = compute(history(45), NOW);
      // still a fall (the complaint ended upset), but nothing left unanswered
      expect(answered.risks.join(' ')).not.toMatch(/unanswered/);
      expect(answered.contributions.some((c) => c.kind === 'unanswered')).toBe(false);
      expect(answered.score - ignored.score).toBeGreaterThanOrEqual(11.5);
    });
  });

  describe('a promise kept against a promise broken', () => {
    const history = (doneAt: number | null) => {
      const b = new HistoryBuilder('Maria');
      const id = b.conversation(at('2026-02-16 10:00'), [
        customer(0, 'My replacement card has not come.', -0.2),
        agent(10, 'I will call you back on Wednesday with the courier details, Maria.'),
        customer(15, 'OK, thanks.', 0.3),
      ]);
      b.followUp(id, 'Call back with the courier details', at('2026-02-16 10:10'), at('2026-02-18 17:00'), doneAt);
      return compute(b.build(), NOW);
    };

    it('counts for the customer when kept, against them when broken, and makes them at-risk when broken', () => {
      const kept = history(at('2026-02-18 11:00'));
      const late = history(at('2026-02-23 15:00'));
      const never = history(null);
      expect(kept.contributions).toContainEqual(expect.objectContaining({ kind: 'promise-kept', label: 'promise kept: “Call back with the courier details” (due 18 February, done 18 February)' }));
      expect(late.contributions).toContainEqual(expect.objectContaining({ kind: 'promise-broken', label: 'promise broken: “Call back with the courier details” due 18 February, done 4 days late' }));
      expect(never.contributions).toContainEqual(expect.objectContaining({ kind: 'promise-broken', label: 'promise broken: “Call back with the courier details” due 18 February, overdue by 18 days' }));
      expect(kept.score).toBeGreaterThan(late.score + 10);
      expect(late.score).toBeGreaterThan(never.score);
      expect(kept.risks).toEqual([]);
      expect(late.stage).toBe('at-risk');
      expect(never.stage).toBe('at-risk');
      expect(never.risks).toContain('promise “Call back with the courier details” overdue by 18 days (due 18 February)');
    });
  });

  it('the same bad experience weighs less two years ago than last week', () => {
    const history = (badAt: number) => {
      const b = new HistoryBuilder('Tom');
      b.conversation(badAt, [customer(0, 'You lost my parcel and nobody cares.', -0.8), agent(6 * 24 * 60, 'Sorry for the delay, Tom.'), customer(6 * 24 * 60 + 30, 'Too late.', -0.5), agent(6 * 24 * 60 + 40, 'Understood.')]);
      for (let i = 0; i < 4; i += 1) b.conversation(NOW - (60 + i * 45) * DAY, [customer(0, 'Quick question', 0.1), agent(10, 'Sure, Tom'), customer(20, 'Great, thanks', 0.6)]);
      return compute(b.build(), NOW);
    };
    const longAgo = history(NOW - 730 * DAY);
    const lastWeek = history(NOW - 8 * DAY);
    const cost = (index: ReturnType<typeof compute>) => index.contributions.filter((c) => c.conversationId === 1 && c.points < 0).reduce((sum, c) => sum + c.points, 0);
    expect(cost(lastWeek)).toBeLessThan(-15);
    expect(Math.abs(cost(longAgo))).toBeLessThan(Math.abs(cost(lastWeek)) * 0.05);
    expect(longAgo.score).toBeGreaterThan(lastWeek.score + 15);
    expect(longAgo.contributions.find((c) => c.kind === 'unanswered')?.label ?? 'rounded away').toMatch(/^(complaint on \d+ March 2024 unanswered for 6 days|rounded away)$/);
    expect(lastWeek.contributions.find((c) => c.kind === 'unanswered')?.label).toBe('complaint on 1 March unanswered for 6 days');
  });
});

describe('a customer left waiting without a complaint in their words', () => {
  const history = (last: { body: string; sentiment: number }, status: 'open' | 'resolved') => {
    const b = new HistoryBuilder('Dan');
    b.conversation(at('2026-03-03 10:00'), [customer(0, 'Where is my dining table? It was due last week.', -0.1), agent(30, 'Dan, I have asked the warehouse and will come back to you.'), customer(60, last.body, last.sentiment)], 'email', 'Dining table', status);
    return compute(b.build(), NOW);
  };

  it('counts being ignored for days in an open conversation, and says so, even when the words read calm', () => {
    const ignored = history({ body: 'Nine days and still nothing. I have ordered one elsewhere.', sentiment: -0.05 }, 'open');
    expect(ignored.stage).toBe('at-risk');
    expect(ignored.risks.join(' ')).toMatch(/^message on 3 March still unanswered after \d days/);
    const item = ignored.contributions.find((contribution) => contribution.kind === 'unanswered');
    expect(item?.label).toMatch(/^message on 3 March unanswered for \d days$/);
    expect(item!.points).toBeLessThan(0);
  });

  it('does not count a happy last word, nor one in a conversation the team resolved', () => {
    for (const quiet of [history({ body: 'Got it, thank you so much!', sentiment: 0.8 }, 'open'), history({ body: 'Nine days and still nothing.', sentiment: -0.05 }, 'resolved')]) {
      expect(quiet.contributions.some((contribution) => contribution.kind === 'unanswered')).toBe(false);
      expect(quiet.stage).not.toBe('at-risk');
    }
  });
});
