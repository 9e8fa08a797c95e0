import { describe, expect, it } from 'vitest';
import { durationWords, nextStepTime, whenWords } from '../../../../electron/services/coach/timeWords';
import { currentTopic, lastOrderIn } from '../../../../electron/services/coach/conversationFacts';
import { topicPhrase } from '../../../../electron/services/coach/topicPhrase';
import { fillWording, listPlaceholders, unknownPlaceholders } from '../../../../electron/services/coach/fillWording';
import { conversation, DAY, earlier, fromAgent, fromCustomer, HOUR, MINUTE, NOW } from './coachFixtures';

const at = (y: number, m: number, d: number, h: number, min = 0): number => new Date(y, m - 1, d, h, min).getTime();

describe('filling a wording', () => {
  it('fills the first name, order number and the agent’s name', () => {
    const context = conversation({
      messages: [fromCustomer('Hi, my order LH-10234 arrived broken', 30, null), fromAgent('Sorry to hear that!', 20)],
    });
    expect(fillWording('{firstName}, I’m on order {order} — {agentFirstName}', context)).toBe('Sam, I’m on order LH-10234 — Aisha');
  });

  it('refuses a wording it cannot fill completely', () => {
    const noName = conversation({ customer: { id: 1, displayName: 'sam@example.com', firstName: null } });
    expect(fillWording('Hi {firstName}, thanks.', noName)).toBeNull();
    expect(fillWording('About order {order}.', conversation())).toBeNull();
    expect(fillWording('Sorry you waited {waited}.', conversation({ waitingSince: null }))).toBeNull();
    expect(fillWording('Hello {nickname}!', conversation())).toBeNull();
    expect(fillWording('Last time {lastContact}.', conversation())).toBeNull();
    expect(fillWording('No placeholders at all.', conversation())).toBe('No placeholders at all.');
  });

  it('takes the last order number mentioned, in either of the accepted forms', () => {
    expect(lastOrderIn('First lh-1234, then LH-99887 arrived')).toBe('LH-99887');
    expect(lastOrderIn('It was order #55123, sorry')).toBe('#55123');
    expect(lastOrderIn('order number 556677 and LH-1234')).toBe('LH-1234');
    expect(lastOrderIn('LH-1234 and then order no. 778899')).toBe('#778899');
    expect(lastOrderIn('I ordered 3 items, LH-12 is not a number')).toBeNull();
    const context = conversation({
      messages: [fromCustomer('Order LH-111111 is missing', 60, null), fromCustomer('Actually it is LH-222222', 50, null), fromAgent('Thanks', 40)],
    });
    expect(fillWording('{order}', context)).toBe('LH-222222');
    expect(fillWording('{order}', conversation({ subject: 'Refund for order LH-333333' }))).toBe('LH-333333');
  });

  it('says how long someone waited in words', () => {
    expect(durationWords(40 * 1000)).toBe('a minute or two');
    expect(durationWords(7 * MINUTE)).toBe('seven minutes');
    expect(durationWords(19 * MINUTE)).toBe('20 minutes');
    expect(durationWords(HOUR + 5 * MINUTE)).toBe('an hour');
    expect(durationWords(HOUR + 30 * MINUTE)).toBe('an hour and a half');
    expect(durationWords(2 * HOUR + 10 * MINUTE)).toBe('two hours');
    expect(durationWords(2 * HOUR + 50 * MINUTE)).toBe('three hours');
    expect(durationWords(3 * DAY + 2 * HOUR)).toBe('three days');
    // as the queue counts them ("waiting 7 d"), never a day more than it shows
    expect(durationWords(7 * DAY + 18 * HOUR)).toBe('seven days');
    expect(durationWords(20 * DAY)).toBe('three weeks');
    const context = conversation({ waitingSince: NOW - 2 * HOUR - 5 * MINUTE });
    expect(fillWording('Sorry you waited {waited}.', context)).toBe('Sorry you waited two hours.');
  });

  it('says when they last contacted us: a weekday within the week, else a date', () => {
    const tuesday = at(2026, 3, 10, 11);
    expect(whenWords(at(2026, 3, 10, 8), tuesday)).toBe('earlier today');
    expect(whenWords(at(2026, 3, 9, 17), tuesday)).toBe('yesterday');
    expect(whenWords(at(2026, 3, 5, 9), tuesday)).toBe('on Thursday');
    expect(whenWords(at(2026, 3, 3, 9), tuesday)).toBe('on 3 March');
    expect(whenWords(at(2025, 12, 24, 9), tuesday)).toBe('on 24 December 2025');
    const context = conversation({ previousConversations: [earlier(9, 7, 'Late delivery')] });
    expect(fillWording('You got in touch {lastContact} about {lastTopic}.', context)).toBe('You got in touch on 3 March about late delivery.');
  });

  it('gives a concrete time for the next step, in local time', () => {
    expect(nextStepTime(at(2026, 3, 10, 9, 30))).toBe('by 5 pm today');
    expect(nextStepTime(at(2026, 3, 10, 14, 59))).toBe('by 5 pm today');
    expect(nextStepTime(at(2026, 3, 10, 15, 0))).toBe('by noon tomorrow');
    expect(nextStepTime(at(2026, 3, 13, 11, 0))).toBe('by 5 pm today');
    expect(nextStepTime(at(2026, 3, 13, 16, 0))).toBe('by noon on Monday');
    expect(nextStepTime(at(2026, 3, 14, 10, 0))).toBe('by noon on Monday');
    expect(nextStepTime(at(2026, 3, 15, 10, 0))).toBe('by noon tomorrow');
    expect(fillWording('I’ll call you {when}.', conversation({ now: at(2026, 3, 11, 16) }))).toBe('I’ll call you by noon tomorrow.');
  });

  it('finds what a subject or message is about, as a phrase to follow “about”', () => {
    expect(topicPhrase('Re: Fwd: Late delivery!', 'subject')).toBe('late delivery');
    expect(topicPhrase('Complaint – Alder dining table (order LH-771203)', 'subject')).toBe('alder dining table');
    expect(topicPhrase('Where is my order?', 'subject')).toBe('your order');
    expect(topicPhrase('Can I change my delivery address?', 'subject')).toBeNull();
    expect(topicPhrase('Hi there, my parcel never arrived and nobody has replied to me since Friday')).toBe('your parcel');
    expect(topicPhrase('Hello! The replacement cushion covers from last week are the wrong colour')).toBe('the replacement cushion covers');
    expect(topicPhrase('Hello! I was charged twice for the same lamp. Please help')).toBeNull();
    expect(topicPhrase('LH-1234 is still missing')).toBe('LH-1234');
    expect(currentTopic(conversation({ messages: [fromCustomer('Where is my sofa?', 5, null)] }))).toBe('your sofa');
    expect(currentTopic(conversation({ messages: [fromCustomer('Do you deliver to Shetland?', 5, null)] }))).toBeNull();
    expect(fillWording('About {topic}.', conversation({ subject: 'Refund for a cracked vase' }))).toBe('About refund for a cracked vase.');
    expect(fillWording('About {lastTopic}.', conversation({ previousConversations: [earlier(3, 40, null, 'My lamp keeps flickering. Can you help?')] }))).toBe(
      'About your lamp.',
    );
    expect(fillWording('About {topic}.', conversation({ messages: [fromCustomer('Can you help?', 5, null)] }))).toBeNull();
  });

  it('lists placeholders for the playbook editor and points out unknown ones', () => {
    expect(listPlaceholders('{firstName}, about {order} and {order} again')).toEqual(['firstName', 'order']);
    expect(listPlaceholders('No placeholders.')).toEqual([]);
    expect(unknownPlaceholders('Hi {firstName}, your {orderNo} and { first name }')).toEqual(['orderNo', 'first name']);
    expect(unknownPlaceholders('{when} {followUp} {waited} {topic} {lastTopic} {lastContact} {agentFirstName}')).toEqual([]);
  });

  it('quotes the follow-up due first', () => {
    const context = conversation({
      openFollowUps: [
        { description: 'Send the invoice.', dueAt: NOW + DAY },
        { description: 'Call back about refund', dueAt: NOW - 2 * DAY },
      ],
    });
    expect(fillWording('We promised to {followUp}.', context)).toBe('We promised to call back about refund.');
  });
});
