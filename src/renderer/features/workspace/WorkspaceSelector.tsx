import { useEffect, useId } from 'react';
import { ChevronDownIcon, UsersIcon, WarningIcon } from '../../ui/icons';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { usePopover } from '../../ui/use-popover';
import { ProfileKindBadge } from '../profiles/ProfileKindBadge';
import { defaultActiveNames } from './active-profiles';
import { useWorkspace } from './workspace-context';
import './workspace.css';

/** The header's profile picker: which profiles the other views report on. */
export function WorkspaceSelector() {
  const { listing, activeNames, activeKnown, activeError, setActiveNames, toggleActive } = useWorkspace();
  const popover = usePopover();
  const panelId = useId();
  const profiles = listing.data?.profiles ?? [];
  const active = new Set(activeNames);

  useEffect(() => {
    if (popover.open) popover.panelRef.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [popover.open, popover.panelRef]);

  return (
    <div className="workspace-selector">
      <button
        ref={popover.buttonRef}
        type="button"
        className="header-button"
        aria-expanded={popover.open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        onClick={popover.toggle}
        data-testid="workspace-selector"
      >
        <UsersIcon />
        <span className="header-button__label">Active profiles</span>
        <span className="header-button__value">{selectorValue(listing.status, activeKnown, activeNames.length, profiles.length)}</span>
        <ChevronDownIcon />
      </button>
      {popover.open ? (
        <div ref={popover.panelRef} id={panelId} role="dialog" aria-label="Active profiles" className="popover popover--right workspace-panel">
          <div className="popover__header">
            <p className="popover__title">Active profiles</p>
            <p className="popover__subtitle">Activity, Events, Findings and Reports cover these profiles.</p>
          </div>
          {activeError ? <ErrorNotice compact title="Could not change the active profiles" error={activeError} /> : null}
          {listing.status === 'error' && !listing.data ? (
            <ErrorNotice compact title="Could not read the AWS profiles" error={listing.error} onRetry={listing.reload} />
          ) : listing.status === 'loading' && !listing.data ? (
            <LoadingState label="Reading AWS profiles…" />
          ) : profiles.length === 0 ? (
            <p className="popover__empty">No AWS profiles found. The Profiles view says where Auditdesk looked.</p>
          ) : (
            <>
              <div className="workspace-panel__bulk" role="group" aria-label="Select">
                <button type="button" className="button button--small" onClick={() => setActiveNames(profiles.map((p) => p.name))}>
                  All
                </button>
                <button type="button" className="button button--small" onClick={() => setActiveNames(defaultActiveNames(profiles))}>
                  Usable only
                </button>
                <button type="button" className="button button--small" onClick={() => setActiveNames([])}>
                  None
                </button>
              </div>
              <ul className="workspace-panel__list" aria-label="Profiles">
                {profiles.map((p) => (
                  <li key={p.name}>
                    <label className="workspace-panel__row">
                      <input type="checkbox" checked={active.has(p.name)} onChange={() => toggleActive(p.name)} />
                      <span className="workspace-panel__name">{p.name}</span>
                      {p.problem ? <WarningIcon className="text-warn" title={p.problem} /> : null}
                      <span className="workspace-panel__kind">
                        <ProfileKindBadge kind={p.kind} />
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}

function selectorValue(status: string, known: boolean, active: number, total: number): string {
  if (status === 'error' && total === 0) return 'unavailable';
  if ((status === 'loading' && total === 0) || !known) return 'loading…';
  return `${active} of ${total}`;
}
