import { z } from 'zod';

/**
 * Canned responses: text with placeholders, filled from the conversation when inserted, each
 * reachable from the palette and, if the agent gives it one, by its own key.
 */
export interface Macro {
  id: string;
  name: string;
  body: string;
  /** A key like "Mod+Shift+R", or null. */
  shortcut: string | null;
}

/** The placeholders a macro may use, and what each becomes. */
export const MACRO_PLACEHOLDERS = {
  'customer.firstName': 'the customer’s first name',
  'customer.name': 'the customer’s full name',
  'agent.firstName': 'your first name',
  'agent.name': 'your full name',
  order: 'the last order number mentioned in the conversation (LH-…)',
  subject: 'the conversation’s subject',
} as const;
export type MacroPlaceholder = keyof typeof MACRO_PLACEHOLDERS;

export const macroSchema = z
  .object({
    id: z.string().regex(/^[\w-]{1,40}$/, 'An id is letters, digits, - and _'),
    name: z.string().trim().min(1, 'A macro needs a name').max(80),
    body: z.string().trim().min(1, 'A macro needs some text').max(10_000),
    shortcut: z.string().max(40).nullable(),
  })
  .strict();

export const DEFAULT_MACROS: Macro[] = [
  {
    id: 'sorry-and-fix',
    name: 'Sorry — here is how we fix it',
    body: 'Hi {{customer.firstName}},\n\nI’m really sorry about this — it’s our mistake, not yours. Here’s what I’ve done: \n\nI’ll check in with you by  to make sure it’s sorted.\n\n{{agent.firstName}}',
    shortcut: null,
  },
  {
    id: 'refund-confirmed',
    name: 'Refund confirmed',
    body: 'Hi {{customer.firstName}},\n\nI’ve processed your refund for order {{order}}. You’ll see it on your statement within 3–5 working days.\n\n{{agent.firstName}}',
    shortcut: null,
  },
  {
    id: 'delivery-rebooked',
    name: 'Delivery rebooked',
    body: 'Hi {{customer.firstName}},\n\nYour delivery for order {{order}} is rebooked for . The driver will text you on the morning with a one-hour slot.\n\n{{agent.firstName}}',
    shortcut: null,
  },
  {
    id: 'thank-you',
    name: 'Thank you',
    body: 'Thank you so much, {{customer.firstName}} — that’s lovely to hear, and I’ll pass it on to the team.\n\n{{agent.firstName}}',
    shortcut: null,
  },
];
