import { describe, expect, it } from 'vitest';
import type { DraftCheckKind, Playbook } from '../../../../shared/contract/coach';
import { checkDraft } from '../../../../electron/services/coach/checkDraft';
import { DEFAULT_PLAYBOOK } from '../../../../electron/services/coach/defaultPlaybook';
import { conversation, feels, fromAgent, fromCustomer, lexicon, NOW, HOUR } from './coachFixtures';

const upset = conversation({
  subject: 'Broken lamp',
  messages: [fromCustomer('My order LH-10234 arrived broken. What are you going to do about it?', 40, feels('anger', 0.82, -0.64))],
  waitingSince: NOW - 40 * 60_000,
});
const calm = conversation({ messages: [fromCustomer('Thanks, all arrived safely.', 10, feels('joy', 0.7, 0.6))] });
const asking = conversation({ messages: [fromCustomer('Could you tell me when the sofa will be delivered', 10, feels('neutral', 0.9, 0))] });

const checks = (draft: string, context = upset, playbook: Playbook = DEFAULT_PLAYBOOK, templates: string[] = []): DraftCheckKind[] =>
  checkDraft(draft, context, playbook, templates).map((finding) => finding.check);

const WARM =
  'Hi Sam, I’m so sorry your order LH-10234 arrived broken — that’s not good enough. I’ve sent a replacement today and you’ll have it by Thursday; I’ll email you the tracking by 5 pm.';

