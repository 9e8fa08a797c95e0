import type { PlaybookRule } from '../../../shared/contract/coach';
import type { CoachContext } from './coachContext';
import { stableHash } from './coachWords';
import { compileRule } from './compiledPlaybook';
import { fillWording } from './fillWording';
import { comparable, isFillingOf, type WordingShape } from './wordingShape';

/**
 * Chooses the phrasing a rule offers: a fillable one, never the line last shown for that rule,
 * preferably one not shown in this conversation at all, starting from a stable offset so the same
 * conversation at the same point always gets the same line.
 */

export interface WordingChoice {
  /** Which of the rule's wordings. */
  index: number;
  text: string;
}

/** Where a wording was last shown in recentTexts (0 = the newest), or -1 if it was not. */
function lastShownAt(shape: WordingShape, filled: string, recentTexts: readonly string[]): number {
  const target = comparable(filled);
  return recentTexts.findIndex((text) => comparable(text) === target || isFillingOf(shape, text));
}

/** The first offset into a rule's wordings for this conversation at this point. */
export function startOffset(rule: PlaybookRule, context: CoachContext): number {
  return stableHash(`${context.conversationId}:${context.messages.length}:${rule.id}`) % Math.max(1, rule.wordings.length);
}

export function pickWording(rule: PlaybookRule, context: CoachContext): WordingChoice | null {
  const count = rule.wordings.length;
  const { shapes } = compileRule(rule);
  const start = startOffset(rule, context);
  const candidates: (WordingChoice & { shownAt: number })[] = [];
  for (let step = 0; step < count; step++) {
    const index = (start + step) % count;
    const wording = rule.wordings[index];
    const shape = shapes[index];
    if (wording === undefined || shape === undefined) continue;
    const text = fillWording(wording, context);
    if (text !== null) candidates.push({ index, text, shownAt: lastShownAt(shape, text, context.recentTexts) });
  }
  const fresh = candidates.find((candidate) => candidate.shownAt === -1);
  if (fresh) return { index: fresh.index, text: fresh.text };
  // Everything fillable has been shown: take the one shown longest ago, never the rule's latest line.
  let oldest: (typeof candidates)[number] | null = null;
  let latest = Infinity;
  for (const candidate of candidates) latest = Math.min(latest, candidate.shownAt);
  for (const candidate of candidates) {
    if (candidate.shownAt === latest) continue;
    if (!oldest || candidate.shownAt > oldest.shownAt) oldest = candidate;
  }
  return oldest ? { index: oldest.index, text: oldest.text } : null;
}
