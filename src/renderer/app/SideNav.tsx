import type { ReactNode } from 'react';
import { ActivityIcon, FindingIcon, ListIcon, ReportIcon, UsersIcon } from '../ui/icons';
import { Kbd } from '../ui/Kbd';
import { hashFor, routes, type RouteId } from './routes';
import { modifierLabel } from './shortcuts';

const icons: Record<RouteId, ReactNode> = {
  profiles: <UsersIcon />,
  activity: <ActivityIcon />,
  events: <ListIcon />,
  findings: <FindingIcon />,
  reports: <ReportIcon />,
};

/** What each view answers, under its name in the navigation. */
const hints: Record<RouteId, string> = {
  profiles: 'Accounts & roles',
  activity: 'Who did what, over time',
  events: 'CloudTrail search',
  findings: 'Who could do what',
  reports: 'Evidence exports',
};

export function SideNav({ current, mac }: { current: RouteId; mac: boolean }) {
  const mod = modifierLabel(mac);
  return (
    <nav className="side-nav" aria-label="Views">
      <ul className="side-nav__list">
        {routes.map((r) => (
          <li key={r.id}>
            <a
              className="side-nav__link"
              href={hashFor(r.id)}
              aria-current={r.id === current ? 'page' : undefined}
              aria-keyshortcuts={`${mac ? 'Meta' : 'Control'}+${r.digit}`}
              title={`${r.label} (${mod}+${r.digit}, or g then ${r.letter})`}
            >
              <span className="side-nav__icon">{icons[r.id]}</span>
              <span className="side-nav__text">
                <span className="side-nav__label">{r.label}</span>
                <span className="side-nav__hint">{hints[r.id]}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
      <section className="side-nav__shortcuts" aria-label="Keyboard shortcuts">
        <p className="side-nav__shortcuts-title">Keyboard</p>
        <dl>
          <div>
            <dt>
              <Kbd>{mod}</Kbd> <Kbd>1</Kbd>–<Kbd>5</Kbd>
            </dt>
            <dd>Switch view</dd>
          </div>
          <div>
            <dt>
              <Kbd>g</Kbd> then <Kbd>p</Kbd> <Kbd>a</Kbd> <Kbd>e</Kbd> <Kbd>f</Kbd> <Kbd>r</Kbd>
            </dt>
            <dd>Go to view</dd>
          </div>
          <div>
            <dt>
              <Kbd>/</Kbd>
            </dt>
            <dd>Search this view</dd>
          </div>
        </dl>
      </section>
    </nav>
  );
}
