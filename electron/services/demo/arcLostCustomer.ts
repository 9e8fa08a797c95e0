/**
 * Story arc 4, "lost after an unanswered complaint": Daniel Whitcombe, a good customer, complains
 * about his dining table. Nobody answers. He writes again, angrier; still nothing. His last email
 * closes his account and takes his custom to a competitor. The conversation is left open.
 */
import { agentNamed, COMPETITOR } from './brand';
import type { ConversationPlan } from './conversationPlan';
import { daysAgoAt, type ArcContext } from './arcContext';

export const LOST_CUSTOMER = 'Daniel Whitcombe';
export const LOST_COMPLAINT_SUBJECT = 'Complaint – Alder dining table';

export function lostCustomerArc({ now, people, orders }: ArcContext): ConversationPlan[] {
  const customer = people.fixed({
    displayName: LOST_CUSTOMER,
    email: 'daniel.whitcombe@kestrel-accounting.example',
    handle: 'dwhitcombe',
    phoneSuffix: 566,
    signature: '--\nDaniel Whitcombe\nFinance Director | Kestrel Accounting\n0117 496 0587',
    signOffStyle: 'formal',
    chatStyle: 'tidy',
  });
  const order = orders.next();
  const tom = agentNamed('Tom');
  const subject = `${LOST_COMPLAINT_SUBJECT} (order ${order})`;
  return [
    {
      start: daysAgoAt(now, 190, 9, 12),
      customer,
      agent: tom,
      assigned: true,
      queue: 'orders',
      status: 'resolved',
      script: {
        kind: 'email',
        subject: `Delivery date for order ${order}`,
        turns: [
          {
            speaker: 'customer',
            gapMinutes: 0,
            greeting: 'Hello,',
            body: `Could you confirm the delivery date for order ${order} (the Alder extending dining table)? We have family coming at the end of the month and I’d like to have it built before then.`,
          },
          {
            speaker: 'agent',
            gapMinutes: 140,
            body: 'Thanks for your order! Your Alder table is booked in with our two-person delivery team for next Thursday, between 10am and 2pm, so it will be with you in plenty of time. They’ll text you on the morning with a one-hour slot.',
          },
          { speaker: 'customer', gapMinutes: 35, greeting: null, signOff: 'Regards,\nDaniel', body: 'Perfect, thank you.' },
        ],
      },
    },
    {
      start: daysAgoAt(now, 11, 8, 14),
      customer,
      agent: tom,
      assigned: false,
      queue: 'returns',
      status: 'open',
      script: {
        kind: 'email',
        subject,
        turns: [
          {
            speaker: 'customer',
            gapMinutes: 0,
            greeting: 'Hello,',
            signOff: 'Regards,\nDaniel Whitcombe',
            attachments: ['table-veneer-1.jpg', 'table-veneer-2.jpg'],
            body: `I bought the Alder extending dining table from you six months ago (order ${order}). The veneer on the top has started lifting along one edge, and the extension mechanism now jams so badly that it takes two people to open it.

For a £749 table that is barely six months old, that isn’t acceptable. I’d like it repaired or replaced under the warranty, please. Photos are attached.

This is the third thing from you that has needed sorting out this year, so I’d appreciate it being dealt with properly.`,
          },
          {
            speaker: 'customer',
            gapMinutes: 4 * 24 * 60 + 769,
            greeting: null,
            signOff: 'Daniel Whitcombe',
            body: `I emailed four days ago about the table (below) and have had no reply whatsoever – not even an automatic acknowledgement. I’ve checked my spam folder.

I’ve spent a lot of money with Larkspur over the last two years, and I recommended you to half my office. I’m honestly embarrassed about that now.

Please can someone respond. I would like to know whether this is going to be dealt with or not.`,
          },
          {
            speaker: 'customer',
            gapMinutes: 5 * 24 * 60 - 143,
            greeting: null,
            signOff: 'Daniel Whitcombe',
            body: `Nine days and still nothing. I have now ordered a replacement table from ${COMPETITOR}, who answered my question within the hour.

Please close my Larkspur account and remove my details from your mailing list. I won’t be ordering from you again, and I’ll be telling the people I recommended you to exactly why.

You don’t need to reply. Clearly you weren’t going to anyway.`,
          },
        ],
      },
    },
  ];
}
