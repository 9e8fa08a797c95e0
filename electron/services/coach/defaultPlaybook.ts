import type { Playbook, PlaybookRule } from '../../../shared/contract/coach';

/**
 * The playbook Kinship starts with. Supervisors edit a copy in Settings; every rule here says when it
 * fires (all conditions ANDed) and offers several human phrasings, some without placeholders so
 * something can always be offered.
 */

const NEGATIVE_FEELINGS = ['anger', 'disgust'] as const;

/**
 * When a wait earns an apology whatever the customer's words: a chat or call is live, so a quarter of
 * an hour is long; an e-mail is answered within a working day. Below these, nothing cheery is held back.
 */
const LIVE_WAIT_MINUTES = 15;
const EMAIL_WAIT_MINUTES = 24 * 60;

const acknowledge: PlaybookRule[] = [
  {
    id: 'acknowledge-anger',
    kind: 'acknowledge',
    title: 'Acknowledge the frustration',
    enabled: true,
    priority: 80,
    when: { emotions: [...NEGATIVE_FEELINGS], minEmotionScore: 0.5 },
    wordings: [
      '{firstName}, I can see why you’re annoyed, and you’re right to be.',
      'That’s really frustrating, and I’d feel exactly the same in your shoes.',
      'You’ve every right to be fed up with this, {firstName}. Let’s get it sorted properly.',
      'I can tell this has really got to you, and I don’t blame you one bit.',
      'Thanks for telling me straight — I can see how annoying this has been.',
    ],
  },
  {
    id: 'acknowledge-sadness',
    kind: 'acknowledge',
    title: 'Acknowledge the disappointment',
    enabled: true,
    priority: 79,
    when: { emotions: ['sadness'], minEmotionScore: 0.5 },
    wordings: [
      '{firstName}, I can tell how disappointing this has been, and I’m sorry.',
      'That sounds really disheartening, especially when you were looking forward to it.',
      'I can see this has let you down, and that matters to us.',
      'What a disappointing thing to happen — thank you for telling us.',
    ],
  },
  {
    id: 'acknowledge-fear',
    kind: 'acknowledge',
    title: 'Acknowledge the worry',
    enabled: true,
    priority: 78,
    when: { emotions: ['fear'], minEmotionScore: 0.5 },
    wordings: [
      '{firstName}, I can completely understand why you’re worried. Let’s look at this together now.',
      'That would worry me too. You’re in the right place, and I’m on it.',
      'I can hear this has you concerned, so I’ll take it one step at a time with you.',
      'It’s completely understandable to feel anxious about this — I’m here to help.',
    ],
  },
  {
    id: 'acknowledge-negative',
    kind: 'acknowledge',
    title: 'Acknowledge how they feel',
    enabled: true,
    priority: 75,
    when: { maxSentiment: -0.35 },
    wordings: [
      '{firstName}, thank you for being honest with us — I can see this hasn’t gone the way it should.',
      'I can see this has been a real let-down, and I want to put it right.',
      'I hear you. That’s not the experience we want you to have.',
      'That doesn’t sound good at all, and I’m glad you told us.',
      'I understand why you’re unhappy about {topic}, {firstName}.',
    ],
  },
  {
    id: 'acknowledge-mood-drop',
    kind: 'acknowledge',
    title: 'Notice it is getting worse',
    enabled: true,
    priority: 70,
    when: { minSentimentDrop: 0.5, maxSentiment: -0.2 },
    wordings: [
      'I can tell this is getting more frustrating as we go — let me take a fresh look.',
      'I don’t think I’ve made this any easier so far, {firstName}. Let me try again properly.',
      'You sound more fed up than when we started, and that’s on us. Let me sort this out.',
      'I can see my last reply didn’t really help. Here’s what I’m going to do instead.',
    ],
  },
];

