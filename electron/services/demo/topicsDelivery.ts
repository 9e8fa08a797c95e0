/** Everyday topics about getting an order to the door: late, damaged, wrong address, cancelled. */
import type { Topic } from './topicTypes';

export const LATE_DELIVERY: Topic = {
  id: 'late-delivery',
  queue: 'orders',
  label: 'Late delivery',
  subjects: ['Where is my order {order}?', 'Order {order} still not delivered', 'Delivery update please – {order}', 'Still waiting for my {productShort}'],
  product: 'any',
  weight: 14,
  asides: true,
  arcs: { recovered: 5, answered: 2, unresolved: 2, positive: 1 },
  ask: {
    email: 'Could you confirm the delivery postcode for me? I’d like to check it against what {courier} have on their system.',
    emailReply: 'It’s {postcode} – same address as all my other orders.',
    chat: 'could you confirm the postcode it’s going to?',
    chatReply: ['{postcode}'],
    call: 'Confirmed delivery postcode {postcode} with {first}, matches the order',
  },
  cases: [
    {
      emailOpen:
        'I ordered the {product} on {orderDate} (order {order}) and it still hasn’t arrived. The confirmation said 3–5 working days and it’s now been {days} days. The tracking link just says "in transit" and hasn’t changed since last week.',
      emailFix:
        'I’ve looked into it with {courier}, and your parcel was held at their depot after a scanning error – it was never put on a van. I’ve sent a replacement from our warehouse today on our priority service, so it will be with you on {fixDate}, and I’ve refunded your delivery charge. You’ll get a text with a one-hour slot on the morning it arrives.',
      emailDecline:
        '{courier} tell us the parcel is still in their network, and we have to give them ten working days to find it before we can send a replacement or refund. That runs out on {fixDate}. If it hasn’t turned up by then, reply to this email and we’ll arrange the next step.',
      chatOpen: ['my order hasn’t arrived', 'it’s been {days} days', 'order {order}'],
      chatFix: [
        'I’ve checked with {courier} – it got stuck at their depot after a scanning error 😕',
        'I’ve sent a replacement out today on priority delivery, it’ll be with you on {fixDay}',
        'and I’ve refunded the delivery charge too',
      ],
      chatDecline: [
        '{courier} say it’s still in their network',
        'we have to give them until {fixDay} to find it before we can replace it',
        'if it’s not with you by then just message us again',
      ],
      callOpen: ['{first} calling about order {order} – {product} not delivered, {days} days since ordering', 'Tracking stuck on "in transit" since last week'],
      callFix: ['Checked with {courier}: parcel stuck at their depot after a scanning error', 'Sent replacement on priority delivery for {fixDay}, refunded the delivery charge'],
      callDecline: ['{courier} still searching – explained we have to wait until {fixDay} before we can replace or refund'],
    },
    {
      emailOpen:
        'My order {order} was supposed to be delivered on {weekday} and nothing came, even though I stayed in all day for it. Nobody texted or emailed to say why. Could you tell me where my order actually is?',
      emailFix:
        'The parcel was sent to the wrong {courier} depot, which is why it never reached you and the tracking stopped moving. They’ve confirmed it’s now back at your local depot and booked in for {fixDate}. I’ve asked for it to go on the first van of the day, and I’ll keep an eye on it myself until it’s with you.',
      emailDecline:
        'I’ve checked, and {courier} list the delivery as attempted on {weekday} with a card left. I know that doesn’t match what you saw, and I’ve raised it with them (reference {courierRef}), but the earliest they can try again is {fixDate}.',
      chatOpen: ['where’s my {productShort}??', 'was meant to come {weekday}', 'stayed in all day and nobody came'],
      chatFix: ['found it – it went to the wrong depot, which is why tracking stopped', 'it’s been rerouted and is booked in for {fixDay}', 'I’ll keep an eye on it until it’s with you'],
      chatDecline: ['{courier} have it down as attempted on {weekday} 😕', 'I’ve raised a complaint with them ({courierRef})', 'the earliest they can redeliver is {fixDay}'],
      callOpen: ['{first} stayed in all {weekday} for order {order}, no delivery and no text', 'Wants to know where the order is'],
      callFix: ['Parcel went to the wrong {courier} depot – rerouted, first van on {fixDay}', 'Said I’d track it personally until delivered'],
      callDecline: ['{courier} claim a delivery attempt on {weekday}; complaint raised ({courierRef}), earliest redelivery {fixDay}'],
    },
  ],
};

