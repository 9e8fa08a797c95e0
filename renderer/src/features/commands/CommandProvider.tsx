import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { COMMAND_IDS, DEFAULT_KEYMAP, type CommandId, type Keymap } from '../../../../shared/contract/keymap';
import { useClient } from '../../api/ClientContext';
import { useCommandScope } from './CommandScope';
import { isTypingTarget, keyOfEvent } from './keyOfEvent';

export const keymapKey = ['keymap.get'] as const;

type Handler = () => void;

/**
 * An action offered in the palette beyond the named commands (pages, roles, macros, a call, a
 * follow-up, a filter of the queue, a coach suggestion). The feature that owns the action offers
 * it with usePaletteActions while it can be carried out; the palette only lists what is offered.
 */
export interface PaletteAction {
  id: string;
  label: string;
  /** The heading it is listed under ("Call", "Follow-ups", "Queue", "Coach"…); ungrouped ones come first. */
  group?: string;
  description?: string;
  /** A key shown beside it and bound while it is registered (macros' own keys). */
  key?: string | null;
  run: () => void;
}

interface CommandContextValue {
  keymap: Keymap;
  /** Actions components offer right now, for the palette. */
  actions: PaletteAction[];
  registerActions(actions: PaletteAction[]): () => void;
  /** Commands someone on screen can carry out right now. */
  available: CommandId[];
  run(id: CommandId): boolean;
  register(id: CommandId, handler: Handler): () => void;
}

/**
 * Three contexts, so that registering a command re-renders only what lists them: the ways to
 * register and run (never change: every component with a command or an action reads these), the
 * keymap (changes when it is edited), and what is on offer now (changes whenever a component with a
 * command mounts or unmounts: only the palette reads it). One context for all made opening a
 * conversation — a dozen commands registered — draw every component with a command again.
 */
type CommandRegistry = Pick<CommandContextValue, 'register' | 'registerActions' | 'run'>;
const RegistryContext = createContext<CommandRegistry | null>(null);
const KeymapContext = createContext<Keymap | null>(null);
const OfferedContext = createContext<Pick<CommandContextValue, 'available' | 'actions'> | null>(null);

/**
 * The command service: every action is a named command; components on screen register what they
 * can do, the keymap (editable in Settings) maps keys to commands, and the palette lists them.
 */
export function CommandProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const keymapQuery = useQuery({ queryKey: keymapKey, queryFn: () => client.call('keymap.get', {}) });
  const keymap = keymapQuery.data ?? DEFAULT_KEYMAP;
  // The registrations live in refs (a key press must find the newest handler at once); what the
  // palette lists is a snapshot of them, taken whenever one is added or removed.
  const handlers = useRef(new Map<CommandId, Handler[]>());
  const actionSets = useRef(new Set<PaletteAction[]>());
  const [available, setAvailable] = useState<CommandId[]>([]);
  const [actions, setActions] = useState<PaletteAction[]>([]);
  const snapshot = useCallback(() => {
    setAvailable(COMMAND_IDS.filter((id) => (handlers.current.get(id)?.length ?? 0) > 0));
    setActions([...actionSets.current].flat());
  }, []);

  const registerActions = useCallback(
    (set: PaletteAction[]) => {
      actionSets.current.add(set);
      snapshot();
      return () => {
        actionSets.current.delete(set);
        snapshot();
      };
    },
    [snapshot],
  );

  const register = useCallback(
    (id: CommandId, handler: Handler) => {
      const stack = handlers.current.get(id) ?? [];
      handlers.current.set(id, [...stack, handler]);
      snapshot();
      return () => {
        handlers.current.set(id, (handlers.current.get(id) ?? []).filter((h) => h !== handler));
        snapshot();
      };
    },
    [snapshot],
  );

  const run = useCallback((id: CommandId) => {
    const stack = handlers.current.get(id);
    const handler = stack?.[stack.length - 1];
    if (!handler) return false;
    handler();
    return true;
  }, []);

  useEffect(() => {
    const byKey = new Map(COMMAND_IDS.map((id) => [keymap[id], id] as const));
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const key = keyOfEvent(event);
      if (!key) return;
      const bound = [...actionSets.current].flat().find((action) => action.key && action.key === key);
      if (bound) {
        event.preventDefault();
        bound.run();
        return;
      }
      const id = byKey.get(key);
      if (!id) return;
      const plain = !key.includes('Mod+') && !key.includes('Alt+');
      if (plain && isTypingTarget(event.target)) return;
      // a dialog (menu, palette) keeps the keyboard to itself, except for the palette's own key
      if (plain && document.querySelector('[role="dialog"][aria-modal="true"], [role="menu"]')) return;
      if (run(id)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [keymap, run]);

  const registry = useMemo(() => ({ run, register, registerActions }), [run, register, registerActions]);
  const offered = useMemo(() => ({ available, actions }), [available, actions]);
  return (
    <RegistryContext.Provider value={registry}>
      <KeymapContext.Provider value={keymap}>
        <OfferedContext.Provider value={offered}>{children}</OfferedContext.Provider>
      </KeymapContext.Provider>
    </RegistryContext.Provider>
  );
}

function useRegistry(): CommandRegistry {
  const value = useContext(RegistryContext);
  if (!value) throw new Error('commands need a CommandProvider');
  return value;
}

/** The keys of the commands (for showing them beside a button); re-renders only when the keymap changes. */
export function useKeymap(): Keymap {
  const value = useContext(KeymapContext);
  if (!value) throw new Error('useKeymap needs a CommandProvider');
  return value;
}

/** Everything, including what is on offer now: for the palette (it re-renders whenever a command comes or goes). */
export function useCommands(): CommandContextValue {
  const offered = useContext(OfferedContext);
  if (!offered) throw new Error('useCommands needs a CommandProvider');
  return { ...useRegistry(), keymap: useKeymap(), ...offered };
}

/**
 * Offers these actions in the palette (and binds their keys) while the component is mounted and
 * `enabled`, and only inside the focused pane (CommandScope). Keep `actions` stable (useMemo): a new
 * array offers them anew.
 */
export function usePaletteActions(actions: PaletteAction[], enabled = true): void {
  const { registerActions } = useRegistry();
  const inScope = useCommandScope();
  const on = enabled && inScope;
  useEffect(() => (on ? registerActions(actions) : undefined), [actions, on, registerActions]);
}

/** Makes this component the one that carries out `id` while it is mounted (and `enabled`). */
export function useCommand(id: CommandId, handler: Handler, enabled = true): void {
  const { register } = useRegistry();
  const inScope = useCommandScope();
  const on = enabled && inScope;
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => (on ? register(id, () => latest.current()) : undefined), [id, on, register]);
}
