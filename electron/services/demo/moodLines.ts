/**
 * The feeling in everyday conversations, on each channel: how upset, neutral and happy customers
 * open and close, how agents acknowledge them, personal asides, internal notes and call wrap-ups.
 */

export const EMAIL_LINES = {
  upsetIntro: [
    'I’m really disappointed to be writing this.',
    'I have to be honest, I’m fed up.',
    'I’m not one to complain, but this has genuinely spoiled my week.',
    'This is so frustrating.',
    'I’ve been a customer for years and I’ve never had to chase like this before.',
    'I’m absolutely furious, to be frank.',
  ],
  upsetOutro: [
    'Please can someone sort this out properly, because I’ve already wasted enough time on it.',
    'I’d like to know what you’re going to do about it, and soon.',
    'I expected a lot better than this from you.',
    'I’d appreciate a reply today if at all possible.',
    'If this can’t be fixed I’ll want a full refund.',
  ],
  neutralOutro: ['Thanks in advance for your help.', 'Many thanks.', 'Thanks for your help.', 'Look forward to hearing from you.', ''],
  happyIntro: [
    'Hope you’re all well!',
    'Hello from a very happy customer!',
    'I hope your week is going well.',
  ],
  asides: [
    'It’s meant to be a birthday present for my mum, so I’m keen to get it sorted before the weekend.',
    'We’ve just moved into our first house, so everything is a bit chaotic at the moment.',
    'I work shifts at the hospital, so email is the easiest way to reach me.',
    'The kids have been asking about it every single day!',
    'We have family coming to stay soon, which is why the timing matters.',
    'I’ve recommended you to a couple of friends already, so I’d love this to go smoothly.',
    'I’m recovering from an operation at the moment, so I can’t lift heavy boxes about.',
    'It’s our first wedding anniversary next week and this was part of the surprise.',
  ],
  agentAck: {
    upset: [
      'I’m so sorry, {first}. You shouldn’t have had to chase us for this, and I completely understand why you’re frustrated – this one is on us, and I’m going to put it right.',
      'Thank you for telling us, and I’m really sorry. That isn’t the experience we want anyone to have with Larkspur, and I’d be frustrated too.',
      'I’m sorry – this has clearly been a real hassle, and you’ve been more than patient. Let’s get it sorted.',
    ],
    neutral: ['Thanks for getting in touch.', 'Thanks for your email – happy to help with this.', 'Thanks for the question!'],
    happy: [
      'Thank you for such a lovely message – it made my morning!',
      'It’s always nice to hear from you!',
      'What a cheerful email to open, thank you!',
    ],
    cool: ['Thank you for your email.', 'Thank you for contacting Larkspur Home.'],
  },
  agentClose: [
    'If there’s anything else at all, just reply to this email and it will come straight back to me.',
    'I’ll keep an eye on this myself, and I’ll check in on {fixDay} to make sure everything is as it should be.',
    'Thank you again for your patience with this.',
    'Let me know if there’s anything else I can help with.',
  ],
  closing: {
    recovered: [
      'Thank you so much, {agent} – that’s a real weight off. I appreciate you sorting it so quickly.',
      'Brilliant, thank you. I was dreading having to chase again, so that’s a huge relief.',
      'That’s great, thanks {agent}. Really appreciate you owning it rather than blaming the courier.',
      'Thank you – that’s exactly what I hoped you’d say. Sorry if my first email was a bit sharp.',
    ],
    answered: ['Perfect, that’s exactly what I needed to know. Thanks!', 'Great, thanks for the quick reply.', 'That makes sense – thank you for explaining.'],
    positive: ['You’re all stars. Thanks again!', 'Thank you! Honestly the best customer service I’ve had in ages.', 'Lovely, thank you so much.'],
    unresolved: [
      'That’s really not good enough. I’ve done everything right here and I’m the one left waiting. I’ll think twice before ordering again.',
      'Fine. I’ll wait, but I’m not impressed, and I’ll be telling people about this.',
      'So basically nothing can be done. Great.',
      'I’m very disappointed with this response. I expected far better.',
    ],
  },
  chaser: [
    'I sent the email below a day ago and haven’t heard anything. Could someone please get back to me?',
    'Just following this up – is anybody looking at it?',
  ],
  internalNotes: [
    'Checked order history – {first} has had several orders with us and no previous issues. Worth looking after.',
    'Second contact about this – prioritising.',
    '{first} sounds stressed – going gently with this one.',
    'Looped in Hannah in case this needs a goodwill gesture.',
    'We have seen this a few times this week – flagged to Hannah.',
  ],
  snoozeNote: ['Snoozing until {fixDay} – I’ll check it has all gone through and message {first} then.', 'Snoozed until {fixDay}. Check in with {first} then.'],
};

