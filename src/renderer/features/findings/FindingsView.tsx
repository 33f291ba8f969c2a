import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FindingFilters, FindingRef, FindingRow, TriageAction } from '../../../shared/ipc/channels/findings';
import { useInvoke } from '../../api/use-invoke';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FindingIcon } from '../../ui/icons';
import { LoadingState } from '../../ui/LoadingState';
import { SearchBox } from '../../ui/SearchBox';
import { ViewFrame } from '../../ui/ViewFrame';
import { ViewHeader } from '../../ui/ViewHeader';
import { ActiveScope } from '../workspace/ActiveScope';
import { isWorkspaceSettled, useWorkspace } from '../workspace/workspace-context';
import { CoveragePanel } from './CoveragePanel';
import { findingKey } from './evidence-link';
import { FacetSidebar } from './FacetSidebar';
import { DEFAULT_FILTERS, hasFilters, setTextFilter } from './finding-filters';
import { formatAgo, plural } from './finding-format';
import { FindingDetailPane } from './FindingDetailPane';
import { FindingsTable } from './FindingsTable';
import { SelectionBar } from './SelectionBar';
import { SyncControls } from './SyncControls';
import { loadExtraRegions, saveExtraRegions } from './sync-regions';
import { TriageDialog } from './TriageDialog';
import { useFindingsList, type FindingsSort } from './use-findings-list';
import { useFindingsSync } from './use-findings-sync';
import './findings.css';

const TEXT_DEBOUNCE_MS = 250;
/** While a sync runs, the rows refresh at most this often as account-regions complete. */
const REFRESH_WHILE_SYNCING_MS = 1500;

/**
 * The findings inbox: every Access Analyzer finding of the active profiles, most severe first,
 * with facets, a detail pane, triage with a recorded justification, and the coverage gaps.
 */
