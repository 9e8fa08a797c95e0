/**
 * Story arc 3, "loyal fan": Priya Nair moves into her first house, buys her sofa, sends a photo,
 * recommends friends and stays warm even when a bowl arrives chipped – six happy contacts in a year.
 */
import { agentNamed } from './brand';
import type { ConversationPlan } from './conversationPlan';
import { daysAgoAt, type ArcContext } from './arcContext';

export const LOYAL_FAN = 'Priya Nair';

export function loyalFanArc({ now, people, orders }: ArcContext): ConversationPlan[] {
  const customer = people.fixed({
    displayName: LOYAL_FAN,
    email: 'priya.nair@inbox.example',
    handle: 'priya_makes_home',
    phoneSuffix: 275,
    signature: 'Sent from my iPhone',
    signOffStyle: 'friendly',
    chatStyle: 'casual',
  });
  const cushionOrder = orders.next();
  const happy = { customer, assigned: true, status: 'resolved' as const };
  return [
    {
      ...happy,
      start: daysAgoAt(now, 338, 19, 5),
      agent: agentNamed('Sofia'),
      queue: 'general',
      script: {
        kind: 'chat',
        topic: 'Sofa colours',
        turns: [
          {
            speaker: 'customer',
            verbatim: true,
            lines: ['hi! 👋', 'we’ve just got the keys to our first house 🏡🔑', 'trying to decide between the hollis sofa in sage or oat', 'which one hides dog hair better 😂'],
          },
          {
            speaker: 'agent',
            lines: [
              'Congratulations on the new house, Priya!! 🎉',
              'Honest answer: Oat is much kinder to dog hair – Sage shows the lighter hairs more',
              'We can send you free fabric swatches of both so you can see them in your own light?',
            ],
          },
          { speaker: 'customer', verbatim: true, lines: ['yes please!!', 'you’re the best'] },
          { speaker: 'agent', lines: ['Done – they’ll be with you in 2–3 days 😊 what kind of dog?'] },
          { speaker: 'customer', verbatim: true, lines: ['a very fluffy golden retriever called Biscuit 🐶'] },
          { speaker: 'agent', lines: ['Biscuit will approve of the Oat then 😄 enjoy the new house!'] },
        ],
      },
    },
    {
      ...happy,
      start: daysAgoAt(now, 301, 11, 18),
      agent: agentNamed('Grace'),
      queue: 'general',
      script: {
        kind: 'email',
        subject: 'The sofa has arrived!! (photo attached)',
        turns: [
          {
            speaker: 'customer',
            gapMinutes: 0,
            greeting: 'Hello lovely Larkspur people,',
            signOff: 'Love,\nPriya x',
            attachments: ['hollis-living-room.jpg'],
            body: `I just had to write – the Hollis arrived this morning and it is PERFECT. The delivery team were so careful with our narrow hallway, and they even carried our old sofa out to the garage for us.

I’ve attached a photo of it in its new home, with Biscuit already claiming his spot (we went for Oat in the end – thank you for the swatches!).

Thank you for making our first home feel like ours.`,
          },
          {
            speaker: 'agent',
            gapMinutes: 95,
            body: `This photo has genuinely made our whole team smile – Biscuit looks like he’s been on that sofa his whole life! Oat was a great choice.

I’ve passed your kind words on to the delivery team; they’ll be thrilled to hear the hallway was conquered. Thank you for taking the time to write, and enjoy every evening on it.`,
          },
          { speaker: 'customer', gapMinutes: 40, greeting: null, signOff: 'Priya x', body: 'Aww thank you! Biscuit says thank you too 🐶' },
        ],
      },
    },
    {
      ...happy,
      start: daysAgoAt(now, 214, 13, 2),
      agent: agentNamed('Tom'),
      queue: 'orders',
      script: {
        kind: 'voice',
        topic: 'Matching cushions order',
        durationSec: 380,
        notes: [
          { offsetSec: 30, text: 'Priya calling to order cushions to match her Hollis sofa – lovely call, very chatty.' },
          { offsetSec: 105, text: 'Says the sofa is "the best thing we’ve ever bought" – friends keep asking where it’s from.' },
          { offsetSec: 190, text: `Placed order ${cushionOrder}: Pebble cushion covers (pair) in Ochre and an Arden wool throw in Rust. Added free delivery as a thank-you.` },
          { offsetSec: 320, text: 'Laughing – Biscuit the dog has apparently already chosen which end of the sofa the throw is going on.' },
        ],
        wrapUp: 'Wrap-up: order placed with free delivery. Lovely customer – fourth order this year.',
      },
    },
    {
      ...happy,
      start: daysAgoAt(now, 150, 20, 14),
      agent: agentNamed('Liam'),
      queue: 'general',
      script: {
        kind: 'email',
        subject: 'My friends keep asking about my sofa!',
        turns: [
          {
            speaker: 'customer',
            gapMinutes: 0,
            greeting: 'Hi team,',
            signOff: 'Thanks!\nPriya',
            body: `Bit of a funny one – I’ve now had three friends round who’ve gone home and ordered things from you after seeing our living room (my friend Jo went for the same sofa in Sage, the rebel). Do you have a refer-a-friend scheme? Not for me – I’d just love them to get something nice out of it too.

Also, the throw is still Biscuit’s favourite place in the whole house.`,
          },
          {
            speaker: 'agent',
            gapMinutes: 760,
            body: `Three friends! You’re practically part of the team now.

We do have a refer-a-friend scheme: your friends get 15% off their first order with the code FRIENDS15, and I’ve made sure it works for Jo’s order retrospectively too. As a thank you from us, I’ve added a £25 credit to your account – no strings attached.

Give Biscuit a scratch behind the ears from all of us.`,
          },
          { speaker: 'customer', gapMinutes: 55, greeting: 'Hi Liam,', signOff: 'Priya x', body: 'Oh that’s so kind, thank you! You really didn’t have to. Passing the code on now 😊' },
        ],
      },
    },
    {
      ...happy,
      start: daysAgoAt(now, 72, 10, 37),
      agent: agentNamed('Aisha'),
      queue: 'returns',
      script: {
        kind: 'chat',
        topic: 'Chipped bowl',
        turns: [
          {
            speaker: 'customer',
            verbatim: true,
            lines: ['hiya 😊', 'small thing, absolutely no stress', 'one of the bowls in my orla dinner set arrived with a tiny chip on the rim', 'still love the set though, it’s gorgeous'],
          },
          {
            speaker: 'agent',
            lines: ['Hi Priya! Lovely to hear from you again 😊', 'Sorry about the chip – I’ve sent a replacement bowl out today, it’ll be with you in a couple of days', 'no need to send the chipped one back'],
          },
          { speaker: 'customer', verbatim: true, lines: ['you lot are the best honestly', 'the chipped one is going to be Biscuit’s new treat bowl 😂'] },
          { speaker: 'agent', lines: ['Perfect use for it 😄 have a lovely week, Priya!'] },
        ],
      },
    },
    {
      ...happy,
      start: daysAgoAt(now, 18, 8, 26),
      agent: agentNamed('Sofia'),
      queue: 'general',
      script: {
        kind: 'email',
        subject: 'A little thank you',
        turns: [
          {
            speaker: 'customer',
            gapMinutes: 0,
            greeting: 'Hi everyone,',
            signOff: 'Priya x',
            body: `It’s almost a year since we moved in, and I was looking round our living room last night and realised that nearly everything in it came from you – the sofa, the throw, the lamp, the rug. It actually feels like home now, and you’ve been part of that.

Thank you for the handwritten card that came with my last order, too. It’s on our fridge.

Here’s to another year!`,
          },
          {
            speaker: 'agent',
            gapMinutes: 70,
            body: `What a message to start the day with – I read it out to the whole team and there may have been a few happy tears.

Thank you for letting us be part of making your house a home. Happy almost-anniversary, and a big hello to Biscuit.`,
          },
        ],
      },
    },
  ];
}
