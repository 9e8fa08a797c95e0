/** Everyday topics about sending things back: the wrong item, refunds that haven't arrived. */
import type { Topic } from './topicTypes';

export const WRONG_ITEM: Topic = {
  id: 'wrong-item',
  queue: 'returns',
  label: 'Wrong size or colour',
  subjects: ['Wrong {productShort} sent – order {order}', 'Received the wrong colour/size', 'Order {order} – not what I ordered'],
  product: 'any',
  weight: 8,
  asides: true,
  arcs: { recovered: 5, answered: 1, unresolved: 1, positive: 1 },
  ask: {
    email: 'Could you send me a photo of the label on the side of the box? It helps our warehouse team find where the mix-up happened.',
    emailReply: 'Here you go – photo of the label attached.',
    chat: 'could you send me a photo of the label on the box?',
    chatReply: ['sure', '[photo attached]'],
    call: '{first} read out the box label while on the phone – it says {wrongVariant}',
    photos: true,
  },
  cases: [
    {
      emailOpen:
        'I ordered the {product} in {variant} (order {order}), but the one that arrived is {wrongVariant}. My order confirmation definitely says {variant}, so I think it’s been picked wrong at the warehouse.',
      emailFix:
        'You’re absolutely right – it was picked wrongly, and I’m sorry for the hassle. I’ve sent the {variant} one out today and it will arrive on {fixDate}. When it comes, the driver will take the {wrongVariant} one away; just leave it in its box by the door.',
      emailDecline:
        'I’ve checked and {variant} is sold out until {fixDate}. I can refund you in full now, or reserve one for you from the next delivery – I’m sorry I can’t get it to you sooner.',
      chatOpen: ['i ordered {variant} and got {wrongVariant}', 'order {order}', 'wrong one basically'],
      chatFix: ['so sorry about that – it was picked wrong at our end', 'the {variant} one is on its way, arriving {fixDay}', 'the driver will take the wrong one back at the same time'],
      chatDecline: ['{variant} is sold out until {fixDay} I’m afraid', 'I can refund you now or reserve one from the next delivery'],
      callOpen: ['{first} ordered the {product} in {variant}, received {wrongVariant} (order {order})'],
      callFix: ['Warehouse picking error – {variant} sent today, arriving {fixDay}, swap on the doorstep'],
      callDecline: ['{variant} sold out until {fixDay} – offered refund or reservation'],
    },
    {
      emailOpen:
        'Only one of the two boxes for my {product} has arrived (order {order}). The box I have says "1 of 2" and the tracking says the order is complete, so I can’t do anything with it yet.',
      emailFix:
        'The second box was left behind at our warehouse – it was never handed to the courier, which is why tracking shows the order as complete. It’s been sent out this morning on next-day delivery and will be with you on {fixDate}.',
      emailDecline:
        'The courier has both boxes down as delivered, so I’ve opened an investigation with them (reference {courierRef}). They have five working days to respond, and I’ll update you as soon as I hear.',
      chatOpen: ['only got 1 of 2 boxes 🙄', 'for my {productShort}', 'order {order}'],
      chatFix: ['the second box never left our warehouse, sorry!', 'it’s going out today on next-day delivery – with you {fixDay}'],
      chatDecline: ['the courier says both were delivered', 'I’ve opened an investigation ({courierRef}), they have 5 working days to reply'],
      callOpen: ['{first} only received box 1 of 2 for the {product}, order {order}'],
      callFix: ['Box 2 left at warehouse – sent next-day, arriving {fixDay}'],
      callDecline: ['Courier shows both delivered – investigation {courierRef}, 5 working days'],
    },
  ],
};

export const REFUND: Topic = {
  id: 'refund',
  queue: 'returns',
  label: 'Refund',
  subjects: ['Refund for order {order}', 'Still waiting for my refund', 'Where’s my refund?'],
  product: 'any',
  weight: 9,
  asides: true,
  arcs: { recovered: 5, answered: 2, unresolved: 2 },
  cases: [
    {
      emailOpen:
        'I sent the {product} back on {returnDate} (order {order}), and the tracking shows you received it over a week ago, but I still haven’t had my refund of {price}.',
      emailFix:
        'Your return arrived with us on {returnDate} but wasn’t matched to your order, which is why the refund got stuck. I’ve processed the full {price} today – it should be back on your card within 3–5 working days, and you’ll get a confirmation email shortly.',
      emailDecline:
        'Our returns team inspected the {productShort} and found signs of use, so under our returns policy we can only refund 80% of the price. I’m sorry, I know that isn’t what you were expecting.',
      chatOpen: ['i returned my {productShort} ages ago', 'still no refund', 'order {order}'],
      chatFix: ['I can see it – the return wasn’t matched to your order, sorry!', 'I’ve processed your {price} refund now', '3–5 working days to show on your card'],
      chatDecline: ['the returns team found signs of use', 'so it’s a partial refund of 80% I’m afraid'],
      callOpen: ['{first} returned the {product} on {returnDate}, no refund yet (order {order})'],
      callFix: ['Return not matched to order – refunded {price} manually, confirmation email sent'],
      callDecline: ['Returns team marked it as used – explained the 80% partial refund, {first} disputes it'],
    },
    {
      emailOpen:
        'I’ve had a refund for order {order} but it’s short – I was refunded for the {productShort} but not the delivery charge, even though the item was faulty when it arrived.',
      emailFix:
        'You’re quite right: when an item is faulty we refund the delivery charge too, and that step was missed. I’ve refunded it now and added a £10 voucher for the trouble of having to chase us.',
      emailDecline:
        'Looking at the notes, the return was logged as a change of mind rather than a fault, and delivery charges aren’t refunded for those. If you can send me a photo of the fault I’ll happily look at it again.',
      chatOpen: ['got my refund but it’s missing the delivery charge', 'the item was faulty so shouldn’t that be refunded too', 'order {order}'],
      chatFix: ['yes it should – sorry, that step was missed', 'delivery charge refunded now, plus a £10 voucher for the hassle'],
      chatDecline: ['it was logged as change of mind not a fault', 'if you can send a photo of the fault I’ll look again'],
      callOpen: ['{first} refunded for order {order} but not the delivery charge – item was faulty'],
      callFix: ['Refunded the delivery charge, added £10 voucher for the hassle'],
      callDecline: ['Return logged as change of mind – asked for a photo of the fault before refunding delivery'],
    },
  ],
};
