import type { ReactNode } from 'react';

export type Tone = 'blue' | 'indigo' | 'violet' | 'amber' | 'teal' | 'cyan' | 'slate' | 'neutral' | 'green' | 'red' | 'accent';

/** A short label with a colour that carries meaning; the text alone must still say it all. */
export function Badge({ tone = 'neutral', title, children }: { tone?: Tone; title?: string; children: ReactNode }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