export function FindingsView() {
  const workspace = useWorkspace();
  const [filters, setFilters] = useState<FindingFilters>(DEFAULT_FILTERS);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<FindingsSort>({ by: 'severity', dir: 'asc' });
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<FindingRef>();
  const [triage, setTriage] = useState<{ rows: FindingRow[]; action: TriageAction }>();
  const [extraRegions, setExtraRegions] = useState<string[]>(() => loadExtraRegions(window.localStorage));
  const [now, setNow] = useState(() => Date.now());
  const layoutRef = useRef<HTMLDivElement>(null);

  const list = useFindingsList(filters, sort, generation);
  const coverage = useInvoke('findings:coverage', {});
  const { reload: reloadCoverage } = coverage;

  const refresh = useCallback(() => {
    setGeneration((g) => g + 1);
    setNow(Date.now());
  }, []);
  const lastAdvance = useRef(0);
  const sync = useFindingsSync({
    onAdvance: () => {
      if (Date.now() - lastAdvance.current < REFRESH_WHILE_SYNCING_MS) return;
      lastAdvance.current = Date.now();
      refresh();
    },
    onFinished: () => {
      refresh();
      reloadCoverage();
    },
  });

  // The demo keeps its own index: switching workspace shows the other one's findings.
  const firstKind = useRef(workspace.kind);
  useEffect(() => {
    if (workspace.kind === firstKind.current) return;
    firstKind.current = workspace.kind;
    setOpen(undefined);
    setSelected(new Set());
    refresh();
    reloadCoverage();
  }, [workspace.kind, refresh, reloadCoverage]);

  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.text ?? '') === text.trim() ? f : setTextFilter(f, text.trim())), TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const data = list.data;
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const byKey = useMemo(() => new Map(rows.map((r) => [findingKey(r), r])), [rows]);
  const selectedRows = useMemo(() => [...selected].flatMap((k) => byKey.get(k) ?? []), [selected, byKey]);

  const onSelect = useCallback((keys: string[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const k of keys) {
        if (on) next.add(k);
        else next.delete(k);
      }
      return next;
    });
  }, []);
  const changeFilters = useCallback((next: FindingFilters) => {
    setFilters(next);
    setText(next.text ?? '');
    setSelected(new Set());
  }, []);
  const changeRegions = useCallback((regions: string[]) => {
    setExtraRegions(regions);
    saveExtraRegions(window.localStorage, regions);
  }, []);
  const startSync = useCallback(() => void sync.start({ profiles: workspace.activeNames, regions: extraRegions }), [sync, workspace.activeNames, extraRegions]);

  // After the dialog: its own close() puts focus back on the button that opened it, which an
  // archive is about to remove; so, once it has closed (this effect runs after its cleanup),
  // focus goes to the pane's title or the grid.
  const refocusAfterDialog = useRef(false);
  useEffect(() => {
    if (triage || !refocusAfterDialog.current) return;
    refocusAfterDialog.current = false;
    focusIn(layoutRef.current, open ? '.finding-pane__title' : '[role="grid"]');
  }, [triage, open]);

  // Escape closes the detail pane, then clears the selection; wherever focus is (after a
  // triage the button that had it may be gone), but never while a dialog or popover has it.
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || triage) return;
      if (document.activeElement?.closest('.popover, dialog')) return;
      if (open) {
        setOpen(undefined);
        focusIn(layoutRef.current, '[role="grid"]');
        event.preventDefault();
      } else if (selected.size > 0) {
        setSelected(new Set());
        event.preventDefault();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, selected, triage]);

  const settled = isWorkspaceSettled(workspace);
  const ready = settled && (data !== undefined || list.status === 'error');
  const indexed = data?.indexed ?? 0;
  const noProfiles = workspace.activeNames.length === 0;
  const summary = data
    ? indexed > 0
      ? `${plural(data.total, 'finding')}${hasFilters(filters) ? ` of ${indexed.toLocaleString()}` : ''} · synced ${formatAgo(data.lastSyncedAt, now)}`
      : 'Who could do what: IAM Access Analyzer findings across the active profiles.'
    : 'Who could do what: IAM Access Analyzer findings across the active profiles.';

  return (
    <ViewFrame view="findings" ready={ready}>
      <div className="findings-view">
        <ViewHeader
          title="Findings"
          summary={<span data-testid="findings-summary">{summary}</span>}
          actions={
            <>
              {indexed > 0 ? <SearchBox label="Search findings" value={text} onChange={setText} /> : null}
              <SyncControls running={sync.running} job={sync.job} extraRegions={extraRegions} onRegions={changeRegions} onSync={startSync} onCancel={sync.cancel} disabledReason={noProfiles ? 'No profile is active: choose profiles under “Active profiles” in the header.' : undefined} />
            </>
          }
        />
        {sync.error ? <ErrorNotice compact title="The findings sync did not start" error={sync.error} /> : null}
        {sync.job?.state === 'failed' ? <ErrorNotice compact title="The last findings sync failed" error={{ code: 'job-failed', message: sync.job.message ?? sync.job.step }} /> : null}
        {coverage.data ? <CoveragePanel entries={coverage.data.entries} /> : null}
        {list.status === 'error' && list.error ? <ErrorNotice title="Could not read the findings index" error={list.error} onRetry={refresh} /> : null}
        {!data && list.status === 'loading' ? <LoadingState label="Reading the findings index…" /> : null}
        {data && indexed === 0 ? (
          <div className="empty-state" data-testid="findings-empty">
            <FindingIcon className="empty-state__icon" />
            <p className="empty-state__title">No findings in the index yet</p>
            <p className="empty-state__text">
              “Sync findings” reads every IAM Access Analyzer analyzer (external, internal and unused access) of the active profiles, in us-east-1, each profile’s region and the regions you add, and lists the regions that have no analyzer.
            </p>
            <ActiveScope />
          </div>
        ) : null}
        {data && indexed > 0 ? (
          <div className={`findings-layout${open ? ' findings-layout--pane' : ''}`} ref={layoutRef}>
            <FacetSidebar facets={data.facets} filters={filters} onChange={changeFilters} />
            <div className="findings-main">
              <SelectionBar selected={selectedRows} filters={filters} onFilters={changeFilters} onTriage={(r, action) => setTriage({ rows: r, action })} onClearSelection={() => setSelected(new Set())} />
              <FindingsTable
                rows={rows}
                total={data.total}
                sort={sort}
                onSort={setSort}
                selected={selected}
                onSelect={onSelect}
                openKey={open ? findingKey(open) : undefined}
                onOpen={(row) => setOpen({ id: row.id, analyzerArn: row.analyzerArn })}
                onNeedMore={list.loadMore}
                now={now}
                shownFor={list.shownFor}
                emptyMessage={
                  <>
                    No finding matches these filters.{' '}
                    <button type="button" className="link-button" onClick={() => changeFilters({})}>
                      Clear the filters
                    </button>
                  </>
                }
              />
              <p className="table-footnote findings-footnote" role="status">
                {rows.length < data.total ? `Showing ${rows.length.toLocaleString()} of ${data.total.toLocaleString()}; more load as you scroll.` : `${plural(data.total, 'finding')}.`} Keys: ↑↓ move · Space select · Enter open · Esc close.
              </p>
            </div>
            {open ? <FindingDetailPane finding={open} generation={generation} now={now} onClose={() => setOpen(undefined)} onTriage={(r, action) => setTriage({ rows: r, action })} /> : null}
          </div>
        ) : null}
        {triage ? (
          <TriageDialog
            rows={triage.rows}
            action={triage.action}
            onClose={() => {
              refocusAfterDialog.current = true;
              setTriage(undefined);
            }}
            onDone={(results) => {
              const done = new Set(results.filter((r) => r.ok).map(findingKey));
              setSelected((current) => new Set([...current].filter((k) => !done.has(k))));
              refresh();
            }}
          />
        ) : null}
      </div>
    </ViewFrame>
  );
}

function focusIn(root: HTMLElement | null, selector: string) {
  root?.querySelector<HTMLElement>(selector)?.focus();
}
