import type { MacroPlaceholder } from './contract/macros';

export interface MacroContext {
  customerName: string;
  agentName: string | null;
  subject: string | null;
  /** The conversation's messages, oldest first, for the order number. */
  bodies: string[];
}

const ORDER = /\bLH-\d{4,}\b/g;

/** What the agent still has to fill in when the conversation does not say. */
const MISSING: Record<MacroPlaceholder, string> = {
  'customer.firstName': '[first name]',
  'customer.name': '[name]',
  'agent.firstName': '[your name]',
  'agent.name': '[your name]',
  order: '[order number]',
  subject: '[subject]',
};

const firstName = (name: string | null) => name?.trim().split(/\s+/)[0] ?? null;

/** Fills {{placeholders}} from the conversation; unknown ones are left for the agent to see. */
export function fillMacro(body: string, context: MacroContext): string {
  const orders = context.bodies.flatMap((text) => text.match(ORDER) ?? []);
  const values: Record<MacroPlaceholder, string | null> = {
    'customer.firstName': firstName(context.customerName),
    'customer.name': context.customerName,
    'agent.firstName': firstName(context.agentName),
    'agent.name': context.agentName,
    order: orders[orders.length - 1] ?? null,
    subject: context.subject?.replace(/^(re|fwd?):\s*/i, '') ?? null,
  };
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    if (!(name in values)) return whole;
    return values[name as MacroPlaceholder] ?? MISSING[name as MacroPlaceholder];
  });
}
