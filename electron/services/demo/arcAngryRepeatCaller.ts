/**
 * Story arc 1, "angry repeat caller calmed down": Marcus Reed's sofa delivery fails twice and a
 * promised callback never comes. He calls, calls again and chats, angrier each time, until Aisha
 * owns the mistake, gives him a concrete fix, and he ends by saying thank you.
 */
import { agentNamed } from './brand';
import { weekdayName } from './clock';
import type { ConversationPlan } from './conversationPlan';
import { daysAgoAt, type ArcContext } from './arcContext';

export const ANGRY_REPEAT_CALLER = 'Marcus Reed';

export function angryRepeatCallerArc({ now, people, orders }: ArcContext): ConversationPlan[] {
  const customer = people.fixed({
    displayName: ANGRY_REPEAT_CALLER,
    email: 'marcus.reed@mailbox.example',
    handle: 'marcusreed82',
    phoneSuffix: 418,
    signature: null,
    signOffStyle: 'brief',
    chatStyle: 'casual',
  });
  const order = orders.next();
  const firstDay = 26;
  const day = (offset: number): string => weekdayName(daysAgoAt(now, firstDay - offset, 12, 0));
  const tom = agentNamed('Tom');
  const liam = agentNamed('Liam');
  const sofia = agentNamed('Sofia');
  const aisha = agentNamed('Aisha');
  const base = { customer, queue: 'orders' as const };

  const firstCall: ConversationPlan = {
    ...base,
    start: daysAgoAt(now, firstDay, 12, 41),
    agent: tom,
    assigned: true,
    status: 'resolved',
    script: {
      kind: 'voice',
      topic: 'Missed sofa delivery',
      durationSec: 283,
      notes: [
        { offsetSec: 25, text: `Marcus calling about order ${order} – Hollis three-seater sofa in Charcoal, two-person delivery booked for today 8am–12pm. Nobody came, no text, no call.` },
        { offsetSec: 70, text: 'He took the day off work for this. Annoyed but polite: "I just need to know when it’s actually coming."' },
        { offsetSec: 150, text: 'HomeRun portal says "failed – access issue". Marcus says there is no access issue, he was in all morning with the door open.' },
        { offsetSec: 225, text: `Rebooked for ${day(3)} 8am–12pm. Told him HomeRun will text the night before.` },
      ],
      wrapUp: `Wrap-up: redelivery booked with HomeRun for ${day(3)} morning.`,
    },
  };

  const secondCall: ConversationPlan = {
    ...base,
    start: daysAgoAt(now, firstDay - 3, 12, 47),
    agent: liam,
    assigned: true,
    status: 'pending',
    script: {
      kind: 'voice',
      topic: 'Sofa delivery missed again',
      durationSec: 545,
      notes: [
        { offsetSec: 15, text: `Marcus calling again – second missed delivery for ${order}. Slot was 8–12 today, it’s gone 12:45 and no van. No text last night either.` },
        { offsetSec: 50, text: 'Very angry. "That’s two days off work I’ve lost. Two. Does anyone there actually care?"' },
        { offsetSec: 140, text: 'HomeRun now shows "vehicle breakdown". Told Marcus – he said "So why didn’t anyone tell me at eight o’clock this morning?"' },
        { offsetSec: 250, text: 'Said I need to investigate with HomeRun. He asked for a manager – explained Hannah is in a meeting.' },
        { offsetSec: 395, text: `Promised a callback by 5pm ${day(4)} with a confirmed date. Marcus: "I’ll believe it when I see it."` },
        { offsetSec: 520, text: 'Call ended with Marcus still very unhappy.' },
      ],
      wrapUp: `Wrap-up: HomeRun ticket HR-22817 raised. CALLBACK DUE ${day(4)} by 5pm – Marcus is at the end of his patience, please don’t miss this.`,
    },
  };

  const angryChat: ConversationPlan = {
    ...base,
    start: daysAgoAt(now, firstDay - 5, 19, 32),
    agent: sofia,
    assigned: true,
    status: 'resolved',
    script: {
      kind: 'chat',
      topic: 'No callback about sofa delivery',
      turns: [
        {
          speaker: 'customer',
          verbatim: true,
          lines: [
            'is anyone actually there',
            'i was promised a callback by 5pm YESTERDAY',
            'nobody called. nobody emailed. nothing',
            `order ${order}. 2 missed deliveries, 2 days off work, and now im being ignored`,
            'honestly this is the worst service ive ever had',
          ],
        },
        {
          speaker: 'agent',
          lines: [
            'Hi Marcus, I’m Sofia. I’m really sorry – I can see the note that you were promised a call yesterday and it didn’t happen.',
            'That isn’t ok, especially after everything with the deliveries.',
          ],
        },
        {
          speaker: 'customer',
          verbatim: true,
          lines: ['dont tell me its not ok. FIX IT', 'i want my money back and someone to explain why i keep getting lied to', 'im done with this company'],
        },
        {
          speaker: 'agent',
          lines: [
            'I hear you, and you’re right to be angry.',
            `I’ve escalated this as urgent to Aisha, who leads our delivery escalations. She will call you on ${day(7)} morning before 10am – I’ve put it in her diary myself.`,
          ],
        },
        { speaker: 'customer', verbatim: true, lines: [`${day(7).toLowerCase()}. right.`, 'if nobody calls me by 10 im doing a chargeback and leaving a review everywhere 😡'] },
        {
          speaker: 'note',
          lines: [`Escalated to Aisha Khan for a ${day(7)} 9:30 callback. Third contact, missed promised callback – customer extremely angry. Please prioritise.`],
        },
      ],
    },
  };

  const calmingCall: ConversationPlan = {
    ...base,
    start: daysAgoAt(now, firstDay - 7, 9, 24),
    agent: aisha,
    assigned: true,
    status: 'resolved',
    script: {
      kind: 'voice',
      topic: 'Escalation – missed sofa deliveries',
      durationSec: 698,
      notes: [
        { offsetSec: 20, text: 'Called Marcus as promised – he answered straight away: "Go on then. Let’s hear it."' },
        { offsetSec: 55, text: 'Let him talk. Furious about two missed deliveries, two days off work and the broken callback. "You’ve let me down three times in one week."' },
        { offsetSec: 130, text: 'Apologised properly and owned it: told him this is our failure, not his and not just the courier’s – we promised a callback and broke it. No excuses.' },
        { offsetSec: 210, text: 'He went quiet, then: "Thank you. That’s the first time anyone has actually said that."' },
        { offsetSec: 285, text: `Concrete fix: cancelled HomeRun. Our own two-person team will deliver on ${day(9)}, first slot 7:30–8:30am so he can still get to work. I’ll text him the driver’s name the night before.` },
        { offsetSec: 375, text: 'Refunded the £49 delivery charge and added £100 credit for the two days off work – confirmed both by email while we were on the call.' },
        { offsetSec: 480, text: 'Gave him my direct line so he never has to queue again for this order.' },
        { offsetSec: 650, text: 'Marcus calmer – "Right. That’s all I wanted from the start, someone to own it. Thank you, Aisha. Genuinely."' },
      ],
      wrapUp: `Wrap-up: own-team delivery ${day(9)} 7:30–8:30am booked, £49 refund and £100 goodwill credit done. I’ll text Marcus the driver’s name the evening before and call after delivery.`,
    },
  };

  const thanksChat: ConversationPlan = {
    ...base,
    start: daysAgoAt(now, firstDay - 9, 8, 51),
    agent: aisha,
    assigned: true,
    status: 'resolved',
    script: {
      kind: 'chat',
      topic: 'Sofa delivered',
      turns: [
        {
          speaker: 'customer',
          verbatim: true,
          lines: [
            'hi, just wanted to let you know the sofa arrived at 7:40 this morning',
            'the two lads were brilliant, even took all the packaging away',
            'can you pass on my thanks to aisha? she turned this round completely',
          ],
        },
        {
          speaker: 'agent',
          lines: ['Hi Marcus, it’s Aisha! 😊 I’m so glad it’s finally with you – and thank you for letting us know.', 'Enjoy that first evening on it, you’ve more than earned it.'],
        },
        { speaker: 'customer', verbatim: true, lines: ['ha, i will. thanks again aisha, really appreciate it 👍'] },
      ],
    },
  };

  return [firstCall, secondCall, angryChat, calmingCall, thanksChat];
}