const apologise: PlaybookRule[] = [
  {
    id: 'apologise-angry-again',
    kind: 'apologise',
    title: 'Apologise for having to come back',
    enabled: true,
    priority: 88,
    when: { emotions: [...NEGATIVE_FEELINGS], minEmotionScore: 0.5, inLastMessages: 2, repeatContact: { count: 2, days: 7 } },
    wordings: [
      '{firstName}, I’m sorry you’ve had to come back to us about this again. That shouldn’t have happened.',
      'I’m really sorry. You shouldn’t have to chase us about {topic}.',
      'I’m sorry — having to get in touch again about the same thing isn’t good enough.',
      'I’m sorry we’ve made you repeat yourself. I’ve read everything so far, so you won’t need to explain again.',
      'Sorry, {firstName}. We’ve let you down here, and I’ll make sure you don’t need to ask again.',
    ],
  },
  {
    id: 'apologise-angry-repeat',
    kind: 'apologise',
    title: 'Apologise for not fixing it first time',
    enabled: true,
    priority: 86,
    when: { emotions: [...NEGATIVE_FEELINGS], minEmotionScore: 0.5, repeatContact: { count: 2, days: 14 } },
    wordings: [
      'I’m sorry, {firstName} — you’ve been in touch about this before, and it should have been fixed then.',
      'I’m really sorry we didn’t get this right the first time.',
      'Sorry you’ve had to contact us again. I’ve read your earlier messages, so we can pick up where you left off.',
      'I’m sorry. When you got in touch {lastContact}, we should have sorted it there and then.',
    ],
  },
  {
    id: 'apologise-angry-wait',
    kind: 'apologise',
    title: 'Apologise for the wait',
    enabled: true,
    priority: 84,
    when: { emotions: [...NEGATIVE_FEELINGS], minEmotionScore: 0.4, minWaitMinutes: 60 },
    wordings: [
      'I’m sorry you’ve waited {waited} for an answer, {firstName}. That’s far too long.',
      'Sorry for the wait — {waited} isn’t OK, especially when you’re already frustrated.',
      'I’m sorry we kept you waiting. I’m here now and I’ll stay with this until it’s sorted.',
      'Sorry it’s taken us this long to reply. You deserved a quicker answer.',
    ],
  },
  {
    id: 'apologise-long-wait',
    kind: 'apologise',
    title: 'Apologise for the silence',
    enabled: true,
    priority: 85,
    // a long wait alone earns the apology: a calm "any news?" after ten days is owed one as much as an angry one
    when: { minWaitMinutes: EMAIL_WAIT_MINUTES },
    wordings: [
      '{firstName}, I’m sorry you’ve waited {waited} to hear back from us. That’s not good enough.',
      'I’m really sorry — you should never have had to wait {waited} for a reply.',
      'Sorry for going quiet on you. You deserved an answer long before now.',
      'I’m sorry we left you without a reply for so long. I’m on it now and I’ll see it through.',
    ],
  },
  {
    id: 'apologise-live-wait',
    kind: 'apologise',
    title: 'Apologise for keeping them waiting',
    enabled: true,
    priority: 80,
    when: { channels: ['chat', 'voice'], minWaitMinutes: LIVE_WAIT_MINUTES },
    wordings: [
      'Sorry to keep you waiting, {firstName}. I’m with you now.',
      'Thanks for your patience — sorry it took {waited} to get to you.',
      'I’m sorry you’ve been waiting. You have my full attention now.',
      'Sorry for the wait. Let’s get this sorted for you straight away.',
    ],
  },
  {
    id: 'apologise-repeat-upset',
    kind: 'apologise',
    title: 'Apologise for the runaround',
    enabled: true,
    priority: 81,
    when: { repeatContact: { count: 3, days: 14 }, maxSentiment: -0.35 },
    wordings: [
      'I’m sorry you’ve had to contact us so many times about this, {firstName}.',
      'I’m really sorry. We’ve made this much harder than it should be.',
      'I’m sorry we’ve kept you going round in circles. I’m taking this on myself now.',
      'Sorry — nobody should need to get in touch this many times to get an answer.',
    ],
  },
];