describe('checking a draft', () => {
  it('finds nothing wrong with a warm, specific reply', () => {
    expect(checkDraft(WARM, upset, DEFAULT_PLAYBOOK)).toEqual([]);
    expect(checkDraft(WARM.replace(/’/g, "'"), upset, DEFAULT_PLAYBOOK)).toEqual([]);
    expect(checkDraft('', upset, DEFAULT_PLAYBOOK)).toEqual([]);
  });

  it('flags a reply that ignores how an upset customer feels, offering an acknowledgement to add first', () => {
    const [finding] = checkDraft('A replacement lamp has been dispatched and you will receive it by Thursday with tracking sent by email.', upset, DEFAULT_PLAYBOOK);
    expect(finding).toMatchObject({ check: 'ignores-feeling', excerpt: null, replaces: false });
    expect(finding?.message).toBe('The customer sounds upset (anger 0.82, sentiment −0.64) and this reply doesn’t acknowledge how they feel.');
    expect(DEFAULT_PLAYBOOK.rules.find((r) => r.id === 'acknowledge-anger')?.wordings.map((w) => w.replace('{firstName}', 'Sam'))).toContain(finding?.better);
  });

  it('judges upset on sentiment alone when the reading has no emotions', () => {
    const lex = conversation({ messages: [fromCustomer('This is a disgrace', 5, lexicon(-0.5))] });
    const findings = checkDraft('The replacement has been dispatched and will reach you by Thursday, tracking to follow by email.', lex, DEFAULT_PLAYBOOK);
    expect(findings.map((f) => [f.check, f.message])).toEqual([
      ['ignores-feeling', 'The customer sounds upset (sentiment −0.50) and this reply doesn’t acknowledge how they feel.'],
    ]);
    expect(checks('The replacement has been dispatched and will reach you by Thursday, tracking to follow by email.', calm)).toEqual([]);
  });

  it('flags blaming sentences and offers a rephrase that replaces them', () => {
    const findings = checkDraft(
      'I’m sorry about this. As I already told you, the refund takes five days. You should have measured the doorway first. I’ll confirm the refund by 5 pm today.',
      upset,
      DEFAULT_PLAYBOOK,
    );
    expect(findings.map((f) => [f.check, f.excerpt, f.better, f.replaces])).toEqual([
      ['blames-customer', 'As I already told you, the refund takes five days.', 'Just to recap: the refund takes five days.', true],
      ['blames-customer', 'You should have measured the doorway first.', 'That’s an easy thing to miss, so please don’t worry — let’s sort it out together.', true],
    ]);
    expect(findings[0]?.message).toBe('“As I already told you” can read as blaming the customer; say it so they don’t feel at fault.');
  });

  it('knows blaming from sympathy', () => {
    for (const fine of [
      'I’m sorry, you should have received it by now. I’ll chase the courier and update you by 5 pm today.',
      'You must have been so worried — I’m sorry. I’ll call you by noon tomorrow.',
      'I’m sorry you didn’t get a reply sooner. I’ll sort it by 5 pm today.',
    ]) {
      expect(checks(fine), fine).toEqual([]);
    }
    const clearly = checkDraft('Sorry about that. It is clearly stated on our website that returns close after 30 days. I’ll check what I can do by 5 pm today.', upset, DEFAULT_PLAYBOOK);
    expect(clearly.map((f) => [f.check, f.better])).toEqual([
      ['blames-customer', 'It’s easy to miss, but it is stated on our website that returns close after 30 days.'],
    ]);
  });

  it('flags curt phrases anywhere, and short replies to an upset customer', () => {
    const phrases = checkDraft('Noted. As per policy, refunds take 14 days.', calm, DEFAULT_PLAYBOOK);
    expect(phrases.map((f) => [f.check, f.excerpt, f.better])).toEqual([
      ['curt', 'Noted.', 'Thanks, Sam — I’ve got that.'],
      ['curt', 'As per policy, refunds take 14 days.', 'Normally, refunds take 14 days.'],
    ]);
    expect(phrases[0]?.message).toBe('“Noted.” can come across as cold.');
    const short = checkDraft('Sorry, it is being looked at today.', upset, DEFAULT_PLAYBOOK).filter((f) => f.check === 'curt');
    expect(short).toEqual([
      {
        check: 'curt',
        message: 'Only 7 words to a customer who is upset — it can feel brushed off. Say a little more.',
        excerpt: 'Sorry, it is being looked at today.',
        better: 'Sam, here’s exactly where things are and what happens next.',
        replaces: false,
      },
    ]);
    expect(checks('All arrived, lovely!', calm)).toEqual([]);
  });

  it('flags defensive replies and offers what we can do instead', () => {
    const findings = checkDraft(
      'Sorry to hear that. Our policy states that returns must be made within 30 days. It’s not our fault the courier lost it. You will need to contact the courier. I’ll look at options by 5 pm today.',
      upset,
      DEFAULT_PLAYBOOK,
    );
    expect(findings.map((f) => [f.check, f.better])).toEqual([
      ['defensive', 'Normally returns must be made within 30 days, but let me see what I can do for you.'],
      ['defensive', 'Whatever caused it, I’ll help you put it right.'],
      ['defensive', 'I’ll contact the courier for you and let you know what they say by 5 pm today.'],
    ]);
    expect(checks('I’m sorry. There is nothing we can do about the courier’s delay, but I’ll refund your delivery charge by 5 pm today.')).toEqual(['defensive']);
  });

  it('asks for a concrete next step and time when the customer is upset or asked something', () => {
    const vague = checkDraft('I’m so sorry about this, Sam. We will look into it and get back to you as soon as possible.', upset, DEFAULT_PLAYBOOK);
    expect(vague).toEqual([
      {
        check: 'no-concrete-promise',
        message: 'The customer is upset, but the reply doesn’t say what you’ll do next or by when.',
        excerpt: null,
        better: 'I’ll check order LH-10234 myself and update you by 5 pm today.',
        replaces: false,
      },
    ]);
    expect(checks('Thanks for asking about your sofa, our delivery team will be in touch about a slot.', asking)).toEqual(['no-concrete-promise']);
    expect(checks('Thanks for asking about your sofa — it’s booked in for Thursday between 10 and 2.', asking)).toEqual([]);
    expect(checks('So glad it all arrived safely, enjoy it!', calm)).toEqual([]);
    const late = conversation({ ...asking, now: new Date(2026, 2, 10, 16, 0).getTime() });
    expect(checkDraft('We will look into it.', late, DEFAULT_PLAYBOOK)[0]?.better).toBe('I’ll look into this myself and update you by noon tomorrow.');
  });

  it('flags a reply that is a stock line word for word, or one already sent', () => {
    const stock = checkDraft('That’s great to hear — thank you!', calm, DEFAULT_PLAYBOOK);
    expect(stock).toEqual([
      {
        check: 'verbatim-template',
        message: 'This is a stock line word for word; add their name or something specific to them.',
        excerpt: 'That’s great to hear — thank you!',
        better: 'Thanks so much for the kind words, Sam.',
        replaces: true,
      },
    ]);
    const macro = 'Thank you for contacting us. Your request has been received and will be handled shortly';
    expect(checkDraft(`${macro}.`, calm, DEFAULT_PLAYBOOK, [macro]).map((f) => [f.check, f.better])).toEqual([
      ['verbatim-template', 'Hi Sam, thank you for contacting us. Your request has been received and will be handled shortly.'],
    ]);
    expect(checks(`Hi Sam, loved hearing the lamp suits the reading nook. ${macro}, and I’ll send photos of the shade options by Friday.`, calm, DEFAULT_PLAYBOOK, [macro])).toEqual([]);
    const repeated = conversation({
      messages: [fromCustomer('Any news?', 120, feels('neutral', 0.8, 0)), fromAgent('We are still waiting to hear back from the warehouse.', 100), fromCustomer('Thanks, and now?', 10, feels('neutral', 0.8, 0))],
    });
    const again = checkDraft('We are still waiting to hear back from the warehouse.', repeated, DEFAULT_PLAYBOOK).find((f) => f.check === 'verbatim-template');
    expect(again?.message).toBe('You already sent this exact reply earlier in this conversation — say what has changed, in your own words.');
  });

  it('runs only the checks the playbook enables', () => {
    const only: Playbook = { ...DEFAULT_PLAYBOOK, draftCheck: { ...DEFAULT_PLAYBOOK.draftCheck, enabled: ['curt'] } };
    expect(checks('Noted. Parcel is on its way.', upset, only)).toEqual(['curt']);
    const none: Playbook = { ...DEFAULT_PLAYBOOK, draftCheck: { ...DEFAULT_PLAYBOOK.draftCheck, enabled: [] } };
    expect(checks('Noted. You should have read the policy. Our policy states no.', upset, none)).toEqual([]);
  });

  it('uses the playbook’s thresholds', () => {
    const mild = conversation({ messages: [fromCustomer('Not great really', 5, lexicon(-0.2))], waitingSince: NOW - HOUR });
    const draft = 'The parcel left our warehouse and will reach you by Thursday.';
    expect(checks(draft, mild)).toEqual([]);
    const strict: Playbook = { ...DEFAULT_PLAYBOOK, draftCheck: { ...DEFAULT_PLAYBOOK.draftCheck, upsetBelow: -0.1 } };
    expect(checks(draft, mild, strict)).toEqual(['ignores-feeling', 'curt']);
  });
});

