/** Everyday topics about the things themselves: questions before buying, assembly help, praise. */
import type { Topic } from './topicTypes';

export const PRODUCT_QUESTION: Topic = {
  id: 'product-question',
  queue: 'general',
  label: 'Product question',
  subjects: ['Question about the {product}', '{product} – dimensions?', 'Before I order…'],
  product: 'any',
  weight: 12,
  asides: true,
  arcs: { answered: 6, positive: 4, unresolved: 1 },
  cases: [
    {
      emailOpen:
        'Could you tell me the exact dimensions of the {product}? We’re trying to work out whether it will fit in the alcove next to our fireplace, and I’d rather not have to send it back.',
      emailFix:
        'Of course! Here are the measurements for the {product}: {dims}. If you’d like to send me the measurements of your alcove, I’m very happy to double-check it for you before you order.',
      chatOpen: ['quick question about the {product}', 'what are the measurements?', 'trying to see if it fits in our alcove'],
      chatFix: ['sure! {dims}', 'happy to double-check against your space if you send me the measurements'],
      callOpen: ['{first} asking about the size of the {product} before ordering'],
      callFix: ['Gave dimensions: {dims}'],
    },
    {
      emailOpen:
        'What’s the {product} like to look after? We have a toddler and a very muddy spaniel, so anything we buy has to survive a lot.',
      emailFix:
        'Great question – and you’re definitely not the first family with a muddy dog to ask! {care}. Plenty of our customers with little ones have had theirs for years.',
      chatOpen: ['{productShort} – easy to clean?', 'we have a toddler and a muddy dog 😅'],
      chatFix: ['ha, you’re not the first to ask!', '{care}'],
      callOpen: ['{first} asking how the {product} holds up with a toddler and a dog'],
      callFix: ['Talked through care: {care}'],
    },
    {
      emailOpen:
        'Will the {product} in {variant} be back in stock soon? It has been showing as sold out for a couple of weeks and it’s the one I really want.',
      emailFix:
        'Good news – {variant} is due back in on {fixDate}. I’ve added you to the waiting list, so you’ll get an email the moment it’s available, before it goes back on the website.',
      emailDecline:
        'I’m sorry to say {variant} has been discontinued, so it won’t be coming back. The other colours are still available, and I’d be happy to send you free swatches.',
      chatOpen: ['will the {productShort} in {variant} come back in stock?', 'been waiting for weeks'],
      chatFix: ['yes! it’s due back {fixDay}', 'I’ve put you on the waiting list so you’ll hear first'],
      chatDecline: ['I’m really sorry, {variant} has been discontinued', 'I can send you swatches of the other colours?'],
      callOpen: ['{first} asking when the {product} in {variant} is back in stock'],
      callFix: ['Due back {fixDay} – added {first} to the waiting list'],
      callDecline: ['{variant} discontinued – {first} disappointed, offered swatches'],
    },
  ],
};

export const ASSEMBLY_HELP: Topic = {
  id: 'assembly-help',
  queue: 'general',
  label: 'Assembly help',
  subjects: ['Help assembling the {product}', 'Missing parts – {order}', 'Stuck on the instructions'],
  product: 'flatpack',
  weight: 8,
  asides: true,
  arcs: { answered: 4, recovered: 3, positive: 2 },
  cases: [
    {
      emailOpen:
        'The {product} (order {order}) is missing the small bag of fittings – pack B. All the wooden parts are there but there are no screws or cam locks, so it’s sitting half-built in the middle of our floor.',
      emailFix:
        'I’m sorry – that’s the one bag you can’t do without! I’ve sent a replacement fittings pack by first-class post today, so it should be with you by {fixDay}. I’ve added a spare set of cam locks too, just in case.',
      chatOpen: ['my {productShort} is missing pack B', 'no screws at all', 'it’s half built on the floor lol'],
      chatFix: ['oh no, sorry! that’s the one bag you really need', 'new fittings pack sent first class, with you by {fixDay}', 'I’ve popped in spare cam locks too'],
      callOpen: ['{first} building the {product} – fittings pack B missing (order {order})'],
      callFix: ['Sent replacement fittings pack first class plus spare cam locks, due {fixDay}'],
    },
    {
      emailOpen:
        'I’m stuck on step 7 of the instructions for the {product}. The two side panels look identical, and whichever way round I put them the holes don’t line up. Am I missing something?',
      emailFix:
        'You’re not missing anything – step 7 catches a lot of people out, and the diagram doesn’t help. One panel has a small arrow sticker on its inside edge, which should point to the front. Swap them round, turn the cam locks only a quarter-turn until everything is in place, then tighten them all. I’ve also sent you a link to our two-minute assembly video, which shows that step really clearly.',
      chatOpen: ['help 😩', 'step 7 of the {productShort} instructions makes no sense', 'the holes don’t line up whatever i do'],
      chatFix: ['step 7 catches loads of people out!', 'look for the little arrow sticker on one panel – it should point to the front', 'swap them round, cam locks only a quarter turn, then tighten at the end', 'I’ve emailed you our assembly video too'],
      callOpen: ['{first} stuck on step 7 of the {product} instructions – holes not lining up'],
      callFix: ['Talked {first} through it – arrow sticker to the front, quarter-turn cam locks, tighten at the end. Sent assembly video link'],
    },
  ],
};

export const PRAISE: Topic = {
  id: 'praise',
  queue: 'general',
  label: 'Compliment',
  subjects: ['Just a thank you!', 'Love my {productShort}', 'Compliments to your team'],
  product: 'any',
  weight: 8,
  asides: false,
  arcs: { positive: 1 },
  cases: [
    {
      emailOpen:
        'I just wanted to say how much we love the {product}. It arrived on time, the delivery driver was lovely, and it looks even better than the photos.',
      emailFix:
        'Thank you so much for taking the time to write – messages like this really do make our day. I’ve passed your kind words on to our delivery team too, and I hope you enjoy the {productShort} for many years.',
      chatOpen: ['not a problem for once, just wanted to say thank you', 'the {productShort} arrived 😍', 'looks even better than the photos'],
      chatFix: ['that’s so lovely to hear, thank you!', 'I’ll pass it on to the team 😊'],
      callOpen: ['{first} called just to say how much they love the {product}', 'Delivery driver was "an absolute gem"'],
      callFix: ['Thanked {first}, passing the compliment on to the delivery team'],
    },
    {
      emailOpen:
        'I had a problem with an order a while ago and the way your team sorted it out was brilliant, so I’ve just treated myself to the {product} as well. Thank you for being a company that actually cares.',
      emailFix:
        'That means a great deal to us – thank you. It’s lovely to hear that we got it right when it mattered, and I hope you get a lot of joy from the {productShort}.',
      chatOpen: ['just ordered the {productShort}!', 'you lot sorted a problem for me a while back and were brilliant', 'so you’ve got a customer for life 😊'],
      chatFix: ['aw, that’s made my day!', 'thank you for coming back to us – enjoy the {productShort}'],
      callOpen: ['{first} placing an order for the {product} – says our help with an earlier problem won them over'],
      callFix: ['Order placed, thanked {first} for the kind words'],
    },
  ],
};