const ownAndFix: PlaybookRule[] = [
  {
    id: 'own-repeat-contact',
    kind: 'own-and-fix',
    title: 'Own it and say how you will fix it',
    enabled: true,
    priority: 78,
    // "we should have fixed this" is only true when something is wrong: a happy regular is not owed it
    when: { repeatContact: { count: 3, days: 7 }, maxSentiment: 0 },
    wordings: [
      'This one’s mine now, {firstName}. I’ll see it through myself and update you {when}.',
      'We should have fixed this the first time. I’m taking it on personally, and you’ll hear from me {when}.',
      'I’ve read all your earlier messages, so you won’t need to explain again. I’ll sort it and update you {when}.',
      'That’s our mistake, not yours. I’m putting it right and I’ll confirm {when}.',
      'I won’t pass you around again: I’ll handle this myself and get back to you {when}.',
    ],
  },
  {
    id: 'own-still-wrong',
    kind: 'own-and-fix',
    title: 'Own the mistake',
    enabled: true,
    priority: 76,
    when: {
      mentions: ['again', 'still', 'third time', 'second time', 'wrong', 'broken', 'missing', 'damaged', 'faulty', 'never arrived', 'not arrived', 'hasn’t arrived', 'not received'],
      maxSentiment: -0.1,
    },
    wordings: [
      'That’s our mistake, {firstName}, and I’m going to fix it. I’ll update you {when}.',
      'We got this wrong, and it’s up to us to put it right. I’ll get back to you {when}.',
      'I’m looking into your order {order} myself now, and I’ll tell you {when} exactly what happens next.',
      'You shouldn’t have to deal with this. Leave it with me — I’ll sort it and let you know {when}.',
      'Right, let’s fix this properly. I’m on it, and you’ll hear from me {when}.',
    ],
  },
];

const reassure: PlaybookRule[] = [
  {
    id: 'reassure-fear',
    kind: 'reassure',
    title: 'Reassure with a concrete next step',
    enabled: true,
    priority: 82,
    when: { emotions: ['fear'], minEmotionScore: 0.4 },
    wordings: [
      'You’re in safe hands, {firstName}. I’m checking this now and I’ll confirm exactly where things stand {when}.',
      'I can see why this is worrying. I’m looking into it straight away and I’ll update you {when}.',
      'Let me take the worry off your hands: I’m checking it now and I’ll get back to you {when}, whatever I find.',
      'I’ll look into order {order} myself right now and confirm {when}, so you’re not left wondering.',
      'If anything has gone wrong, we’ll put it right. I’m checking now and I’ll confirm {when}.',
    ],
  },
  {
    id: 'reassure-worried',
    kind: 'reassure',
    title: 'Reassure: they are worried',
    enabled: true,
    priority: 79,
    when: { mentions: ['worried', 'worry', 'worrying', 'scared', 'anxious', 'nervous', 'concerned', 'panicking', 'stressed', 'urgent', 'urgently', 'charged twice'] },
    wordings: [
      'I understand this is urgent for you, {firstName}. I’m on it now and you’ll hear from me {when}.',
      'I can hear you’re worried, so here’s the plan: I’ll check this now and update you {when}.',
      'You don’t need to chase this — I’ll look into it and get back to you {when}.',
      'I’ve got this, {firstName}. I’ll check it straight away and confirm {when}.',
    ],
  },
];

const WELCOME_BACK = [
  'Lovely to hear from you again, {firstName}.',
  'Good to hear from you again, {firstName} — I can see you were last in touch {lastContact}.',
  'Thanks for coming back to us, {firstName}.',
  'Nice to hear from you again.',
  'Welcome back — it’s good to hear from you.',
];

const personalise: PlaybookRule[] = [
  {
    id: 'personalise-returning-upset',
    kind: 'personalise',
    title: 'Show you know their history',
    enabled: true,
    priority: 55,
    when: { returningCustomer: true, maxSentiment: -0.2 },
    wordings: [
      'I can see you were in touch {lastContact} about {lastTopic}, so you won’t need to explain it all again.',
      '{firstName}, I’ve got your earlier messages in front of me, so we can pick up from where we left off.',
      'I’ve read through what you told us {lastContact}, so I won’t ask you to repeat it.',
      'I can see the history here — you won’t need to start from scratch.',
    ],
  },
  // A welcome is cheery: only for a customer who is not unhappy and not owed an apology for the wait
  // (the apologise-…-wait rules above take over exactly where these stop).
  {
    id: 'personalise-returning',
    kind: 'personalise',
    title: 'Welcome them back',
    enabled: true,
    priority: 40,
    when: { returningCustomer: true, minSentiment: -0.2, channels: ['chat', 'voice'], maxWaitMinutes: LIVE_WAIT_MINUTES - 1 },
    wordings: [...WELCOME_BACK],
  },
  {
    id: 'personalise-returning-email',
    kind: 'personalise',
    title: 'Welcome them back (e-mail)',
    enabled: true,
    priority: 40,
    when: { returningCustomer: true, minSentiment: -0.2, channels: ['email'], maxWaitMinutes: EMAIL_WAIT_MINUTES - 1 },
    wordings: [...WELCOME_BACK],
  },
];

