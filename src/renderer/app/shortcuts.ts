import { routes, type RouteId } from './routes';

export type ShortcutAction = { type: 'navigate'; route: RouteId } | { type: 'focus-search' } | { type: 'await-letter' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Ctrl/Cmd+1..5 switch views (the desktop app's shortcut). Browsers keep Ctrl+digit for their
 * own tabs, so `g` then a view's letter works everywhere too, and `/` jumps to the view's search
 * box. Single keys are ignored while the user is typing in a field.
 */
export function shortcutFor(event: KeyLike, context: { typing: boolean; awaitingLetter: boolean; mac: boolean }): ShortcutAction | undefined {
  const modifier = context.mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (modifier && !event.altKey && !event.shiftKey) {
    const byDigit = routes.find((r) => r.digit === event.key);
    return byDigit ? { type: 'navigate', route: byDigit.id } : undefined;
  }
  if (context.typing || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (context.awaitingLetter) {
    const byLetter = routes.find((r) => r.letter === event.key);
    return byLetter ? { type: 'navigate', route: byLetter.id } : undefined;
  }
  if (event.key === '/') return { type: 'focus-search' };
  if (event.key === 'g') return { type: 'await-letter' };
  return undefined;
}

export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

export function modifierLabel(mac: boolean): string {
  return mac ? '⌘' : 'Ctrl';
}
