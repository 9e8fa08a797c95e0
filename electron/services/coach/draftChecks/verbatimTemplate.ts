import type { CoachPlaceholder, DraftFinding, PlaybookRule } from '../../../../shared/contract/coach';
import type { CoachContext } from '../coachContext';
import { lowerFirst, normaliseSpaces, trimEdges } from '../coachWords';
import { fillWording, listPlaceholders, placeholderValue } from '../fillWording';
import type { DraftCheck, DraftCheckInput } from './draftCheckInput';
import { comparable, wordCount } from './draftText';

/** verbatim-template: the reply is a stock line (a playbook wording, a macro, or a line already sent) and little else. */

/** Placeholders that make a line personal; {when} and {agentFirstName} do not. */
const PERSONAL: readonly CoachPlaceholder[] = ['firstName', 'order', 'topic', 'lastTopic', 'lastContact', 'waited', 'followUp'];
/** A template must make up at least this share of the draft. */
const SHARE = 0.9;
const SENTENCE_END = /[.!?]/;
/** Lines shorter than this are too common to call a template. */
const MIN_WORDS = 4;

interface StockLine {
  text: string;
  source: 'playbook' | 'macro' | 'sent';
  rule: PlaybookRule | null;
}

const isPersonal = (wording: string): boolean => listPlaceholders(wording).some((name) => (PERSONAL as readonly string[]).includes(name));

function stockLines({ playbook, context, templates }: DraftCheckInput): StockLine[] {
  const lines: StockLine[] = [];
  for (const rule of playbook.rules) {
    for (const wording of rule.wordings) {
      if (isPersonal(wording)) continue;
      const text = fillWording(wording, context);
      if (text) lines.push({ text, source: 'playbook', rule });
    }
  }
  for (const text of templates) lines.push({ text, source: 'macro', rule: null });
  for (const message of context.messages) if (message.author === 'agent') lines.push({ text: message.body, source: 'sent', rule: null });
  return lines.filter((line) => wordCount(line.text) >= MIN_WORDS);
}

/** A personal wording of the same rule, or the line with the customer's name added. */
function personalised(line: StockLine, draft: string, context: CoachContext): string | null {
  for (const wording of line.rule?.wordings ?? []) {
    if (!isPersonal(wording)) continue;
    const text = fillWording(wording, context);
    if (text) return text;
  }
  const name = placeholderValue('firstName', context);
  if (!name || comparable(draft).includes(name.toLowerCase())) return null;
  return `Hi ${name}, ${lowerFirst(normaliseSpaces(draft))}`;
}

export const verbatimTemplate: DraftCheck = (input) => {
  const draft = trimEdges(comparable(input.draft), SENTENCE_END, 'end');
  if (!draft) return [];
  for (const line of stockLines(input)) {
    const stock = trimEdges(comparable(line.text), SENTENCE_END, 'end');
    if (!draft.includes(stock) || stock.length < SHARE * draft.length) continue;
    const finding: DraftFinding = {
      check: 'verbatim-template',
      message:
        line.source === 'sent'
          ? 'You already sent this exact reply earlier in this conversation — say what has changed, in your own words.'
          : 'This is a stock line word for word; add their name or something specific to them.',
      excerpt: input.draft.trim(),
      better: personalised(line, input.draft, input.context),
      replaces: true,
    };
    return [finding];
  }
  return [];
};
