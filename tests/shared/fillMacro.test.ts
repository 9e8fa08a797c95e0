import { describe, expect, it } from 'vitest';
import { DEFAULT_MACROS, KNOWN_PLACEHOLDERS_TEXT, macroSchema, unknownPlaceholders } from '../../shared/contract/macros';
import { answerBlanks, fillMacro, macroBlanks, macroStockText } from '../../shared/fillMacro';

describe('filling a macro from the conversation', () => {
  const context = { customerName: 'Edith Hargreaves', agentName: 'Grace Adeyemi', subject: 'Re: Two payments taken from my card', bodies: ['order LH-100200 was late', 'and then LH-859330 too'] };

  it('fills names, the last order number mentioned and the subject', () => {
    expect(fillMacro('Hi {{customer.firstName}}, about {{order}} ({{subject}}). {{agent.firstName}}', context)).toBe(
      'Hi Edith, about LH-859330 (Two payments taken from my card). Grace',
    );
    expect(fillMacro('{{ customer.name }} / {{agent.name}}', context)).toBe('Edith Hargreaves / Grace Adeyemi');
  });

  it('leaves what the conversation does not say for the agent to fill in, and unknown placeholders as written', () => {
    expect(fillMacro('Order {{order}} for {{agent.firstName}} {{weather}}', { ...context, agentName: null, bodies: ['no order here'] })).toBe(
      'Order [order number] for [your name] {{weather}}',
    );
  });
});

describe('blanks in a macro', () => {
  const context = { customerName: 'Edith Hargreaves', agentName: 'Grace Adeyemi', subject: null, bodies: [] };

  it('shows a blank nobody filled as a visible field, and puts the agent’s answers in', () => {
    const body = 'Rebooked for {{fill:the new delivery day}}; I’ll call by {{ fill: when you will call }}.';
    expect(macroBlanks(body)).toEqual(['the new delivery day', 'when you will call']);
    expect(fillMacro(body, context)).toBe('Rebooked for [the new delivery day]; I’ll call by [when you will call].');
    expect(fillMacro(answerBlanks(body, { 'the new delivery day': 'Thursday', 'when you will call': '  ' }), context)).toBe('Rebooked for Thursday; I’ll call by [when you will call].');
    // an answer is text, never a placeholder
    expect(answerBlanks('{{fill:x}}', { x: '{{customer.name}}' })).toBe('customer.name');
  });

  it('leaves no silent gap in any built-in macro, and every built-in is one macros.save accepts', () => {
    for (const macro of DEFAULT_MACROS) {
      const filled = fillMacro(macro.body, { customerName: '', agentName: null, subject: null, bodies: [] });
      // a gap reads as two spaces, or a space before punctuation ("by  to", "for . The")
      expect(filled, macro.id).not.toMatch(/ {2}| [.,;:!?]|: *\n/);
      expect(macroSchema.safeParse(macro).success, macro.id).toBe(true);
    }
    const sorry = DEFAULT_MACROS.find((macro) => macro.id === 'sorry-and-fix')!;
    expect(fillMacro(sorry.body, context)).toContain('I’ll check in with you by [when you will check in] to make sure it’s sorted.');
  });

  it('knows a macro addressed to the customer by name as theirs, not a stock line for the draft check', () => {
    expect(macroStockText('Hi {{customer.firstName}}, thanks for your patience while we look into it.', context)).toBeNull();
    expect(macroStockText('Thanks for your patience while we look into it.', context)).toBe('Thanks for your patience while we look into it.');
  });
});

describe('placeholders a macro may use', () => {
  it('refuses unknown ones by name, listing the known ones', () => {
    expect(unknownPlaceholders('Hi {{first_name}}, {{customer.firstName}} {{ weather }} {{fill:when}} {{first_name}}')).toEqual(['{{first_name}}', '{{weather}}']);
    const refused = macroSchema.safeParse({ id: 'x', name: 'X', body: 'Hi {{first_name}}', shortcut: null });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.message).toBe(`{{first_name}} is not a placeholder Kinship knows. Use ${KNOWN_PLACEHOLDERS_TEXT}.`);
    expect(KNOWN_PLACEHOLDERS_TEXT).toContain('{{customer.firstName}}');
    expect(KNOWN_PLACEHOLDERS_TEXT).toContain('{{fill:what to ask}}');
  });
});