describe('a reply that holds the coach’s own acknowledgement', () => {
  it('is not flagged for ignoring the feeling, whichever acknowledging wording the agent inserted', async () => {
    const { checkDraft } = await import('../../../../electron/services/coach/checkDraft');
    const { DEFAULT_PLAYBOOK } = await import('../../../../electron/services/coach/defaultPlaybook');
    const { conversation, feels, fromCustomer } = await import('./coachFixtures');
    const context = conversation({ messages: [fromCustomer('My parcel is missing again and I am furious.', 10, feels('anger', 0.82, -0.7))] });
    const wordings = DEFAULT_PLAYBOOK.rules.filter((rule) => rule.kind === 'acknowledge').flatMap((rule) => rule.wordings);
    expect(wordings.length).toBeGreaterThan(3);
    for (const wording of wordings) {
      const filled = wording.replaceAll(/\{(\w+)\}/g, (_, name: string) => (name === 'firstName' ? 'Sam' : 'the parcel'));
      const findings = checkDraft(`Hi Sam, ${filled} I’ve sent a replacement today and I’ll email you the tracking by 5 pm.`, context, DEFAULT_PLAYBOOK);
      expect(findings.filter((finding) => finding.check === 'ignores-feeling'), filled).toEqual([]);
    }
  });
});