export const DAMAGED_ITEM: Topic = {
  id: 'damaged-item',
  queue: 'returns',
  label: 'Damaged item',
  subjects: ['Damaged {productShort} – order {order}', '{product} arrived broken', 'Problem with my delivery ({order})'],
  product: 'any',
  weight: 11,
  asides: true,
  arcs: { recovered: 6, unresolved: 1, positive: 1 },
  ask: {
    email: 'So I can get this moving straight away, could you send me a photo of the damage and one of the outer box?',
    emailReply: 'Photos attached – the first one shows the damage and the second the box it came in.',
    chat: 'could you send a quick photo of the damage?',
    chatReply: ['one sec', '[photo attached]'],
    call: 'Asked {first} to email photos of the damage while we talked – received them during the call',
    photos: true,
  },
  cases: [
    {
      emailOpen:
        'The {product} from order {order} arrived yesterday and {damage}. The box was clearly crushed in transit, and I’ve kept all the packaging.',
      emailFix:
        'I’ve arranged a brand-new {productShort} for you, arriving on {fixDate}, and the driver will take the damaged one away at the same time – you don’t need to repack it. I’ve also passed your photos to our warehouse team so they can look at how it was packed.',
      emailDecline:
        'I’m sorry to say we’re out of stock of the {productShort} until {fixDate}, so a replacement can’t go out before then. I can either refund you now or reserve one from the next delivery – just let me know which you’d prefer.',
      chatOpen: ['just opened my {productShort} 😞', '{damage}', 'order {order}'],
      chatFix: ['that’s definitely not ok, I’m sorry', 'I’ve booked a replacement for {fixDay} and the driver will take the damaged one away', 'no need to repack it'],
      chatDecline: ['we’re out of stock until {fixDay} so I can’t send a new one before then', 'I can refund you now or reserve one from the next delivery'],
      callOpen: ['{first} reports the {product} arrived damaged – {damage}', 'Box crushed, all packaging kept'],
      callFix: ['Booked a replacement for {fixDay}, driver to collect the damaged one on the same visit', 'Logged a packaging issue with the warehouse'],
      callDecline: ['Out of stock until {fixDay} – offered refund now or a reserved replacement, {first} not happy with either'],
    },
    {
      emailOpen:
        'I’ve just unpacked my {product} (order {order}) and {damage}. It was meant to be the finishing touch for our living room, so it’s a bit deflating.',
      emailFix:
        'I’ve refunded the full {price} to your card today, so you’ll see it within 3–5 working days. Please don’t worry about sending it back – we’ll arrange collection on {fixDate}, or if you’d rather, you’re welcome to recycle it.',
      emailDecline:
        'Our courier’s records show the parcel was signed for as undamaged, so I need to open a claim with them before we can refund. That usually takes up to ten working days.',
      chatOpen: ['hi my delivery came today', 'the {productShort} came damaged 😞', '{damage}'],
      chatFix: ['I’ve refunded the full {price} just now', 'should be back on your card in 3–5 working days', 'and we’ll collect the broken one on {fixDay}'],
      chatDecline: ['it was signed for as undamaged, so I have to open a claim with the courier first', 'that can take up to ten working days'],
      callOpen: ['{first} calling about order {order}: {damage}', 'It was for the living room makeover, disappointed'],
      callFix: ['Refunded {price} in full, collection booked for {fixDay}'],
      callDecline: ['Signed for as undamaged – opened courier claim, up to 10 working days before refund'],
    },
  ],
};

