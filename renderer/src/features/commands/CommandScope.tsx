import { createContext, useContext, type ReactNode } from 'react';

const CommandScopeContext = createContext(true);

/**
 * Whether the commands of what is inside act now: with two conversations side by side only the
 * focused one's reply box, coach, call and follow-ups answer the keyboard and fill the palette.
 * Features read it with useCommandScope instead of having a flag passed down through every layer.
 */
export function CommandScope({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const outer = useContext(CommandScopeContext);
  return <CommandScopeContext.Provider value={outer && enabled}>{children}</CommandScopeContext.Provider>;
}

export function useCommandScope(): boolean {
  return useContext(CommandScopeContext);
}
