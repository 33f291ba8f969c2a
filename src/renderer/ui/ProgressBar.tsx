/**
 * Determinate when the total is known; otherwise an indeterminate bar without aria-valuenow, which
 * is how assistive technology tells "working, size unknown" from "0 %".
 */
export function ProgressBar({ label, value, max, text, tone = 'accent' }: { label: string; value?: number; max?: number; text?: string; tone?: 'accent' | 'warn' | 'danger' | 'ok' | 'muted' }) {
  const known = value !== undefined && max !== undefined && max > 0;
  const percent = known ? Math.max(0, Math.min(100, (value / max) * 100)) : undefined;
  return (
    <div
      className={`progress progress--${tone}${known ? '' : ' progress--indeterminate'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={known ? 0 : undefined}
      aria-valuemax={known ? max : undefined}
      aria-valuenow={known ? value : undefined}
      aria-valuetext={text}
    >
      <div className="progress__fill" style={percent !== undefined ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
