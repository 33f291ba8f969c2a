/** The app's views, in navigation order; the digit is the Ctrl/Cmd shortcut, the letter follows `g`. */
export const routes = [
  { id: 'profiles', label: 'Profiles', digit: '1', letter: 'p' },
  { id: 'activity', label: 'Activity', digit: '2', letter: 'a' },
  { id: 'events', label: 'Events', digit: '3', letter: 'e' },
  { id: 'findings', label: 'Findings', digit: '4', letter: 'f' },
  { id: 'reports', label: 'Reports', digit: '5', letter: 'r' },
] as const;

export type RouteId = (typeof routes)[number]['id'];
export const defaultRoute: RouteId = 'profiles';

export function hashFor(route: RouteId): string {
  return `#/${route}`;
}

/** `#/events` and `#/events/anything` both open Events, so later views can deep-link below it. */
export function routeFromHash(hash: string): RouteId | undefined {
  const match = /^#\/([a-z-]+)(?:[/?].*)?$/.exec(hash);
  return routes.find((r) => r.id === match?.[1])?.id;
}
