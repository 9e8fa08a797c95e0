import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLAYBOOK_LIMITS, playbookSchema, type Playbook, type PlaybookRule } from '../../../../shared/contract/coach';
import { checkDraft } from '../../../../electron/services/coach/checkDraft';
import { compileCounts } from '../../../../electron/services/coach/compiledPlaybook';
import { evaluatePlaybook, explainPlaybook } from '../../../../electron/services/coach/evaluatePlaybook';
import { conversation, feels, fromCustomer } from './coachFixtures';

/**
 * Issue 9, items 1 and 2: any playbook the contract accepts is evaluated in bounded work. A wording
 * of adjacent placeholders no longer builds a backtracking regex, and a playbook of 100 rules × 50
 * mentions is compiled once per version, not once per mention per message.
 */

function rule(id: string, when: PlaybookRule['when'], wordings: string[], kind: PlaybookRule['kind'] = 'acknowledge'): PlaybookRule {
  return { id, kind, title: id, enabled: true, priority: 50, when, wordings };
}

function playbook(rules: PlaybookRule[]): Playbook {
  return { version: 1, maxPrompts: 3, rules, draftCheck: { upsetBelow: -0.3, curtUnderWords: 12, enabled: ['ignores-feeling'] } };
}

/** The largest playbook the contract accepts for rules and mentions; rule 73 listens for "parcel never came". */
function biggest(): Playbook {
  return playbook(
    Array.from({ length: PLAYBOOK_LIMITS.rules }, (_, r) =>
      rule(
        `big-${r}`,
        { mentions: Array.from({ length: PLAYBOOK_LIMITS.mentionsPerRule }, (_, m) => (r === 73 && m === 49 ? 'Parcel  NEVER came' : `item${r} code${m}`)) },
        [`Rule ${r}: sorry, {firstName}.`],
        r % 2 ? 'apologise' : 'acknowledge',
      ),
    ),
  );
}

const adjacent = `${'{when}'.repeat(8)}#`;
const upset = (body: string) => fromCustomer(body, 5, feels('anger', 0.8, -0.6));
const shown = ['I’m really sorry, Sam — I can see why you’re frustrated, and you’re right to be.', 'I’ll check order LH-482913 myself and update you by 5 pm today.'];

/** Makes building a regular expression while `run` runs an error: evaluation may use only the ones made at load. */
function withoutNewRegExps<T>(run: () => T): T {
  const spy = vi.spyOn(globalThis, 'RegExp').mockImplementation(() => {
    throw new Error('a regular expression was built while evaluating the playbook');
  });
  try {
    return run();
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('a playbook at the contract’s limits', () => {
  it('is accepted by the contract (the limits are not a refusal of the largest valid one)', () => {
    expect(playbookSchema.safeParse(biggest()).success).toBe(true);
    expect(playbookSchema.safeParse(playbook([rule('adjacent', {}, [adjacent])])).success).toBe(true);
  });

  it('is compiled once per version, however many messages it is evaluated against', () => {
    const big = biggest();
    const before = { ...compileCounts };
    for (let n = 0; n < 40; n++) {
      const context = conversation({ conversationId: n + 1, messages: [upset(n % 2 ? 'My parcel never came, again!' : `Still waiting on item${n} code7 and more.`)] });
      const fired = evaluatePlaybook(big, context).map((suggestion) => suggestion.ruleId);
      expect(fired).toEqual(n % 2 ? ['big-73'] : [`big-${n}`]);
    }
    expect(compileCounts.playbooks - before.playbooks).toBe(1);
    expect(compileCounts.rules - before.rules).toBe(PLAYBOOK_LIMITS.rules);
    // a new version (as saved or previewed: a new object) is compiled again, once
    const edited = structuredClone(big);
    evaluatePlaybook(edited, conversation({ messages: [upset('hello')] }));
    evaluatePlaybook(edited, conversation({ messages: [upset('hello again')] }));
    expect(compileCounts.playbooks - before.playbooks).toBe(2);
  });

  it('builds no regular expression from the playbook while evaluating it', () => {
    const big = biggest();
    const pathological = playbook([rule('adjacent', {}, [adjacent, 'Sorry, {firstName}.'])]);
    const context = conversation({ messages: [upset('My parcel never came and I am furious.')], recentTexts: shown });
    const draft = `${'by 5 pm today '.repeat(300)}no hash here`;
    const result = withoutNewRegExps(() => ({
      big: evaluatePlaybook(big, context).map((suggestion) => suggestion.ruleId),
      explained: explainPlaybook(pathological, context).map((explanation) => [explanation.shown, explanation.text]),
      findings: checkDraft(draft, context, pathological).map((finding) => finding.check),
    }));
    expect(result.big).toEqual(['big-73']);
    // neither line was shown before: the one the stable offset picks first is offered
    expect(result.explained).toHaveLength(1);
    expect(result.explained[0]?.[0]).toBe(true);
    expect(result.findings).toEqual(['ignores-feeling']);
  });

  it('recognises a filling of a wording of adjacent placeholders as shown already', () => {
    const rules = [rule('adjacent', {}, [adjacent, 'Sorry, {firstName}.'])];
    const context = conversation({ messages: [upset('Where is my parcel?')] });
    const first = evaluatePlaybook(playbook(rules), context)[0]?.text;
    expect(first).toBeDefined();
    // whichever was offered, once shown the other one is offered next
    const next = evaluatePlaybook(playbook(rules), { ...context, recentTexts: [first!, ...shown] })[0]?.text;
    expect(next).toBeDefined();
    expect(next).not.toBe(first);
    const hashLine = first!.endsWith('#') ? first! : next!;
    expect(hashLine).toMatch(/#$/);
    // a draft that holds the adjacent wording's filling acknowledges nothing, but it is the playbook's line: not flagged
    expect(checkDraft(hashLine, context, playbook(rules)).map((finding) => finding.check)).toEqual([]);
  });
});

describe('a draft of 100,000 characters (the contract’s limit)', () => {
  // "!" × 100,000 then "x" made /[.!?]+$/ try every start in the run: quadratic, about 20 s on the draft check
  it.each(['!', '.', ', '])('is checked in linear work however it repeats %j', (unit) => {
    const context = conversation({ messages: [upset('Where is my parcel? I am furious.')] });
    const draft = `As I already said ${unit.repeat(Math.floor(99_000 / unit.length))}x`;
    const findings = checkDraft(draft, context, { ...playbook([]), draftCheck: { upsetBelow: -0.3, curtUnderWords: 12, enabled: ['ignores-feeling', 'blames-customer', 'curt', 'defensive', 'verbatim-template'] } });
    expect(findings.map((finding) => finding.check)).toContain('ignores-feeling');
  });
});
