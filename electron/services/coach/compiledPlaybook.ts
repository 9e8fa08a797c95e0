import type { Playbook, PlaybookRule } from '../../../shared/contract/coach';
import { compileMentions, type MentionMatcher, type Phrase, readPhrase } from './mentionMatcher';
import { wordingShape, type WordingShape } from './wordingShape';

/**
 * A playbook made ready to evaluate, once per version: every rule's wordings as shapes and every
 * mention in one matcher, so evaluating it against a conversation compiles nothing. Kept beside the
 * playbook (and each rule) object it was made from: the playbook store hands out the same object
 * until the playbook is saved again, so the coach compiles each saved version once; a preview
 * compiles the playbook it was sent once.
 */

export interface CompiledRule {
  rule: PlaybookRule;
  /** The shape of each wording, in the rule's order. */
  shapes: readonly WordingShape[];
  /** The trigger's mentions read into tokens, in the trigger's order (none when it has none). */
  mentions: readonly Phrase[];
  /** The rule's own mentions in a matcher, for evaluating it alone (made when first asked for). */
  ownMentions(): MentionMatcher;
}

export interface CompiledPlaybook {
  playbook: Playbook;
  rules: readonly CompiledRule[];
  /** Every rule's mentions in one matcher: a conversation's text is read once for all of them. */
  mentions: MentionMatcher;
}

/** How many rules and playbooks have been compiled since the process started (for tests). */
export const compileCounts = { rules: 0, playbooks: 0 };

const rules = new WeakMap<PlaybookRule, CompiledRule>();
const playbooks = new WeakMap<Playbook, CompiledPlaybook>();

export function compileRule(rule: PlaybookRule): CompiledRule {
  const cached = rules.get(rule);
  if (cached) return cached;
  const mentions = (rule.when.mentions ?? []).map(readPhrase);
  let own: MentionMatcher | null = null;
  const compiled: CompiledRule = {
    rule,
    shapes: rule.wordings.map(wordingShape),
    mentions,
    ownMentions: () => (own ??= compileMentions(mentions)),
  };
  compileCounts.rules++;
  rules.set(rule, compiled);
  return compiled;
}

export function compilePlaybook(playbook: Playbook): CompiledPlaybook {
  const cached = playbooks.get(playbook);
  if (cached) return cached;
  const compiledRules = playbook.rules.map(compileRule);
  const compiled: CompiledPlaybook = {
    playbook,
    rules: compiledRules,
    mentions: compileMentions(compiledRules.flatMap((rule) => rule.mentions)),
  };
  compileCounts.playbooks++;
  playbooks.set(playbook, compiled);
  return compiled;
}
