import type { ConsoleAttention } from '../../../../shared/contract/live';

/** No input (keys, pointer, wheel, touch) for this long: the person is away. */
export const AWAY_AFTER_MS = 5 * 60_000;

/**
 * Whether the person is at this console: active while the page is shown and there was input in the
 * last AWAY_AFTER_MS, idle otherwise. Tells `changed` only when that flips (input is checked at most
 * once a second), and again on `resend` (a new connection is a new console to the host).
 */
export function watchAttention(changed: (attention: ConsoleAttention) => void, doc: Document = document, win: Window = window): { resend(): void; stop(): void } {
  let attention: ConsoleAttention = doc.visibilityState === 'hidden' ? 'idle' : 'active';
  let lastInput = Date.now();
  let lastLook = 0;
  const set = (next: ConsoleAttention) => {
    if (next === attention) return;
    attention = next;
    changed(attention);
  };
  const onInput = () => {
    const now = Date.now();
    lastInput = now;
    if (now - lastLook < 1_000 && attention === 'active') return;
    lastLook = now;
    if (doc.visibilityState !== 'hidden') set('active');
  };
  const onVisibility = () => (doc.visibilityState === 'hidden' ? set('idle') : set('active'));
  const timer = win.setInterval(() => {
    if (Date.now() - lastInput >= AWAY_AFTER_MS) set('idle');
  }, 15_000);
  const inputs = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
  for (const name of inputs) win.addEventListener(name, onInput, { passive: true, capture: true });
  doc.addEventListener('visibilitychange', onVisibility);
  if (attention === 'idle') changed('idle');
  return {
    resend: () => changed(attention),
    stop() {
      win.clearInterval(timer);
      for (const name of inputs) win.removeEventListener(name, onInput, { capture: true });
      doc.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
