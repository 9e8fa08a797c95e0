/** Everyday topics about money: discount codes that don't work, payments and invoices. */
import type { Topic } from './topicTypes';

export const DISCOUNT_CODE: Topic = {
  id: 'discount-code',
  queue: 'billing',
  label: 'Discount code not working',
  subjects: ['Discount code {code} not working', 'Problem with a promo code', 'Code {code} says invalid'],
  product: 'any',
  weight: 7,
  asides: false,
  arcs: { recovered: 3, answered: 2, unresolved: 2, positive: 1 },
  cases: [
    {
      emailOpen:
        'I tried to use the code {code} from your newsletter on the {product}, but at checkout it kept saying "This code is not valid". I went ahead and paid full price (order {order}) because I didn’t want to miss it, but the email says the code runs until the end of the month.',
      emailFix:
        'The code should have worked – there was a fault at our end for a couple of days, and I’m sorry it caught you. I’ve refunded the {discount} difference to your card on order {order}, so you get the same price you would have paid.',
      emailDecline:
        'I’ve checked, and {code} can’t be used on items that are already reduced, and the {productShort} had a sale price on the day you ordered. I know the small print is easy to miss, and I’m sorry for the disappointment.',
      chatOpen: ['your discount code doesn’t work', '{code}', 'says not valid but its from your email!'],
      chatFix: ['sorry – there was a fault with that code for a couple of days', 'I’ve refunded the {discount} difference on order {order}'],
      chatDecline: ['{code} doesn’t work on sale items I’m afraid', 'and the {productShort} had a sale price that day'],
      callOpen: ['{first} says {code} rejected at checkout, paid full price for the {product} (order {order})'],
      callFix: ['Known code fault last week – refunded {discount} on {order}'],
      callDecline: ['{code} excludes sale items, {productShort} had a sale price – no refund, {first} unhappy about the small print'],
    },
    {
      emailOpen:
        'My friend gave me her code {code} so we could both get money off, but it won’t work for me. Is it a one-use code? I was about to order the {product}.',
      emailFix:
        'Codes like that are tied to the account they were sent to, which is why it didn’t work for you – but I’d hate you to miss out. I’ve set up a one-off code for you, WELCOMEBACK10, which takes 10% off the {product} and works until {fixDate}.',
      emailDecline:
        'That code can only be used once and by the account it was sent to, so unfortunately I can’t apply it to your order.',
      chatOpen: ['hi, my friend gave me her code', '{code}', 'it won’t work for me?'],
      chatFix: ['those are tied to the account they were sent to', 'but I’ve made you a one-off code: WELCOMEBACK10 😊 valid until {fixDay}'],
      chatDecline: ['those codes only work for the account they were sent to I’m afraid'],
      callOpen: ['{first} trying to use a friend’s code ({code}) on the {product}'],
      callFix: ['Explained codes are per account; issued one-off code WELCOMEBACK10, valid until {fixDay}'],
      callDecline: ['Codes are per account – could not apply it'],
    },
  ],
};

export const BILLING: Topic = {
  id: 'billing',
  queue: 'billing',
  label: 'Billing question',
  subjects: ['Charged twice for order {order}?', 'Invoice needed for order {order}', 'Question about a payment'],
  product: 'any',
  weight: 7,
  asides: false,
  arcs: { recovered: 3, answered: 4, unresolved: 1 },
  cases: [
    {
      emailOpen:
        'I’ve been charged twice for order {order} – there are two payments of {price} on my statement from the same day. I only placed one order.',
      emailFix:
        'You’ve only been charged once. The second {price} is a temporary hold your bank placed when the first payment attempt timed out – no money has actually left your account for it. I’ve asked our payments team to release it today, and it should disappear within 2–3 working days.',
      emailDecline:
        'Both payments show on our side as completed, because the order was submitted twice. One will be refunded automatically once the duplicate order is cancelled, which can take up to 10 working days.',
      chatOpen: ['why have i been charged twice??', '2 x {price} on my statement', 'order {order}'],
      chatFix: ['you’ve only been charged once, I promise', 'the second one is a temporary hold from when the first payment timed out', 'I’ve asked for it to be released – gone in 2–3 working days'],
      chatDecline: ['the order went through twice so both payments completed', 'the duplicate refund can take up to 10 working days'],
      callOpen: ['{first} sees two payments of {price} for order {order}, worried'],
      callFix: ['Second payment is a pre-authorisation hold from a timed-out attempt – released, 2–3 working days'],
      callDecline: ['Duplicate order – refund on its way but up to 10 working days'],
    },
    {
      emailOpen:
        'Could you send me a VAT invoice for order {order}? The {product} is for our office and the order confirmation doesn’t show your VAT number, so our accounts team won’t accept it.',
      emailFix:
        'Of course – I’ve attached a full VAT invoice for order {order}, showing our VAT number and the VAT element of {price}. If your accounts team need it addressed to the company rather than to you, just let me know the details.',
      chatOpen: ['can i get a vat invoice for an order?', 'it’s {order}', 'for work'],
      chatFix: ['of course! I’ve just emailed a VAT invoice for {order} to you', 'let me know if it needs the company name on it'],
      callOpen: ['{first} needs a VAT invoice for order {order} for the office'],
      callFix: ['Emailed VAT invoice during the call'],
    },
  ],
};
