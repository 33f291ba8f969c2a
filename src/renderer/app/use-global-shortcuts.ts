import { useEffect, useRef } from 'react';
import type { RouteId } from './routes';
import { SEARCH_BOX_ATTRIBUTE } from '../ui/SearchBox';
import { isMacPlatform, shortcutFor } from './shortcuts';

const LETTER_WINDOW_MS = 1500;

export function currentPlatform(): string {
  const data = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return data?.platform ?? navigator.platform ?? '';
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useGlobalShortcuts(navigate: (route: RouteId) => void) {
  const awaitingUntil = useRef(0);

  useEffect(() => {
    const mac = isMacPlatform(currentPlatform());
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const awaitingLetter = Date.now() < awaitingUntil.current;
      awaitingUntil.current = 0;
      const action = shortcutFor(event, { typing: isTyping(event.target), awaitingLetter, mac });
      if (!action) return;
      event.preventDefault();
      if (action.type === 'navigate') navigate(action.route);
      else if (action.type === 'await-letter') awaitingUntil.current = Date.now() + LETTER_WINDOW_MS;
      else document.querySelector<HTMLElement>(`[${SEARCH_BOX_ATTRIBUTE}]`)?.focus();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
