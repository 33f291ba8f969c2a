import { useId } from 'react';
import './segmented-control.css';

/**
 * One choice out of a few, shown as joined buttons. Real radio inputs underneath, so arrow keys,
 * the form semantics and screen readers work without any code of ours.
 */
export function SegmentedControl<T extends string>({ label, options, value, onChange, testId }: { label: string; options: readonly { id: T; label: string; title?: string }[]; value: T; onChange: (value: T) => void; testId?: string }) {
  const name = useId();
  return (
    <fieldset className="segmented" data-testid={testId}>
      <legend className="sr-only">{label}</legend>
      {options.map((option) => (
        <label key={option.id} className="segmented__option" title={option.title}>
          <input type="radio" className="segmented__input" name={name} value={option.id} checked={option.id === value} onChange={() => onChange(option.id)} />
          <span className="segmented__text">{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
