import { describe, expect, it } from 'vitest';
import { COACH_KINDS, DRAFT_CHECKS, playbookSchema } from '../../../../shared/contract/coach';
import { DEFAULT_PLAYBOOK } from '../../../../electron/services/coach/defaultPlaybook';
import { fillWording, listPlaceholders, unknownPlaceholders } from '../../../../electron/services/coach/fillWording';
import { conversation } from './coachFixtures';

describe('the default playbook', () => {
  it('is a valid playbook as the contract defines it', () => {
    expect(playbookSchema.parse(DEFAULT_PLAYBOOK)).toEqual(DEFAULT_PLAYBOOK);
    expect(DEFAULT_PLAYBOOK.maxPrompts).toBe(3);
    expect(DEFAULT_PLAYBOOK.draftCheck).toEqual({ upsetBelow: -0.3, curtUnderWords: 12, enabled: [...DRAFT_CHECKS] });
  });

  it('covers every kind of prompt, every rule switched on', () => {
    expect(new Set(DEFAULT_PLAYBOOK.rules.map((rule) => rule.kind))).toEqual(new Set(COACH_KINDS));
    expect(DEFAULT_PLAYBOOK.rules.every((rule) => rule.enabled)).toBe(true);
  });

  it('gives every rule at least four wordings, using only known placeholders, never the same line twice', () => {
    for (const rule of DEFAULT_PLAYBOOK.rules) {
      expect(rule.wordings.length, rule.id).toBeGreaterThanOrEqual(4);
      expect(new Set(rule.wordings).size, rule.id).toBe(rule.wordings.length);
      for (const wording of rule.wordings) expect(unknownPlaceholders(wording), `${rule.id}: ${wording}`).toEqual([]);
    }
  });

  it('can always offer something: every rule has a wording that needs nothing from the conversation', () => {
    const bare = conversation({ customer: { id: 1, displayName: 'someone@example.com', firstName: null } });
    for (const rule of DEFAULT_PLAYBOOK.rules) {
      const always = rule.wordings.filter((wording) => listPlaceholders(wording).every((name) => name === 'when'));
      expect(always.length, rule.id).toBeGreaterThanOrEqual(1);
      expect(always.every((wording) => fillWording(wording, bare) !== null), rule.id).toBe(true);
    }
  });

  it('reads like a person, not a policy', () => {
    const cliches = /inconvenience|we value your|valued customer|as per|please be advised|rest assured|kindly|at your earliest convenience|do not hesitate/i;
    for (const rule of DEFAULT_PLAYBOOK.rules) for (const wording of rule.wordings) expect(wording, rule.id).not.toMatch(cliches);
  });
});
