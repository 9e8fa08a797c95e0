import { describe, expect, it } from 'vitest';
import { detectPromises } from '../../../../electron/services/followups/detectPromises';
import { instantOf } from '../../../../electron/services/common/wallClock';

const LONDON = 'Europe/London';
/** Wall-clock time in London (on UTC until 29 March 2026). */
const london = (month: number, day: number, hour: number, minute = 0) => instantOf(2026, month, day, hour, minute, 0, LONDON);
const SENT = london(3, 3, 10); // Tuesday 3 March 2026, 10:00

const detect = (text: string, sentAt = SENT, timeZone = LONDON) => detectPromises(text, sentAt, { timeZone });
const one = (text: string, sentAt = SENT, timeZone = LONDON) => {
  const found = detect(text, sentAt, timeZone);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('finding promises in a sent reply', () => {
  it('reads the examples: what to do and by when', () => {
    expect(one("I'll call you back tomorrow.")).toEqual({ description: 'Call back', dueAt: london(3, 4, 17), excerpt: "I'll call you back tomorrow." });
    expect(one("You'll have it by Friday.")).toMatchObject({ description: 'Confirm it arrived', dueAt: london(3, 6, 17) });
    // 5 working days from Tuesday 10:00 is the next Tuesday 10:00
    expect(one('We will refund you within 3–5 working days.')).toMatchObject({ description: 'Refund the customer', dueAt: london(3, 10, 10) });
    expect(one("I'll email you the tracking by 5 pm.")).toMatchObject({ description: 'Email the tracking', dueAt: london(3, 3, 17) });
    // next week: by the Friday of next week
    expect(one("I'll check in with you next week.")).toMatchObject({ description: 'Check in with the customer', dueAt: london(3, 13, 17) });
  });

  it('is not fooled by things that already happened, or commitments without a time', () => {
    expect(detect('We shipped it yesterday.')).toEqual([]);
    expect(detect('Your order arrived on Monday.')).toEqual([]);
    expect(detect('I called the courier this morning and they confirmed delivery on 1 March.')).toEqual([]);
    expect(detect("I'll look into it.")).toEqual([]);
    expect(detect('Thanks for getting in touch on Friday.')).toEqual([]);
  });

  it('leaves quoted customer text, questions and conditionals about the customer alone', () => {
    expect(detect("Thanks for your message.\n> I'll call you tomorrow\n> You'll have it by Friday")).toEqual([]);
    expect(detect('Shall I call you back tomorrow?')).toEqual([]);
    expect(detect("If you send me a photo, I'll refund you tomorrow.")).toEqual([]);
    expect(detect("Let me know by Friday in case you want the larger size.")).toEqual([]);
    expect(detect("Hi Anna,\n\nAll sorted.\n\nOn Tue, 3 Mar 2026 at 09:12, Anna wrote:\nI'll pay the invoice tomorrow.")).toEqual([]);
  });

  it('does not take negations or out-of-office notes for promises', () => {
    expect(detect('We will not charge you again on Friday.')).toEqual([]);
    expect(detect("I'll be out of the office until Monday.")).toEqual([]);
    expect(detect("I won't be able to call tomorrow.")).toEqual([]);
  });

  it('puts a date without a time at 17:00, and reads times of day', () => {
    expect(one('I will send the paperwork on 12 March.').dueAt).toBe(london(3, 12, 17));
    expect(one("I'll ring you back this afternoon.")).toMatchObject({ description: 'Ring back', dueAt: london(3, 3, 17) });
    expect(one("I'll update you on Thursday morning.")).toMatchObject({ description: 'Update the customer', dueAt: london(3, 5, 12) });
    expect(one("I'll call you next Monday at 9:30.").dueAt).toBe(london(3, 9, 9, 30));
    // a bare "at 3" in working hours means 3 pm
    expect(one("I'll call you at 3.")).toMatchObject({ description: 'Call the customer', dueAt: london(3, 3, 15) });
    // "by 5 pm" sent after five means tomorrow
    expect(one("I'll email you the tracking by 5 pm.", london(3, 3, 18)).dueAt).toBe(london(3, 4, 17));
  });

  it('counts "within" from the moment sent, working days skipping the weekend', () => {
    expect(one("You'll hear from our engineer within 2 hours.")).toMatchObject({ description: 'Get back to the customer', dueAt: SENT + 2 * 3_600_000 });
    expect(one('We will fix it within 3 days.').dueAt).toBe(london(3, 6, 10));
    const friday = london(3, 6, 15);
    expect(one('You should receive your refund within 2 working days.', friday)).toMatchObject({ description: 'Confirm the refund arrived', dueAt: london(3, 10, 15) });
    expect(one('We will be in touch within 48 hours.')).toMatchObject({ description: 'Get in touch', dueAt: SENT + 48 * 3_600_000 });
  });

  it('reads end of day and end of week', () => {
    expect(one('Let me look into this and get back to you by the end of the day.')).toMatchObject({ description: 'Look into this and get back to the customer', dueAt: london(3, 3, 17) });
    expect(one("We'll send you a replacement by the end of the week.")).toMatchObject({ description: 'Send a replacement', dueAt: london(3, 6, 17) });
    expect(one("I'll confirm by close of business tomorrow.").dueAt).toBe(london(3, 4, 17));
  });

  it('describes what the customer will receive as something to confirm', () => {
    expect(one('Your replacement will arrive on Thursday.')).toMatchObject({ description: 'Confirm the replacement arrived', dueAt: london(3, 5, 17) });
    expect(one('You will be contacted by our team tomorrow.').description).toBe('Contact the customer');
  });

  it('finds every promise in a longer e-mail, with the sentence as the excerpt, and keeps descriptions short', () => {
    const reply = [
      'Hi Anna,',
      '',
      "Thanks for your patience. I've escalated this to our warehouse team and I'll update you on Thursday morning. We will also refund the delivery charge within 5 working days.",
      '',
      'Best,',
      'Jo',
    ].join('\n');
    expect(detect(reply)).toEqual([
      { description: 'Update the customer', dueAt: london(3, 5, 12), excerpt: "I've escalated this to our warehouse team and I'll update you on Thursday morning." },
      { description: 'Refund the delivery charge', dueAt: london(3, 10, 10), excerpt: 'We will also refund the delivery charge within 5 working days.' },
    ]);
    const long = one(
      "I'll make sure that the engineer who visited last week, together with the regional manager and the installation team, reviews every single step of the installation tomorrow.",
    );
    expect(long.description.length).toBeLessThanOrEqual(80);
    expect(long.dueAt).toBe(london(3, 4, 17));
  });

  it('works in the agent’s time zone, across a daylight-saving change', () => {
    const newYork = 'America/New_York';
    const fridayMorning = instantOf(2026, 3, 6, 10, 0, 0, newYork); // EST; clocks go forward on Sunday 8 March
    expect(one("I'll call you next Monday at 9:30.", fridayMorning, newYork).dueAt).toBe(instantOf(2026, 3, 9, 9, 30, 0, newYork));
    expect(instantOf(2026, 3, 9, 9, 30, 0, newYork)).toBe(Date.UTC(2026, 2, 9, 13, 30)); // EDT, UTC−4
    expect(one("I'll call you back tomorrow.", fridayMorning, newYork).dueAt).toBe(Date.UTC(2026, 2, 7, 22, 0)); // Saturday 17:00 EST
  });
});

describe('promises too far ahead', () => {
  it('offers nothing for a time beyond the horizon, and never fails on one', () => {
    expect(detect("I'll call you back in 145000000000 minutes.")).toEqual([]);
    expect(detect('We will refund you within 99999999 days.')).toEqual([]);
    expect(detect('We will refund you within 99999999 working days.')).toEqual([]);
    expect(detect("I'll check in with you in 9007199254740991 weeks.")).toEqual([]);
    expect(detect("I'll call you on 1 March 275760.")).toEqual([]);
    expect(detect("I'll send you the voucher on 1 March 2031.")).toEqual([]);
    // a year away is still a promise; a little more is not
    expect(one("I'll call you back within 300 days.").dueAt).toBeGreaterThan(SENT);
    expect(detect("I'll call you back within 400 days.")).toEqual([]);
  });

  it('finds nothing in a reply whose own time is outside the contract', () => {
    expect(detect("I'll call you back tomorrow.", 2 ** 53 - 1)).toEqual([]);
    expect(detect("I'll call you back tomorrow.", -1)).toEqual([]);
  });
});
