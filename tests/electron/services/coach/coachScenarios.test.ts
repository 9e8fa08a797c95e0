import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../../electron/services/coach/checkDraft';
import type { CoachContext } from '../../../../electron/services/coach/coachContext';
import { DEFAULT_PLAYBOOK } from '../../../../electron/services/coach/defaultPlaybook';
import { evaluatePlaybook } from '../../../../electron/services/coach/evaluatePlaybook';
import { conversation, DAY, earlier, feels, fromAgent, fromCustomer, HOUR, lexicon, MINUTE, NOW } from './coachFixtures';

/** Realistic conversations run through the default playbook. */

const wordingsOf = (ruleId: string, fill: Record<string, string>): string[] =>
  (DEFAULT_PLAYBOOK.rules.find((rule) => rule.id === ruleId)?.wordings ?? []).map((wording) =>
    wording.replace(/\{(\w+)\}/g, (whole, name: string) => fill[name] ?? whole),
  );

/** (a) Third contact this week about a missing parcel, angry twice over, three hours without an answer. */
const angryRepeat: CoachContext = conversation({
  conversationId: 501,
  subject: 'Missing parcel',
  customer: { id: 11, displayName: 'Sam Taylor', firstName: 'Sam' },
  messages: [
    fromCustomer('Where is my parcel? Order LH-482913 was due last Tuesday.', 200, feels('anger', 0.55, -0.4)),
    fromAgent('Sorry about that, I’m checking with the courier now.', 190),
    fromCustomer('This is the third time I have asked. It is STILL missing.', 185, feels('anger', 0.82, -0.7)),
    fromCustomer('Hello?? Is anyone actually there?', 180, feels('anger', 0.82, -0.64)),
  ],
  waitingSince: NOW - 3 * HOUR,
  previousConversations: [earlier(401, 2, 'Missing parcel'), earlier(402, 5, 'Where is my parcel?')],
});

/** (b) Frightened about a double charge. */
const frightened: CoachContext = conversation({
  conversationId: 502,
  customer: { id: 12, displayName: 'Priya Shah', firstName: 'Priya' },
  messages: [fromCustomer('I’m worried my card was charged twice for order LH-551200. Is my account safe?', 4, feels('fear', 0.7, -0.45))],
  waitingSince: NOW - 4 * MINUTE,
});

/** (c) A delighted returning customer. */
const happyFan: CoachContext = conversation({
  conversationId: 503,
  customer: { id: 13, displayName: 'Jo Bright', firstName: 'Jo' },
  messages: [fromCustomer('The armchair arrived this morning and it is PERFECT. Thank you so much, you lot are brilliant!', 10, feels('joy', 0.9, 0.92))],
  previousConversations: [earlier(403, 40, 'Armchair fabric samples'), earlier(404, 200, null, 'Do you deliver to Shetland?')],
});

/** (d) A complaint nobody answered: six days waiting, and the call-back we promised is overdue. */
const ignored: CoachContext = conversation({
  conversationId: 504,
  channel: 'email',
  subject: 'Complaint – Alder dining table (order LH-771203)',
  customer: { id: 14, displayName: 'Daniel Whitcombe', firstName: 'Daniel' },
  messages: [
    fromCustomer('The table top is split right across. Please advise.', 9 * 24 * 60, lexicon(-0.3)),
    fromAgent('Thanks Daniel, I’ve passed this to our furniture team and will call you on Friday.', 8 * 24 * 60),
    fromCustomer('Nobody called. I have now waited six days for any reply at all. This is appalling.', 6 * 24 * 60, feels('anger', 0.45, -0.7)),
  ],
  waitingSince: NOW - 6 * DAY,
  openFollowUps: [{ description: 'Call back about the replacement table top', dueAt: NOW - 5 * DAY }],
});