export const CHAT_LINES = {
  greetings: [['hi'], ['hello'], ['hey'], ['hi there'], ['hiya'], []],
  upset: [['this is ridiculous'], ['seriously not happy', 'second time this has happened'], ['really fed up now 😡'], ['can someone actually sort it this time'], ['hello??']],
  happy: [['love the rest of my order btw 😊'], ['you guys are always so helpful'], ['no rush!']],
  asides: ['it’s a present for my mum', 'just moved house so everything’s chaos lol', 'kids keep asking when it’s coming 😅', 'i work nights so sorry if i reply slow'],
  agentHello: ['Hi {first}, I’m {agent} 👋 thanks for waiting', 'Hi {first}! {agent} here 😊', 'Hello {first}, thanks for getting in touch – I’m {agent}'],
  agentAck: {
    upset: ['I’m really sorry about this {first}, that’s not ok', 'oh no, I’m so sorry – let me sort this out for you now', 'I completely understand, I’d be frustrated too'],
    neutral: ['one moment while I check', 'let me have a look'],
    happy: ['happy to help! 😊', 'lovely to hear from you 😊'],
  },
  askThanks: ['thanks, one sec', 'perfect, thank you – checking now'],
  closing: {
    recovered: [['ok that’s great', 'thank you so much {agent} 🙏'], ['brilliant thanks', 'really appreciate it'], ['oh amazing', 'thanks for sorting it!!']],
    answered: [['perfect thanks'], ['great that’s all i needed, thanks!'], ['ah ok makes sense', 'cheers']],
    positive: [['you’re the best 😊'], ['amazing thank you!! ❤️'], ['thanks so much!']],
    unresolved: [['that’s ridiculous tbh', 'whatever'], ['so i just have to wait', 'not impressed'], ['fine', 'won’t be ordering again']],
  },
  anythingElse: ['Is there anything else I can help with today?', 'anything else I can do for you?'],
  noThanks: [['no that’s all, thanks'], ['nope all good'], ['no thank you!']],
  goodbye: ['Have a lovely day, {first}! 😊', 'Take care {first}!', 'Thanks for chatting, {first} – have a good one'],
  holding: ['I’ll message you here as soon as I hear back', 'I’ll keep an eye on it and update you'],
};

export const CALL_LINES = {
  mood: {
    upset: [
      '{first} upset, voice raised: "I just want someone to actually sort this out."',
      '{first} frustrated – "Why do I always have to be the one chasing you?"',
      'Customer angry, says it has ruined the week. Let {first} finish before answering.',
      '{first} annoyed, says it’s the second time something has gone wrong with an order.',
    ],
    neutral: ['{first} calm and friendly', 'Easy-going call, {first} knew exactly what they needed'],
    happy: ['{first} in great spirits – chatty, loves the rest of the order', 'Lovely call, {first} laughing about the cat claiming the box'],
  },
  asides: ['{first} mentioned it’s a present for their mum’s birthday', '{first} has just moved house – everything is chaotic', '{first} works nights, prefers calls after 2pm'],
  ownIt: ['Apologised and owned it – no excuses', 'Acknowledged how frustrating this has been, said I’d sort it on this call'],
  closing: {
    recovered: ['{first} much calmer, thanked me: "That’s all I wanted."', 'Customer relieved, thanked me twice before hanging up', '{first} happy with the fix, apologised for being short earlier'],
    answered: ['{first} happy with the answer', 'All clear for {first}, no further questions'],
    positive: ['{first} said we’re the best shop they’ve dealt with', 'Warm call – {first} thanked the whole team'],
    unresolved: ['{first} not satisfied – "So I just have to wait, then?" Ended the call abruptly', 'Customer unhappy with the policy, said they’ll think twice before ordering again'],
  },
  wrapUp: {
    resolved: ['Wrap-up: sorted on the call, confirmation email sent to {first}.', 'Wrap-up: follow-up set for {fixDay} to check it has arrived.', 'Wrap-up: resolved, nothing further needed.'],
    pending: ['Wrap-up: waiting for {first} to confirm – pending.', 'Wrap-up: emailed {first} the details, waiting for a reply.'],
    snoozed: ['Wrap-up: snoozed until {fixDay} to check everything has gone through.', 'Wrap-up: snoozed until {fixDay} – will ring {first} then.'],
    open: ['Wrap-up: needs a callback once I’ve checked with the team – left open.', 'Wrap-up: couldn’t finish on the call, callback owed to {first}.'],
    unresolved: ['Wrap-up: customer unhappy with the outcome, flagged to Hannah for review.', 'Wrap-up: policy explained, {first} still unhappy.'],
  },
};
