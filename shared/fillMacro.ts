import { fillLabel, placeholdersIn, type MacroPlaceholder } from './contract/macros';

export interface MacroContext {
  customerName: string;
  agentName: string | null;
  subject: string | null;
  /** The conversation's messages, oldest first, for the order number. */
  bodies: string[];
}

const ORDER = /\bLH-\d{4,}\b/g;

/** What the agent still has to fill in when the conversation does not say: shown, never left blank. */
const MISSING: Record<MacroPlaceholder, string> = {
  'customer.firstName': '[first name]',
  'customer.name': '[name]',
  'agent.firstName': '[your name]',
  'agent.name': '[your name]',
  order: '[order number]',
  subject: '[subject]',
};

/** Placeholders that make a macro personal to the customer (a reply that uses them is not a stock line). */
const PERSONAL: readonly MacroPlaceholder[] = ['customer.firstName', 'customer.name', 'order'];

const firstName = (name: string | null) => name?.trim().split(/\s+/)[0] ?? null;

/** The blanks a macro asks the agent for ({{fill:…}}), by label, in order, each once. */
export function macroBlanks(body: string): string[] {
  return [...new Set(placeholdersIn(body).flatMap((name) => fillLabel(name) ?? []))];
}

/**
 * Fills {{placeholders}} from the conversation, and {{fill:…}} blanks from `answers` (by label).
 * Whatever has no value shows as a visible "[…]" for the agent to fill ("[order number]", "[the day
 * you will check in]"), never as a silent gap; unknown ones are left as written.
 */
export function fillMacro(body: string, context: MacroContext, answers: Readonly<Record<string, string>> = {}): string {
  const orders = context.bodies.flatMap((text) => text.match(ORDER) ?? []);
  const values: Record<MacroPlaceholder, string | null> = {
    'customer.firstName': firstName(context.customerName),
    'customer.name': context.customerName,
    'agent.firstName': firstName(context.agentName),
    'agent.name': context.agentName,
    order: orders[orders.length - 1] ?? null,
    subject: context.subject?.replace(/^(re|fwd?):\s*/i, '') ?? null,
  };
  return body.replace(/\{\{([^{}]*)\}\}/g, (whole, written: string) => {
    const name = written.trim();
    const label = fillLabel(name);
    if (label !== null) return answers[label]?.trim() || `[${label}]`;
    if (!(name in values)) return whole;
    return values[name as MacroPlaceholder]?.trim() || MISSING[name as MacroPlaceholder];
  });
}

/**
 * A macro's text as the draft check knows it (a stock line sent word for word is flagged), or null
 * when the macro is no stock line: one that addresses the customer by name or their order is
 * already personal, as the team wrote it to be.
 */
export function macroStockText(body: string, context: MacroContext): string | null {
  if (placeholdersIn(body).some((name) => (PERSONAL as readonly string[]).includes(name))) return null;
  return fillMacro(body, context);
}

/** A macro's text with the agent's answers put in its {{fill:…}} blanks (by label); unanswered blanks stay blanks. */
export function answerBlanks(body: string, answers: Readonly<Record<string, string>>): string {
  return body.replace(/\{\{([^{}]*)\}\}/g, (whole, written: string) => {
    const label = fillLabel(written.trim());
    const answer = label !== null ? answers[label]?.trim() : undefined;
    // an answer is text, never a placeholder of its own
    return answer ? answer.replace(/\{\{|\}\}/g, '') : whole;
  });
}
