import { describe, expect, it } from 'vitest';
import type { Playbook, PlaybookRule } from '../../../../shared/contract/coach';
import { evaluatePlaybook, explainPlaybook, explainRule } from '../../../../electron/services/coach/evaluatePlaybook';
import { conversation, DAY, earlier, feels, fromAgent, fromCustomer, HOUR, lexicon, MINUTE, NOW } from './coachFixtures';

function rule(id: string, when: PlaybookRule['when'], extra: Partial<PlaybookRule> = {}): PlaybookRule {
  return { id, kind: 'acknowledge', title: id, enabled: true, priority: 50, when, wordings: [`${id} line`], ...extra };
}

function playbook(rules: PlaybookRule[], maxPrompts = 3): Playbook {
  return { version: 1, maxPrompts, rules, draftCheck: { upsetBelow: -0.3, curtUnderWords: 12, enabled: [] } };
}

const angry = (minutesAgo: number, score = 0.82, sentiment = -0.64) => fromCustomer('This is not acceptable.', minutesAgo, feels('anger', score, sentiment));

describe('evaluating the playbook', () => {
  it('fires a rule only when every condition holds, and says which one failed', () => {
    const both = rule('angry-and-waiting', { emotions: ['anger'], minEmotionScore: 0.5, minWaitMinutes: 60 });
    const waited = conversation({ messages: [angry(130)], waitingSince: NOW - 130 * MINUTE });
    expect(explainRule(both, waited)).toMatchObject({ fired: true, reason: 'anger 0.82; waited 2 h 10 min', text: 'angry-and-waiting line' });
    const answered = conversation({ messages: [angry(130)], waitingSince: null });
    expect(explainRule(both, answered)).toMatchObject({ fired: false, whyNot: 'needs a wait of 1 h; not waiting for an answer' });
    const calm = conversation({ messages: [fromCustomer('ok', 130, feels('neutral', 0.88, 0))], waitingSince: NOW - 130 * MINUTE });
    expect(explainRule(both, calm).whyNot).toBe('needs anger ≥ 0.50; last message mostly neutral 0.88');
  });

  it('names the wanted emotion’s own score when another one dominates', () => {
    const reading = { sentiment: -0.1, dominant: { emotion: 'neutral' as const, score: 0.8 }, emotions: { neutral: 0.8, anger: 0.12 }, analyzer: 'model' as const };
    const context = conversation({ messages: [fromCustomer('Hm.', 5, reading)] });
    expect(explainRule(rule('r', { emotions: ['anger'], minEmotionScore: 0.5 }), context).whyNot).toBe(
      'needs anger ≥ 0.50; last message anger 0.12 (mostly neutral 0.80)',
    );
  });

  it('needs the emotion in each of the last N customer messages', () => {
    const twice = rule('twice', { emotions: ['anger', 'disgust'], minEmotionScore: 0.5, inLastMessages: 2 });
    const once = conversation({ messages: [fromCustomer('Where is it', 20, feels('neutral', 0.7, -0.1)), fromAgent('Checking', 15), angry(5)] });
    expect(explainRule(twice, once).whyNot).toBe('needs anger or disgust ≥ 0.50 in the last two customer messages; the last two read mostly neutral 0.70, anger 0.82');
    const sustained = conversation({ messages: [angry(20, 0.77), fromAgent('Checking', 15), fromCustomer('Disgusting service', 5, feels('disgust', 0.6, -0.8))] });
    expect(explainRule(twice, sustained).reason).toBe('anger 0.77, disgust 0.60 in the last two messages');
    const same = conversation({ messages: [angry(20, 0.7), angry(5, 0.82)] });
    expect(explainRule(twice, same).reason).toBe('anger 0.70–0.82 in the last two messages');
    expect(explainRule(twice, conversation({ messages: [angry(5)] })).whyNot).toBe(
      'needs anger or disgust ≥ 0.50 in the last two customer messages; only one customer message so far',
    );
  });

  it('reads a lexicon reading for sentiment but never for emotions', () => {
    const context = conversation({ messages: [fromCustomer('Terrible, just terrible.', 5, lexicon(-0.64))] });
    const emotional = explainRule(rule('emotional', { emotions: ['anger'], minEmotionScore: 0.5 }), context);
    expect(emotional).toMatchObject({ fired: false, whyNot: 'needs anger ≥ 0.50; last message no emotions (lexicon analyzer)' });
    expect(explainRule(rule('negative', { maxSentiment: -0.35 }), context)).toMatchObject({ fired: true, reason: 'sentiment −0.64' });
  });

  it('explains each kind of evidence in words', () => {
    const context = conversation({
      messages: [fromCustomer('It went fine', 90, feels('joy', 0.5, 0.4)), fromCustomer('Actually it broke again and I am annoyed', 60, feels('anger', 0.6, -0.3))],
      waitingSince: NOW - 60 * MINUTE,
      previousConversations: [earlier(9, 7, 'Late delivery'), earlier(8, 20, 'Wrong colour')],
      openFollowUps: [{ description: 'Call back about refund.', dueAt: NOW - 2 * DAY }],
    });
    const reasons = (when: PlaybookRule['when']) => explainRule(rule('r', when), context).reason;
    expect(reasons({ returningCustomer: true })).toBe('returning customer: last contact on 3 March about late delivery');
    expect(reasons({ openFollowUp: 'overdue' })).toBe('follow-up “call back about refund” is 2 days overdue');
    expect(reasons({ repeatContact: { count: 2, days: 7 } })).toBe('second contact this week');
    expect(reasons({ repeatContact: { count: 3, days: 30 } })).toBe('third contact in 30 days');
    expect(reasons({ minSentimentDrop: 0.5 })).toBe('sentiment fell from 0.40 to −0.30');
    expect(reasons({ mentions: ['again', 'broken', 'broke'] })).toBe('mentions “again”, “broke”');
    expect(reasons({ channels: ['chat'] })).toBe('chat conversation');
    expect(explainRule(rule('r', { repeatContact: { count: 3, days: 7 } }), context).whyNot).toBe('needs 3 contacts this week; this is the second');
    const soon = conversation({ messages: [angry(5)], openFollowUps: [{ description: 'Send photos', dueAt: NOW + 3 * HOUR }] });
    expect(explainRule(rule('r', { openFollowUp: true }), soon).reason).toBe('open follow-up “send photos” due in 3 hours');
    expect(explainRule(rule('r', { openFollowUp: 'overdue' }), soon).whyNot).toBe('needs an overdue follow-up; follow-up “send photos” is due in 3 hours');
  });

  it('matches mentions as whole words, ignoring case and curly apostrophes', () => {
    const mentions = rule('m', { mentions: ['again', 'hasn’t arrived'] });
    const against = conversation({ messages: [fromCustomer('I am against this AGAINST', 5, null)] });
    expect(explainRule(mentions, against).fired).toBe(false);
    const arrived = conversation({ messages: [fromCustomer("My parcel hasn't  arrived", 5, null)] });
    expect(explainRule(mentions, arrived).reason).toBe('mentions “hasn’t arrived”');
    const shouting = conversation({ messages: [fromCustomer('Broken AGAIN!', 5, null)] });
    expect(explainRule(mentions, shouting).reason).toBe('mentions “again”');
  });

  it('offers one prompt per kind, highest priority first, at most maxPrompts', () => {
    const rules = [
      rule('ack-low', { maxSentiment: -0.3 }, { priority: 10 }),
      rule('ack-high', { maxSentiment: -0.3 }, { priority: 90 }),
      rule('sorry', { maxSentiment: -0.3 }, { kind: 'apologise', priority: 70 }),
      rule('fix', { maxSentiment: -0.3 }, { kind: 'own-and-fix', priority: 80 }),
      rule('thanks', { minSentiment: 0.5 }, { kind: 'thank', priority: 100 }),
      rule('hello', {}, { kind: 'personalise', priority: 5 }),
    ];
    const context = conversation({ messages: [angry(5)] });
    expect(evaluatePlaybook(playbook(rules), context).map((s) => s.ruleId)).toEqual(['ack-high', 'fix', 'sorry']);
    expect(evaluatePlaybook(playbook(rules, 6), context).map((s) => s.ruleId)).toEqual(['ack-high', 'fix', 'sorry', 'hello']);
    const explained = explainPlaybook(playbook(rules), context);
    expect(explained.find((e) => e.ruleId === 'ack-low')?.whyNot).toBe('a higher-priority “acknowledge” prompt is shown');
    expect(explained.find((e) => e.ruleId === 'hello')).toMatchObject({ fired: true, shown: false, reason: 'no conditions set', whyNot: 'only 3 prompts are shown at once' });
    expect(explained.find((e) => e.ruleId === 'thanks')?.whyNot).toBe('needs sentiment ≥ 0.50; last message −0.64');
  });

  it('skips switched-off rules and rules with no fillable wording, falling back to the next rule of that kind', () => {
    const rules = [
      rule('off', {}, { priority: 99, enabled: false }),
      rule('needs-order', {}, { priority: 90, wordings: ['About {order}.', 'Hi {firstName}, about {order}.'] }),
      rule('plain', {}, { priority: 10, wordings: ['Plain line.'] }),
    ];
    const context = conversation({ messages: [angry(5)] });
    expect(evaluatePlaybook(playbook(rules), context).map((s) => [s.ruleId, s.text])).toEqual([['plain', 'Plain line.']]);
    const explained = explainPlaybook(playbook(rules), context);
    expect(explained[0]).toMatchObject({ fired: false, whyNot: 'turned off' });
    expect(explained[1]).toMatchObject({ fired: true, shown: false, whyNot: 'no wording can be filled here (missing {order})' });
  });

  it('evaluates the customer’s last message even when the agent wrote last, and offers nothing before the customer writes', () => {
    const rules = [rule('neg', { maxSentiment: -0.3 })];
    const agentLast = conversation({ messages: [angry(30), fromAgent('Looking now.', 10)] });
    expect(evaluatePlaybook(playbook(rules), agentLast).map((s) => s.reason)).toEqual(['sentiment −0.64']);
    const outbound = conversation({ messages: [fromAgent('Hello Sam, a quick note about your order.', 10)] });
    expect(evaluatePlaybook(playbook([rule('always', {})]), outbound)).toEqual([]);
    expect(explainRule(rule('always', {}), outbound).whyNot).toBe('the customer has not written yet');
  });

  it('is deterministic, rotates between conversations, and never repeats the line last shown for a rule', () => {
    const wordings = ['One.', 'Two.', 'Three.', 'Four.', 'Five.'];
    const rules = [rule('r', {}, { wordings })];
    const at = (conversationId: number, recentTexts: string[] = []) =>
      evaluatePlaybook(playbook(rules), conversation({ conversationId, messages: [angry(5)], recentTexts }))[0]?.text;
    expect(at(42)).toBe(at(42));
    const starts = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((id) => at(id)));
    expect(starts.size).toBeGreaterThan(1);
    const first = at(42) ?? '';
    const second = at(42, [first]);
    expect(second).not.toBe(first);
    const shownAll = [...wordings].reverse();
    // Every line was shown, "Five." most recently: the coach picks the one shown longest ago.
    expect(at(42, shownAll)).toBe('One.');
  });

  it('recognises an earlier filling of the same wording as already shown', () => {
    const rules = [rule('r', {}, { wordings: ['Sorry you waited {waited}.', 'Sorry for the wait.'] })];
    const context = conversation({ messages: [angry(5)], waitingSince: NOW - 3 * HOUR, recentTexts: ['Sorry you waited two hours.'] });
    expect(evaluatePlaybook(playbook(rules), context)[0]?.text).toBe('Sorry for the wait.');
  });

  it('drops a rule whose only line was the one last shown', () => {
    const only = rule('only', {}, { wordings: ['The only line.'] });
    const context = conversation({ messages: [angry(5)], recentTexts: ['The only line.'] });
    expect(evaluatePlaybook(playbook([only]), context)).toEqual([]);
    expect(explainRule(only, context)).toMatchObject({ fired: true, shown: false, whyNot: 'its only wording was the last one shown' });
  });

  it('counts repeat contacts only within the window, this conversation included', () => {
    const r = rule('r', { repeatContact: { count: 3, days: 7 } });
    const recent = conversation({ messages: [angry(5)], previousConversations: [earlier(1, 2, null), earlier(2, 6, null), earlier(3, 20, null)] });
    expect(explainRule(r, recent).reason).toBe('third contact this week');
    const old = conversation({ messages: [angry(5)], previousConversations: [earlier(1, 2, null), earlier(3, 20, null)] });
    expect(explainRule(r, old).fired).toBe(false);
    const self = conversation({ conversationId: 1, messages: [angry(5)], previousConversations: [earlier(1, 0, null), earlier(2, 1, null)] });
    expect(explainRule(r, self).whyNot).toBe('needs 3 contacts this week; this is the second');
  });
});
