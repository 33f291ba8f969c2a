/** Base64 from the core to a download: a Blob behind an object URL, released once clicked. */
export function downloadReport(contentBase64: string, fileName: string, format: 'csv' | 'pdf'): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const blob = new Blob([bytes], { type: format === 'pdf' ? 'application/pdf' : 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; revoking later frees the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const LAST_QUERY = 'auditdesk.reports.events-query';
/** The events query of the last report, offered again next time. */
export function loadLastQuery(storage: Storage): string {
  try {
    return storage.getItem(LAST_QUERY) ?? '';
  } catch {
    return '';
  }
}
export function saveLastQuery(storage: Storage, query: string): void {
  try {
    storage.setItem(LAST_QUERY, query);
  } catch {
    // Storage may be full or off; the field just starts empty next time.
  }
}
