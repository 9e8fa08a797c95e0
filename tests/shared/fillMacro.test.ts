import { describe, expect, it } from 'vitest';
import { fillMacro } from '../../shared/fillMacro';

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
