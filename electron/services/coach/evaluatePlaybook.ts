import type { CoachKind, CoachSuggestion, Playbook, PlaybookRule } from '../../../shared/contract/coach';
import { type CoachContext, lastCustomerMessage } from './coachContext';
import { unfillablePlaceholders } from './fillWording';
import { pickWording } from './pickWording';
import { compilePlaybook, compileRule } from './compiledPlaybook';
import { checkTrigger, type ConditionResult, mentionsInTurn, type TurnMentions } from './triggerConditions';

/** Runs the playbook against a conversation: which rules fire, why, and what the coach offers. */

export interface RuleExplanation {
  ruleId: string;
  kind: CoachKind;
  title: string;
  enabled: boolean;
  priority: number;
  /** Enabled, the customer has written, and every condition held. */
  fired: boolean;
  conditions: ConditionResult[];
  /** The evidence that fired, in one line; null when it did not fire. */
  reason: string | null;
  /** The phrasing it would offer; null when it did not fire or no wording can be filled. */
  text: string | null;
  /** Whether the coach shows it now. */
  shown: boolean;
  /** Why it is not shown, in one line; null when it is. */
  whyNot: string | null;
}

function reasonFrom(conditions: ConditionResult[], context: CoachContext): string {
  const evidence = conditions.map((condition) => condition.evidence).filter((text): text is string => !!text);
  if (evidence.length > 0) return evidence.join('; ');
  return conditions.some((condition) => condition.condition === 'channels') ? `${context.channel} conversation` : 'no conditions set';
}

/**
 * One rule on its own: did it fire, with what evidence, which conditions failed, and what it would
 * say. `turn` is what the customer's latest turn mentions when the caller has read it for the whole
 * playbook already (mentionsOfPlaybook); otherwise it is read for this rule's mentions.
 */
export function explainRule(rule: PlaybookRule, context: CoachContext, turn?: TurnMentions): RuleExplanation {
  const compiled = compileRule(rule);
  const conditions = checkTrigger(compiled, context, turn ?? mentionsInTurn(compiled.ownMentions(), context));
  const base = { ruleId: rule.id, kind: rule.kind, title: rule.title, enabled: rule.enabled, priority: rule.priority, conditions };
  const notShown = (whyNot: string, fired = false, reason: string | null = null): RuleExplanation => ({
    ...base,
    fired,
    reason,
    text: null,
    shown: false,
    whyNot,
  });
  if (!rule.enabled) return notShown('turned off');
  if (!lastCustomerMessage(context)) return notShown('the customer has not written yet');
  const failures = conditions.filter((condition) => !condition.met).map((condition) => condition.failure ?? condition.condition);
  if (failures.length > 0) return notShown(failures.join(' · '));
  const reason = reasonFrom(conditions, context);
  const choice = pickWording(rule, context);
  if (!choice) {
    const missing = [...new Set(rule.wordings.flatMap((wording) => unfillablePlaceholders(wording, context)))];
    return notShown(
      missing.length > 0
        ? `no wording can be filled here (missing ${missing.map((name) => `{${name}}`).join(', ')})`
        : 'its only wording was the last one shown',
      true,
      reason,
    );
  }
  return { ...base, fired: true, reason, text: choice.text, shown: true, whyNot: null };
}

/**
 * Every rule of the playbook explained, with the coach's cut applied: one prompt per kind, highest
 * priority first (playbook order breaks ties), at most `maxPrompts`.
 */
export function explainPlaybook(playbook: Playbook, context: CoachContext): RuleExplanation[] {
  const turn = mentionsOfPlaybook(playbook, context);
  const explained = playbook.rules.map((rule) => explainRule(rule, context, turn));
  const ranked = explained
    .map((explanation, order) => ({ explanation, order }))
    .filter(({ explanation }) => explanation.shown)
    .sort((a, b) => b.explanation.priority - a.explanation.priority || a.order - b.order);
  const kindsShown = new Set<CoachKind>();
  const cut = new Map<RuleExplanation, string>();
  for (const { explanation } of ranked) {
    if (kindsShown.has(explanation.kind)) cut.set(explanation, `a higher-priority “${explanation.kind}” prompt is shown`);
    else if (kindsShown.size >= playbook.maxPrompts) cut.set(explanation, `only ${playbook.maxPrompts} prompts are shown at once`);
    else kindsShown.add(explanation.kind);
  }
  return explained.map((explanation) => {
    const whyNot = cut.get(explanation);
    return whyNot ? { ...explanation, shown: false, whyNot } : explanation;
  });
}

/** What the customer's latest turn mentions of everything the playbook's rules listen for, read once. */
export function mentionsOfPlaybook(playbook: Playbook, context: CoachContext): TurnMentions {
  return mentionsInTurn(compilePlaybook(playbook).mentions, context);
}

/** What the coach suggests now: at most `maxPrompts`, one per kind, highest priority first. */
export function evaluatePlaybook(playbook: Playbook, context: CoachContext): CoachSuggestion[] {
  if (!lastCustomerMessage(context)) return [];
  return suggestionsOf(explainPlaybook(playbook, context));
}

/** The suggestions among a playbook's explained rules (explainPlaybook): the ones shown, highest priority first. */
export function suggestionsOf(explained: readonly RuleExplanation[]): CoachSuggestion[] {
  return explained
    .map((explanation, order) => ({ explanation, order }))
    .filter(({ explanation }) => explanation.shown && explanation.text !== null && explanation.reason !== null)
    .sort((a, b) => b.explanation.priority - a.explanation.priority || a.order - b.order)
    .map(({ explanation }) => ({
      kind: explanation.kind,
      ruleId: explanation.ruleId,
      title: explanation.title,
      reason: explanation.reason ?? '',
      text: explanation.text ?? '',
    }));
}