describe('coach scenarios with the default playbook', () => {
  it('(a) an angry repeat contact gets apologise, acknowledge and own-and-fix, with reasons naming the anger and the repeat contact', () => {
    const prompts = evaluatePlaybook(DEFAULT_PLAYBOOK, angryRepeat);
    expect(prompts.map((p) => [p.kind, p.ruleId, p.reason])).toEqual([
      ['apologise', 'apologise-angry-again', 'anger 0.82 in the last two messages; third contact this week'],
      ['acknowledge', 'acknowledge-anger', 'anger 0.82'],
      ['own-and-fix', 'own-repeat-contact', 'sentiment −0.64; third contact this week'],
    ]);
    expect(wordingsOf('apologise-angry-again', { firstName: 'Sam', topic: 'missing parcel' })).toContain(prompts[0]?.text);
    expect(prompts[2]?.text).toContain('by 5 pm today');
  });

  it('(a) flags the curt draft “Noted. Parcel is on its way.”', () => {
    const findings = checkDraft('Noted. Parcel is on its way.', angryRepeat, DEFAULT_PLAYBOOK);
    expect(findings.map((f) => [f.check, f.excerpt])).toEqual([
      ['ignores-feeling', null],
      ['curt', 'Noted.'],
      ['no-concrete-promise', null],
    ]);
    expect(findings[0]?.message).toContain('anger 0.82');
    expect(findings[2]?.better).toBe('I’ll check order LH-482913 myself and update you by 5 pm today.');
  });

  it('(b) a frightened customer is reassured with a concrete time', () => {
    const prompts = evaluatePlaybook(DEFAULT_PLAYBOOK, frightened);
    expect(prompts.map((p) => [p.kind, p.reason])).toEqual([
      ['reassure', 'fear 0.70'],
      ['acknowledge', 'fear 0.70'],
    ]);
    expect(prompts[0]?.text).toMatch(/by 5 pm today/);
    const late = evaluatePlaybook(DEFAULT_PLAYBOOK, { ...frightened, now: new Date(2026, 2, 13, 17, 30).getTime(), waitingSince: null });
    expect(late[0]?.text).toMatch(/by noon on Monday/);
    expect(checkDraft('I understand why that’s worrying, Priya. I’ll check the payment now and confirm by 5 pm today.', frightened, DEFAULT_PLAYBOOK)).toEqual([]);
  });

  it('(c) a happy returning customer is thanked and invited in, never apologised to', () => {
    const prompts = evaluatePlaybook(DEFAULT_PLAYBOOK, happyFan);
    expect(prompts.map((p) => p.kind)).toEqual(['thank', 'invite-community', 'personalise']);
    expect(prompts[1]?.reason).toBe('joy 0.90; returning customer: last contact on 29 January about armchair fabric samples');
    expect(wordingsOf('invite-community-fan', { firstName: 'Jo' })).toContain(prompts[1]?.text);
    expect(checkDraft('So glad the armchair arrived safely, Jo — enjoy it, and thank you for telling us!', happyFan, DEFAULT_PLAYBOOK)).toEqual([]);
  });

  it('(d) an ignored complaint gets the overdue follow-up and an apology for the silence', () => {
    const prompts = evaluatePlaybook(DEFAULT_PLAYBOOK, ignored);
    expect(prompts.map((p) => [p.kind, p.ruleId, p.reason])).toEqual([
      ['follow-up', 'follow-up-overdue', 'follow-up “call back about the replacement table top” is 5 days overdue'],
      ['apologise', 'apologise-long-wait', 'waited 6 days'],
      ['acknowledge', 'acknowledge-negative', 'sentiment −0.70'],
    ]);
    expect(wordingsOf('apologise-long-wait', { firstName: 'Daniel', waited: 'six days' })).toContain(prompts[1]?.text);
  });

  it('never offers the same line twice in a row, and works through a rule’s lines before repeating one', () => {
    let recentTexts: string[] = [];
    const shownByRule = new Map<string, string[]>();
    for (let call = 0; call < 12; call++) {
      const prompts = evaluatePlaybook(DEFAULT_PLAYBOOK, { ...angryRepeat, recentTexts });
      expect(prompts.map((p) => p.kind)).toEqual(['apologise', 'acknowledge', 'own-and-fix']);
      for (const prompt of prompts) {
        const shown = shownByRule.get(prompt.ruleId) ?? [];
        expect(prompt.text, `${prompt.ruleId} call ${call}`).not.toBe(shown[shown.length - 1]);
        shownByRule.set(prompt.ruleId, [...shown, prompt.text]);
      }
      recentTexts = [...prompts.map((p) => p.text).reverse(), ...recentTexts];
    }
    // acknowledge-anger has five wordings, all fillable here: the first five calls use each once.
    const acknowledged = shownByRule.get('acknowledge-anger') ?? [];
    expect(new Set(acknowledged.slice(0, 5)).size).toBe(5);
    expect(new Set(acknowledged).size).toBe(5);
  });

  it('still prompts on sentiment when the lexicon analyzer read the messages (no emotions)', () => {
    const lexiconOnly: CoachContext = {
      ...angryRepeat,
      messages: angryRepeat.messages.map((m) => (m.reading ? { ...m, reading: lexicon(m.reading.sentiment) } : m)),
    };
    const prompts = evaluatePlaybook(DEFAULT_PLAYBOOK, lexiconOnly);
    expect(prompts.map((p) => [p.ruleId, p.reason])).toEqual([
      ['apologise-repeat-upset', 'sentiment −0.64; third contact in two weeks'],
      ['own-repeat-contact', 'sentiment −0.64; third contact this week'],
      ['acknowledge-negative', 'sentiment −0.64'],
    ]);
    expect(prompts.some((p) => /anger/.test(p.reason))).toBe(false);
  });

  it('offers nothing before the customer writes, and answers the customer’s last message after the agent replied', () => {
    expect(evaluatePlaybook(DEFAULT_PLAYBOOK, conversation({ messages: [fromAgent('Hi Sam, a quick update on your order.', 5)] }))).toEqual([]);
    const replied = { ...frightened, messages: [...frightened.messages, fromAgent('Let me look.', 1)], waitingSince: null };
    expect(evaluatePlaybook(DEFAULT_PLAYBOOK, replied).map((p) => p.kind)).toEqual(['reassure', 'acknowledge']);
  });

  describe('a wait alone earns an apology, and a waiting customer is never welcomed cheerily', () => {
    const WELCOMES = ['personalise-returning', 'personalise-returning-email'];
    /** A returning customer's calm question, unanswered for `waitedMinutes`. */
    const waiting = (channel: CoachContext['channel'], waitedMinutes: number, sentiment: number): CoachContext =>
      conversation({
        conversationId: 601,
        channel,
        customer: { id: 21, displayName: 'Ruth Okafor', firstName: 'Ruth' },
        messages: [fromCustomer('Hi, is there any news on the refund for order LH-300112?', waitedMinutes, lexicon(sentiment))],
        waitingSince: NOW - waitedMinutes * MINUTE,
        previousConversations: [earlier(501, 60, 'Returning a lamp')],
      });

    it('a calm e-mail left twelve days is apologised to, not welcomed back', () => {
      const prompts = evaluatePlaybook(DEFAULT_PLAYBOOK, waiting('email', 12 * 24 * 60, 0.05));
      expect(prompts.map((p) => [p.ruleId, p.reason])).toEqual([['apologise-long-wait', 'waited 12 days']]);
      expect(wordingsOf('apologise-long-wait', { firstName: 'Ruth', waited: '12 days' })).toContain(prompts[0]?.text);
    });

    it('a neutral chat left 40 minutes is apologised to; answered in two minutes it is welcomed back', () => {
      expect(evaluatePlaybook(DEFAULT_PLAYBOOK, waiting('chat', 40, 0)).map((p) => [p.ruleId, p.reason])).toEqual([['apologise-live-wait', 'waited 40 min']]);
      const quick = evaluatePlaybook(DEFAULT_PLAYBOOK, waiting('chat', 2, 0));
      expect(quick.map((p) => p.ruleId)).toEqual(['personalise-returning']);
      expect(evaluatePlaybook(DEFAULT_PLAYBOOK, waiting('email', 3 * 60, 0)).map((p) => p.ruleId)).toEqual(['personalise-returning-email']);
    });

    it('over every channel, wait and feeling: past the wait an apology shows and no welcome does', () => {
      const threshold = { chat: 15, voice: 15, email: 24 * 60 } as const;
      for (const channel of ['chat', 'voice', 'email'] as const) {
        for (const minutes of [0, 5, 14, 15, 16, 60, 600, 1439, 1440, 3 * 1440, 10 * 1440, 20 * 1440]) {
          for (const sentiment of [-0.9, -0.25, -0.2, 0, 0.3, 0.9]) {
            const shown = evaluatePlaybook(DEFAULT_PLAYBOOK, waiting(channel, minutes, sentiment));
            const label = `${channel}, waited ${minutes} min, sentiment ${sentiment}`;
            const welcomed = shown.some((p) => WELCOMES.includes(p.ruleId));
            if (minutes >= threshold[channel]) {
              expect(shown.some((p) => p.kind === 'apologise'), label).toBe(true);
              expect(welcomed, label).toBe(false);
            }
            if (sentiment < -0.2) expect(welcomed, label).toBe(false);
          }
        }
      }
    });

    it('a happy regular writing for the third time this week is not told “we should have fixed this”', () => {
      const regular = conversation({
        conversationId: 602,
        customer: { id: 22, displayName: 'Jo Bright', firstName: 'Jo' },
        messages: [fromCustomer('Me again! Could I add a second cushion to my order? Love the first one.', 3, feels('joy', 0.8, 0.8))],
        previousConversations: [earlier(503, 2, 'Cushion colours'), earlier(504, 4, 'Armchair delivery')],
      });
      const prompts = evaluatePlaybook(DEFAULT_PLAYBOOK, regular);
      expect(prompts.map((p) => p.kind)).not.toContain('own-and-fix');
      expect(prompts.map((p) => p.kind)).not.toContain('apologise');
    });
  });
});
