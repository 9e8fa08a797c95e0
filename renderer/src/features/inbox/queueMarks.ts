/** What the marks on a queue row mean, said the same way in their tooltips and in the legend. */
export const MARKS = {
  unread: 'Unread: the customer wrote since you last opened it',
  draft: 'Draft: you have an unsent reply or note here',
  mood: 'Mood: how the customer’s last message read (colour: its emotion)',
  connection: 'Connection: how close the customer is to us, from stranger to kin',
  waiting: 'Waiting: how long the customer has waited for our answer',
  followUp: 'Follow-up overdue: a promise to this customer is past due',
  target: 'Response target: time left to the channel’s first- or next-response target (orange: nearly due; red: breached)',
  tags: 'Tags: the conversation’s tags, the first two shown, then how many more',
  snoozed: 'Snoozed: out of open work until then, when it comes back on its own',
} as const;