const followUp: PlaybookRule[] = [
  {
    id: 'follow-up-overdue',
    kind: 'follow-up',
    title: 'Keep the promise we missed',
    enabled: true,
    priority: 90,
    when: { openFollowUp: 'overdue' },
    wordings: [
      'I’m sorry, {firstName} — we promised to come back to you and we didn’t. I’m picking it up myself right now.',
      'We owed you an update (“{followUp}”) and it’s late. Sorry about that — here’s where things stand.',
      'I know we promised to get back to you sooner. That’s on us, and you’ll hear from me {when}.',
      'Sorry for the silence — that’s not how we want to treat you. I’m sorting it now and I’ll update you {when}.',
    ],
  },
  {
    id: 'follow-up-open',
    kind: 'follow-up',
    title: 'Mention the follow-up you owe them',
    enabled: true,
    priority: 50,
    when: { openFollowUp: true },
    wordings: [
      'Just so you know, {firstName}, I haven’t forgotten what we promised you — it’s on my list.',
      'I’ve got the note about “{followUp}” here, and I’ll keep you posted.',
      'I’ll keep an eye on this and check in with you {when}, so you don’t have to chase us.',
      'I’ve made a note to come back to you on this, so you won’t need to chase.',
    ],
  },
];

const thank: PlaybookRule[] = [
  {
    id: 'thank-happy',
    kind: 'thank',
    title: 'Thank them warmly',
    enabled: true,
    priority: 60,
    when: { emotions: ['joy'], minEmotionScore: 0.6 },
    wordings: [
      'Thank you, {firstName} — that’s made my day!',
      'That’s lovely to hear. Thank you for letting us know.',
      'Thanks so much, {firstName}. It’s great to know it’s all worked out.',
      'I’m really glad you’re happy with it — thank you for taking the time to tell us.',
      'You’ve made the whole team smile with this one. Thank you!',
    ],
  },
  {
    id: 'thank-positive',
    kind: 'thank',
    title: 'Say thank you',
    enabled: true,
    priority: 58,
    when: { minSentiment: 0.5 },
    wordings: [
      'Thanks so much for the kind words, {firstName}.',
      'That’s great to hear — thank you!',
      'Really glad that’s all sorted. Thanks for letting us know.',
      'Thank you for taking a moment to tell us. It means a lot.',
    ],
  },
];

const inviteCommunity: PlaybookRule[] = [
  {
    id: 'invite-community-fan',
    kind: 'invite-community',
    title: 'Invite them into the community',
    enabled: true,
    priority: 45,
    when: { emotions: ['joy'], minEmotionScore: 0.7, returningCustomer: true },
    wordings: [
      '{firstName}, would you like to join our customer community? It’s where people swap tips, share photos and get a first look at new things.',
      'If you ever fancy sharing a photo of it in its new home, our customer community would love to see it.',
      'Thanks for sticking with us. If you’d like a say in what we make next, our customer community is open to you.',
      'It’s customers like you who make this job worthwhile. Would you like an invite to our customer community, {firstName}?',
    ],
  },
];

export const DEFAULT_PLAYBOOK: Playbook = {
  version: 1,
  maxPrompts: 3,
  rules: [...acknowledge, ...apologise, ...ownAndFix, ...reassure, ...personalise, ...followUp, ...thank, ...inviteCommunity],
  draftCheck: {
    upsetBelow: -0.3,
    curtUnderWords: 12,
    enabled: ['ignores-feeling', 'blames-customer', 'curt', 'defensive', 'no-concrete-promise', 'verbatim-template'],
  },
};
