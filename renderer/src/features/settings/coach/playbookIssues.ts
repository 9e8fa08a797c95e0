import type { z } from 'zod';
import { playbookSchema, type Playbook } from '../../../../../shared/contract/coach';

/**
 * What is wrong with a playbook being edited, as issues with the same paths the Node side uses
 * ("playbook.rules.3.wordings.0"), so the editor shows its own and the server's next to the field.
 */

export interface PlaybookIssue {
  path: string;
  message: string;
}

export { listPlaceholders, wordingProblem } from '../../../../../shared/contract/coach';

function friendly(issue: z.core.$ZodIssue): string {
  const raw = issue as { code: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint; expected?: string; message: string };
  // messages the contract wrote itself ("A rule needs a title") are kept as they are
  if (!/^(Too small|Too big|Invalid input)/.test(raw.message)) return raw.message;
  if (raw.code === 'invalid_type' && raw.expected === 'number') return 'Enter a number';
  if (raw.code === 'invalid_type' && raw.expected === 'int') return 'Enter a whole number';
  if (raw.code === 'too_small' && raw.origin === 'number') return `At least ${raw.minimum}`;
  if (raw.code === 'too_big' && raw.origin === 'number') return `At most ${raw.maximum}`;
  if (raw.code === 'too_small' && raw.origin === 'array') return raw.minimum === 1 ? 'Choose at least one' : `At least ${raw.minimum}`;
  if (raw.code === 'too_big' && raw.origin === 'array') return `At most ${raw.maximum}`;
  if (raw.code === 'too_small' && raw.origin === 'string') return 'Cannot be empty';
  if (raw.code === 'too_big' && raw.origin === 'string') return `At most ${raw.maximum} characters`;
  return raw.message;
}

/** Every issue the editor knows of before saving: the contract's schema (unknown placeholders included), as the Node side will check it. */
export function checkPlaybook(playbook: Playbook): PlaybookIssue[] {
  const issues: PlaybookIssue[] = [];
  const parsed = playbookSchema.safeParse(playbook);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ path: ['playbook', ...issue.path.map(String)].join('.'), message: friendly(issue) });
  }
  return issues;
}

/** The messages for a field, and for anything inside it ("…when.mentions" also takes "…when.mentions.3"). */
export function issuesUnder(issues: readonly PlaybookIssue[], path: string): string[] {
  return [...new Set(issues.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`)).map((issue) => issue.message))];
}

/** The error text for a field, or undefined when there is none (for Mantine's `error` prop). */
export function errorAt(issues: readonly PlaybookIssue[], path: string): string | undefined {
  const messages = issuesUnder(issues, path);
  return messages.length ? messages.join('; ') : undefined;
}

const FIELD_WORDS: Record<string, string> = {
  title: 'title',
  priority: 'priority',
  id: 'id',
  kind: 'kind',
  wordings: 'wordings',
  maxPrompts: 'prompts shown at once',
  upsetBelow: 'upset below',
  curtUnderWords: 'curt under (words)',
  enabled: 'checks',
  when: 'trigger',
};

/** Where an issue is, in words: "Rule “Apologise for the wait” · wording 2". */
export function describeIssuePath(path: string, playbook: Playbook): string {
  const parts = path.split('.');
  if (parts[0] === 'playbook') parts.shift();
  if (parts[0] === 'rules' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const index = Number(parts[1]);
    const rule = playbook.rules[index];
    const where = rule ? `Rule “${rule.title || rule.id}”` : `Rule ${index + 1}`;
    const rest = parts.slice(2);
    if (rest[0] === 'wordings' && rest[1] !== undefined) return `${where} · wording ${Number(rest[1]) + 1}`;
    if (rest[0] === 'when' && rest[1]) return `${where} · trigger (${rest[1]})`;
    return rest[0] ? `${where} · ${FIELD_WORDS[rest[0]] ?? rest[0]}` : where;
  }
  if (parts[0] === 'rules') return 'Rules';
  if (parts[0] === 'draftCheck') return `Draft check · ${FIELD_WORDS[parts[1] ?? ''] ?? parts[1] ?? ''}`;
  if (parts[0] === 'maxPrompts') return 'Prompts shown at once';
  return parts.join('.') || 'Playbook';
}

/** The index of the rule an issue is about, or null. */
export function ruleIndexOf(path: string): number | null {
  const match = /^playbook\.rules\.(\d+)(?:\.|$)/.exec(path);
  return match ? Number(match[1]) : null;
}
