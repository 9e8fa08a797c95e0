import { List, Text } from '@mantine/core';

/** One line that opens to how the index is worked out, in plain words. */
export function ConnectionExplainer() {
  return (
    <details data-testid="connection-explainer">
      <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dark-4)' }}>How is this worked out?</summary>
      <Text size="xs" mt={4}>
        Every customer starts at 20. Knowing us adds up to 35: each contact adds some, the first ones most, and it fades slowly (a contact a year ago counts half). How
        they have felt adds or takes away up to 45: the average of how their conversations ended (and whether a bad start was turned around), the recent ones
        counting most, believed more the more conversations there are, so one happy chat is a first impression and a year of them a relationship. A complaint left
        unanswered (or any message nobody has answered for three working days in an open conversation), or a promise kept late or not at all, takes points away; a
        promise kept on time, the customer’s feeling improving over the year, and personal touches (using their name, remembering an earlier contact) add some, these
        counting half after 90 days. The total is kept between 0 and 100.
      </Text>
      <List size="xs" mt={4} spacing={2}>
        <List.Item>Stranger below 25, acquaintance from 25, friend from 50, kin from 75.</List.Item>
        <List.Item>
          At risk, whatever the score, when a complaint from the last 60 days is still unanswered after a working day (any other message after three), a promise is overdue, a promise due in the
          last 60 days was kept late, or the last 30 days took 10 points or more away.
        </List.Item>
      </List>
    </details>
  );
}
