import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../../electron/services/coach/checkDraft';
import { DEFAULT_PLAYBOOK } from '../../../../electron/services/coach/defaultPlaybook';
import { draftTone } from '../../../../electron/services/coach/draftTone';
import { conversation, feels, fromCustomer, lexicon } from './coachFixtures';

/** The draft's tone in the agent's terms, whatever a model hears in it. */

const upset = conversation({ messages: [fromCustomer('My order arrived broken and I am furious.', 5, feels('anger', 0.8, -0.7))] });
const toneOf = (draft: string, reading: Parameters<typeof draftTone>[2]) => draftTone(draft, checkDraft(draft, upset, DEFAULT_PLAYBOOK), reading);

describe('the tone of a draft', () => {
  it('an apology with understanding is warm, even read as sadness −0.95', () => {
    const apology = 'I am so sorry, Sam. I completely understand how frustrating this must be. I will send a new one today and confirm by 5 pm.';
    expect(toneOf(apology, feels('sadness', 0.95, -0.95))).toEqual({ tone: 'warm', because: ['says sorry', 'shows understanding'] });
    expect(toneOf(apology, lexicon(-0.6)).tone).toBe('warm');
    expect(toneOf(apology, null).tone).toBe('warm');
  });

  it('“That is your problem” blames the customer, even read as neutral', () => {
    const blame = toneOf('That is your problem.', feels('neutral', 0.9, 0));
    expect(blame.tone).toBe('blaming');
    expect(blame.because[0]).toMatch(/^blames the customer/);
    expect(toneOf('You should have read the instructions.', lexicon(0)).tone).toBe('blaming');
  });

  it('a cold one-liner is curt; a plain factual answer is neutral; a friendly one warm', () => {
    expect(toneOf('Noted.', feels('neutral', 0.9, 0)).tone).toBe('curt');
    const calm = conversation({ messages: [fromCustomer('When does the shop open on Saturday?', 5, lexicon(0))] });
    const plain = 'We open at 9 on Saturday and close at 5, with parking at the back of the building.';
    expect(draftTone(plain, checkDraft(plain, calm, DEFAULT_PLAYBOOK), lexicon(0)).tone).toBe('neutral');
    const friendly = 'Lovely to hear the chair arrived safely — enjoy it!';
    expect(draftTone(friendly, checkDraft(friendly, calm, DEFAULT_PLAYBOOK), lexicon(0.8)).tone).toBe('warm');
  });
});
