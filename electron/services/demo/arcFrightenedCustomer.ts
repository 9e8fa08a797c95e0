/**
 * Story arc 2, "frightened customer reassured": Edith Hargreaves, 81, sees two payments on her
 * card and fears fraud. Grace explains it step by step, follows up as promised, and Edith ends
 * relieved and grateful.
 */
import { agentNamed } from './brand';
import { atTimeOfDay, DAY, MINUTE, weekdayName } from './clock';
import type { ConversationPlan } from './conversationPlan';
import { daysAgoAt, type ArcContext } from './arcContext';

export const FRIGHTENED_CUSTOMER = 'Edith Hargreaves';

export function frightenedCustomerArc({ now, people, orders }: ArcContext): ConversationPlan[] {
  const customer = people.fixed({
    displayName: FRIGHTENED_CUSTOMER,
    email: 'edith.hargreaves@postbox.example',
    handle: 'edith.hargreaves',
    phoneSuffix: 132,
    signature: null,
    signOffStyle: 'formal',
    chatStyle: 'tidy',
  });
  const order = orders.next();
  const start = daysAgoAt(now, 47, 7, 52);
  // Grace promises to check in three days, or the next working day after that
  let checkAt = atTimeOfDay(start + 3 * DAY, 11, 59);
  while ([0, 6].includes(new Date(checkAt).getUTCDay())) checkAt += DAY;
  const checkDay = weekdayName(checkAt);
  const thankYouAt = start + (160 + 25 + 12 + 80) * MINUTE;
  const grace = agentNamed('Grace');
  return [
    {
      start,
      customer,
      agent: grace,
      assigned: true,
      queue: 'billing',
      status: 'resolved',
      script: {
        kind: 'email',
        subject: 'Two payments taken from my card – please help',
        turns: [
          {
            speaker: 'customer',
            gapMinutes: 0,
            greeting: 'Dear Sir or Madam,',
            signOff: 'Yours faithfully,\nMrs Edith Hargreaves',
            body: `I am writing because I have just looked at my online banking and there are two payments to LARKSPUR HOME for £89.00 each, both on the same day. I only ordered one lamp (the Fenwick lamp in Chalk, order ${order}).

I am very worried that somebody has got hold of my card details. I read in the newspaper about people having all their savings taken this way. My grandson usually helps me with the computer but he is away at university.

Please could someone tell me what has happened and what I should do. I have not used my card since.`,
          },
          {
            speaker: 'customer',
            gapMinutes: 160,
            greeting: null,
            signOff: 'Edith Hargreaves',
            body: `I am sorry to write again. I tried to telephone but the recorded message said all your advisers were busy, and I did not know whether to keep holding.

I have looked again and it now says one of the payments is "pending". I do not know what that means. Has someone stolen from me? Should I ring the bank and stop my card? I am 81 and I live on my own, and I am frightened that I have done something wrong.

Please help.`,
          },
          {
            speaker: 'note',
            gapMinutes: 25,
            body: 'Checked payments: one £89.00 capture plus one £89.00 pre-authorisation from a first checkout attempt that timed out. No fraud. Asked the payments team to release the hold today. Mrs Hargreaves is very anxious – replying step by step, and offering to phone her.',
          },
          {
            speaker: 'agent',
            gapMinutes: 12,
            greeting: 'Dear Mrs Hargreaves,',
            signOff: 'With kind regards,',
            body: `Thank you for writing to us, and please don’t worry – you haven’t done anything wrong, and your money and your card are safe. I’ve looked into this carefully for you, and I’ll explain it one step at a time.

1. You have only been charged once. The payment for your Fenwick lamp (£89.00) went through normally.

2. The second £89.00 is not a real payment. When you first pressed "Pay", our checkout took too long to respond, so your bank put a temporary hold on the money while it waited. That is the one marked "pending". No money has left your account for it.

3. I have asked our payments team to cancel that hold this morning. Most banks remove it within two or three working days, so it should disappear by ${checkDay} at the latest. You don’t need to do anything at all.

4. There is no sign of anyone else using your card. You don’t need to ring your bank or stop your card – it is quite safe to keep using it.

I’m so sorry this gave you such a fright. If you would find it easier to talk it through, just reply with a good time and I will telephone you myself – there’s no need to wait in the queue.

I’ll also check on ${checkDay} that the hold has gone, and write to let you know.`,
          },
          {
            speaker: 'customer',
            gapMinutes: 80,
            greeting: 'Dear Grace,',
            signOff: 'With very best wishes,\nEdith Hargreaves',
            body: `Thank you so very much for your kind letter. I read it twice, and then I made myself a cup of tea and had a little cry, because I had worked myself up into such a state.

I understand now about the pending payment. It is such a relief to know that nobody has taken my money and that I have not done anything silly.

There is no need to telephone, you have explained it all beautifully. The lamp is lovely, by the way. It is on the table by my reading chair.`,
          },
          {
            speaker: 'agent',
            gapMinutes: (checkAt - thankYouAt) / MINUTE,
            greeting: 'Dear Mrs Hargreaves,',
            signOff: 'With kind regards,',
            body: `Just a quick note, as promised: our payments team confirm the hold has been released, so it should have gone from your online banking today.

I’m so glad the lamp has found a good home by your reading chair. If you ever have a question, big or small, you are very welcome to write to me directly.`,
          },
          {
            speaker: 'customer',
            gapMinutes: 290,
            greeting: 'Dear Grace,',
            signOff: 'With best wishes,\nEdith',
            body: 'Yes, it has gone! Thank you for remembering to write – that was very thoughtful. I shall be telling the ladies at my knitting group how kind you have been, and I feel ever so much better.',
          },
        ],
      },
    },
  ];
}
