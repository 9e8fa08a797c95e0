// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useMemo, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useCommand, useCommands, useKeymap, usePaletteActions } from '../../../../renderer/src/features/commands/CommandProvider';
import { DEFAULT_KEYMAP } from '../../../../shared/contract/keymap';
import { fakeClient, withClient } from '../customer/fakeClient';

afterEach(cleanup);

/** How often each probe below was drawn. */
const drawn = { withCommand: 0, withAction: 0, withKeymap: 0 };

/** A pane with a command of its own, as the inbox and the conversation view have. */
function WithCommand() {
  drawn.withCommand++;
  useCommand('conversation.next', () => undefined);
  return null;
}

/** A part offering a palette action, as the composer's macros do. */
function WithAction() {
  drawn.withAction++;
  const actions = useMemo(() => [{ id: 'probe', label: 'Probe', run: () => undefined }], []);
  usePaletteActions(actions);
  return null;
}

/** A button showing its key, as Send does. */
function WithKeymap() {
  drawn.withKeymap++;
  useKeymap();
  return null;
}

/** The palette's view: what is offered now. */
function Offered() {
  const { available, actions } = useCommands();
  return <output aria-label="offered">{`${available.join(',')}|${actions.map((action) => action.id).join(',')}`}</output>;
}

/** What opening a conversation does: a part with commands and actions of its own comes and goes. */
function Opened({ register }: { register: boolean }) {
  useCommand('conversation.resolve', () => undefined, register);
  const actions = useMemo(() => [{ id: 'opened', label: 'Opened', run: () => undefined }], []);
  usePaletteActions(actions, register);
  return null;
}

describe('registering a command', () => {
  it('draws again only what lists the commands, not every part that has one', async () => {
    const { client } = fakeClient({ 'keymap.get': () => DEFAULT_KEYMAP });
    let open: (value: boolean) => void = () => undefined;
    function Page() {
      const [opened, setOpened] = useState(false);
      open = setOpened;
      return (
        <>
          <WithCommand />
          <WithAction />
          <WithKeymap />
          <Offered />
          {opened && <Opened register />}
        </>
      );
    }
    render(withClient(client, <Page />));
    await screen.findByText((text) => text.includes('conversation.next') && text.includes('probe'));
    drawn.withCommand = drawn.withAction = drawn.withKeymap = 0;

    await act(async () => open(true));
    // the palette hears of it…
    expect(screen.getByLabelText('offered').textContent).toContain('conversation.resolve');
    expect(screen.getByLabelText('offered').textContent).toContain('opened');
    // …and nothing else is drawn again (the page drawing its children once is all: they are not memoised here)
    expect(drawn).toEqual({ withCommand: 1, withAction: 1, withKeymap: 1 });

    drawn.withCommand = drawn.withAction = drawn.withKeymap = 0;
    await act(async () => open(false));
    expect(screen.getByLabelText('offered').textContent).not.toContain('conversation.resolve');
    expect(drawn).toEqual({ withCommand: 1, withAction: 1, withKeymap: 1 });
  });
});
