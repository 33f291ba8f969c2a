import type { ReactNode } from 'react';

/**
 * An honest "not built yet": what this view will show, which feature brings it, and what it will
 * cover. Other engineers replace the placeholder with the real view.
 */
export function FeaturePlaceholder({ icon, headline, arrivesWith, children, scope }: { icon: ReactNode; headline: string; arrivesWith: string; children: ReactNode; scope?: ReactNode }) {
  return (
    <div className="placeholder" role="note" aria-label="Not built yet">
      <div className="placeholder__icon">{icon}</div>
      <p className="placeholder__tag">Not built yet · arrives with {arrivesWith}</p>
      <h2 className="placeholder__headline">{headline}</h2>
      <div className="placeholder__body">{children}</div>
      {scope ? <div className="placeholder__scope">{scope}</div> : null}
    </div>
  );
}
