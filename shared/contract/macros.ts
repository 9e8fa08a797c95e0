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
  /** In macros.list: one of the person's own (not the team's). Never sent back in a save. */
  personal?: true;
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

/**
 * A blank the agent fills when inserting the macro: {{fill:the day you will check in}}. The macro
 * menu asks for it; left unanswered (or inserted by key or palette) it shows as "[the day you will
 * check in]" in the draft, never as a silent gap.
 */
export const FILL_PREFIX = 'fill:';
const FILL_LABEL = /^[^{}[\]\n]{1,60}$/;

/** Every {{…}} in a macro's text, as written between the braces (trimmed). */
export function placeholdersIn(body: string): string[] {
  return [...body.matchAll(/\{\{([^{}]*)\}\}/g)].map((match) => match[1]!.trim());
}

/** The label of a {{fill:…}} placeholder, or null when it is not one. */
export function fillLabel(placeholder: string): string | null {
  if (!placeholder.toLowerCase().startsWith(FILL_PREFIX)) return null;
  const label = placeholder.slice(FILL_PREFIX.length).trim();
  return FILL_LABEL.test(label) ? label : null;
}

/** The placeholders a macro's text uses that Kinship does not know, as written ("{{first_name}}"). */
export function unknownPlaceholders(body: string): string[] {
  const unknown = placeholdersIn(body).filter((name) => !(name in MACRO_PLACEHOLDERS) && fillLabel(name) === null);
  return [...new Set(unknown)].map((name) => `{{${name}}}`);
}

/** The placeholders a macro may use, listed for a person: "{{customer.firstName}}, …, {{fill:what to ask}}". */
export const KNOWN_PLACEHOLDERS_TEXT = [...Object.keys(MACRO_PLACEHOLDERS), `${FILL_PREFIX}what to ask`].map((name) => `{{${name}}}`).join(', ');

/** Why a macro's text is refused for its placeholders, or null. */
export function placeholderProblem(body: string): string | null {
  const unknown = unknownPlaceholders(body);
  if (unknown.length === 0) return null;
  return `${new Intl.ListFormat('en', { type: 'conjunction' }).format(unknown)} ${unknown.length === 1 ? 'is not a placeholder' : 'are not placeholders'} Kinship knows. Use ${KNOWN_PLACEHOLDERS_TEXT}.`;
}

export const macroSchema = z
  .object({
    id: z.string().regex(/^[\w-]{1,40}$/, 'An id is letters, digits, - and _'),
    name: z.string().trim().min(1, 'A macro needs a name').max(80),
    body: z
      .string()
      .trim()
      .min(1, 'A macro needs some text')
      .max(10_000)
      .superRefine((body, context) => {
        const problem = placeholderProblem(body);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
    shortcut: z.string().max(40).nullable(),
  })
  .strict();

export const DEFAULT_MACROS: Macro[] = [
  {
    id: 'sorry-and-fix',
    name: 'Sorry — here is how we fix it',
    body: 'Hi {{customer.firstName}},\n\nI’m really sorry about this — it’s our mistake, not yours. Here’s what I’ve done: {{fill:what you have done}}\n\nI’ll check in with you by {{fill:when you will check in}} to make sure it’s sorted.\n\n{{agent.firstName}}',
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
    body: 'Hi {{customer.firstName}},\n\nYour delivery for order {{order}} is rebooked for {{fill:the new delivery day}}. The driver will text you on the morning with a one-hour slot.\n\n{{agent.firstName}}',
    shortcut: null,
  },
  {
    id: 'thank-you',
    name: 'Thank you',
    body: 'Thank you so much, {{customer.firstName}} — that’s lovely to hear, and I’ll pass it on to the team.\n\n{{agent.firstName}}',
    shortcut: null,
  },
];
