import type { ReactNode } from 'react';

export const VIEW_TITLE_ID = 'view-title';

/** The view's h1; the shell moves focus here after a navigation so screen readers announce it. */
export function ViewHeader({ title, summary, actions }: { title: string; summary?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="view-header">
      <div className="view-header__text">
        <h1 id={VIEW_TITLE_ID} className="view-header__title" tabIndex={-1}>
          {title}
        </h1>
        {summary ? <div className="view-header__summary">{summary}</div> : null}
      </div>
      {actions ? <div className="view-header__actions">{actions}</div> : null}
    </header>
  );
}
