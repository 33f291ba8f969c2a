import type { JobSummary } from '../../../shared/ipc/channels/jobs';
import { ChevronDownIcon, ReloadIcon } from '../../ui/icons';
import { usePopover } from '../../ui/use-popover';
import { COMMON_REGIONS } from './sync-regions';

interface Props {
  running: boolean;
  job: JobSummary | undefined;
  extraRegions: string[];
  onRegions(regions: string[]): void;
  onSync(): void;
  onCancel(): void;
  /** Why syncing is not possible now, if it is not. */
  disabledReason: string | undefined;
}

/**
 * "Sync findings" and the regions it covers beyond each profile's own. The jobs tray shows the
 * same job; the button shows enough to know it is running.
 */
export function SyncControls({ running, job, extraRegions, onRegions, onSync, onCancel, disabledReason }: Props) {
  const popover = usePopover<HTMLDivElement>();
  const chosen = new Set(extraRegions);
  const toggle = (region: string) => onRegions(chosen.has(region) ? extraRegions.filter((r) => r !== region) : [...extraRegions, region]);
  const progress = job && running && job.total ? ` ${job.current}/${job.total}` : '';

  return (
    <div className="findings-sync">
      <div className="findings-sync__regions">
        <button
          type="button"
          className="button button--secondary"
          ref={popover.buttonRef}
          aria-expanded={popover.open}
          aria-haspopup="dialog"
          onClick={popover.toggle}
          data-testid="findings-regions-button"
        >
          Regions{extraRegions.length > 0 ? `: +${extraRegions.length}` : ''} <ChevronDownIcon />
        </button>
        {popover.open ? (
          <div className="popover popover--right findings-regions" ref={popover.panelRef} role="dialog" aria-label="Regions to sync">
            <div className="popover__header">
              <p className="popover__title">Regions to sync</p>
              <p className="popover__subtitle">Every profile covers us-east-1, its own region and its auditdesk_regions. Access Analyzer is regional: add the regions your accounts use.</p>
            </div>
            <div className="findings-regions__list">
              {COMMON_REGIONS.map((region) => (
                <label key={region} className="findings-regions__option mono">
                  <input type="checkbox" checked={chosen.has(region)} onChange={() => toggle(region)} /> {region}
                </label>
              ))}
            </div>
            <div className="findings-regions__footer">
              <button type="button" className="button button--small" onClick={() => onRegions([...COMMON_REGIONS])}>
                All {COMMON_REGIONS.length}
              </button>
              <button type="button" className="button button--small" onClick={() => onRegions([])}>
                Profile regions only
              </button>
            </div>
          </div>
        ) : null}
      </div>
      {running ? (
        <button type="button" className="button button--secondary" onClick={onCancel} title={job?.step} data-testid="findings-sync-cancel">
          <span className="loading__spinner" aria-hidden="true" /> Syncing{progress}… Stop
        </button>
      ) : (
        <button type="button" className="button button--primary" onClick={onSync} disabled={disabledReason !== undefined} title={disabledReason} data-testid="findings-sync-button">
          <ReloadIcon /> Sync findings
        </button>
      )}
    </div>
  );
}