export const ADDRESS_CHANGE: Topic = {
  id: 'address-change',
  queue: 'orders',
  label: 'Change delivery address',
  subjects: ['Change of address for order {order}', 'Wrong delivery address!', 'Can I change where my order goes?'],
  product: 'any',
  weight: 6,
  asides: true,
  arcs: { answered: 5, recovered: 2, unresolved: 1 },
  cases: [
    {
      emailOpen:
        'I’ve just realised order {order} is going to my old address. Is there any way to change it before it’s sent? The new address is {newAddress}.',
      emailFix:
        'No problem at all – I caught it before it left the warehouse, so I’ve changed the delivery address on {order} to {newAddress}. It’s still on track to arrive on {fixDate}.',
      emailDecline:
        'I’m afraid the order had already been handed to {courier} by the time your email reached us, so we can’t change the address from our side. I’ve asked them to hold it at their depot, and you can redirect it with the link in your tracking email.',
      chatOpen: ['i put my old address on my order 🤦', 'order {order}', 'can it go to {newAddress} instead?'],
      chatFix: ['good news, it hadn’t left the warehouse yet', 'I’ve changed it to {newAddress}', 'still on track for {fixDay}'],
      chatDecline: ['it’s already with {courier} so I can’t change it here', 'I’ve asked them to hold it at the depot – you can redirect it from your tracking link'],
      callOpen: ['{first} moving house – order {order} has the old address', 'New address: {newAddress}'],
      callFix: ['Caught it before dispatch, address updated, delivery still {fixDay}'],
      callDecline: ['Already dispatched with {courier}; asked them to hold at depot, {first} to redirect via tracking link'],
    },
  ],
};

export const CANCELLATION: Topic = {
  id: 'cancellation',
  queue: 'orders',
  label: 'Cancel order',
  subjects: ['Please cancel order {order}', 'Cancellation request', 'Cancel my {productShort} order'],
  product: 'any',
  weight: 7,
  asides: true,
  arcs: { answered: 5, unresolved: 2, recovered: 1 },
  cases: [
    {
      emailOpen:
        'I’d like to cancel order {order}, please. We measured again last night and the {productShort} just won’t fit the space we had in mind.',
      emailFix:
        'I’ve cancelled order {order} and refunded {price} to your original payment method – it can take 3–5 working days to show. Sorry it didn’t work out this time; if you’d like, I’m happy to suggest something that would fit the space.',
      emailDecline:
        'Your order has already been dispatched, so I can’t cancel it at this stage. When it arrives you can return it free within 30 days using the returns link in your confirmation email, and you’ll be refunded as soon as it’s back with us.',
      chatOpen: ['can i cancel an order please', '{order}', 'the {productShort} won’t fit after all'],
      chatFix: ['all done – order {order} is cancelled', 'refund of {price} is on its way, 3–5 working days'],
      chatDecline: ['it’s already been dispatched so I can’t cancel it now', 'you can return it free within 30 days once it arrives'],
      callOpen: ['{first} wants to cancel order {order} – the {productShort} won’t fit'],
      callFix: ['Cancelled order {order}, refunded {price}'],
      callDecline: ['Already dispatched – explained the free 30-day return instead'],
    },
    {
      emailOpen:
        'Could you cancel order {order} for the {product}? My partner ordered exactly the same one last week without telling me, so we now have two on the way!',
      emailFix:
        'That made me smile – it happens more often than you’d think! I’ve cancelled {order} and the {price} refund is on its way to your card. The other order is unaffected and still due on {fixDate}.',
      emailDecline:
        'Unfortunately both orders left our warehouse yesterday. Once the second one arrives, you can send it back free of charge within 30 days and we’ll refund you in full.',
      chatOpen: ['slightly embarrassing one 😅', 'my partner ordered the same {productShort} as me', 'can you cancel {order}?'],
      chatFix: ['haha it happens more than you’d think!', 'cancelled {order} and refunded {price}', 'the other one is still due {fixDay}'],
      chatDecline: ['both have already left the warehouse I’m afraid', 'you can send the second back free within 30 days'],
      callOpen: ['{first} and partner both ordered the {product} – wants {order} cancelled'],
      callFix: ['Cancelled the duplicate, refunded {price}; other order still due {fixDay}'],
      callDecline: ['Both already dispatched – talked through the free return for the second one'],
    },
  ],
};
