import { Fragment } from 'react';
import { SEARCH_MARK_END, SEARCH_MARK_START } from '../../../shared/contract/domain';

/** Shows a search snippet with its matches highlighted — as text, never as HTML. */
export function MarkedText({ text }: { text: string }) {
  const parts = text.split(SEARCH_MARK_START);
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return <Fragment key={index}>{part}</Fragment>;
        const [marked = '', rest = ''] = part.split(SEARCH_MARK_END);
        return (
          <Fragment key={index}>
            <mark>{marked}</mark>
            {rest}
          </Fragment>
        );
      })}
    </>
  );
}
