import { useId, type RefObject } from 'react';
import { SearchIcon } from '../../ui/icons';
import { Kbd } from '../../ui/Kbd';
import { SEARCH_BOX_ATTRIBUTE } from '../../ui/SearchBox';
import { usePopover } from '../../ui/use-popover';
import type { QueryProblem } from './query-error';
import { SyntaxHelp } from './SyntaxHelp';

interface Props {
  value: string;
  onChange(value: string): void;
  /** Runs the search; the query only applies on Enter or the button, not at every keystroke. */
  onSubmit(value: string): void;
  problem: QueryProblem | undefined;
  /** The query the problem is about (the one last submitted). */
  submitted: string;
  /** The view focuses the input (after a pivot, for `/`), so it owns the ref. */
  inputRef: RefObject<HTMLInputElement | null>;
}

/** The query language's input, its syntax help and, when the core refuses a query, where it went wrong. */
export function QueryBar({ value, onChange, onSubmit, problem, submitted, inputRef }: Props) {
  const help = usePopover();
  const errorId = useId();
  const helpId = useId();

  function goTo(position: number) {
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    input.setSelectionRange(position, position + 1);
  }

  return (
    <div className="query-bar">
      <form
        className="query-bar__form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(value);
        }}
      >
        <div className="query-bar__field">
          <SearchIcon className="query-bar__icon" />
          <input
            ref={inputRef}
            type="search"
            className="query-bar__input"
            placeholder="Search events: eventname:ConsoleLogin principal:*alice* -error:* since:7d"
            aria-label="Search events (query language)"
            aria-keyshortcuts="/"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
            spellCheck={false}
            autoComplete="off"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            data-testid="query-input"
            {...{ [SEARCH_BOX_ATTRIBUTE]: '' }}
          />
          {value ? null : (
            <span className="query-bar__hint" aria-hidden="true">
              <Kbd>/</Kbd>
            </span>
          )}
        </div>
        <button type="submit" className="button button--primary">
          Search
        </button>
        <div className="query-bar__help">
          <button ref={help.buttonRef} type="button" className="button button--secondary" aria-expanded={help.open} aria-controls={helpId} onClick={help.toggle}>
            Syntax
          </button>
          {help.open ? (
            <SyntaxHelp
              id={helpId}
              panelRef={help.panelRef}
              onUse={(query) => {
                onChange(query);
                onSubmit(query);
                help.close(false);
                inputRef.current?.focus();
              }}
            />
          ) : null}
        </div>
      </form>
      {problem ? (
        <div id={errorId} className="query-error" role="alert" data-testid="query-error">
          <p className="query-error__message">
            <strong>Cannot read this query:</strong> {problem.message}
          </p>
          {problem.position !== undefined ? (
            <button type="button" className="query-error__where" onClick={() => goTo(problem.position!)} title="Put the cursor there" data-position={problem.position}>
              <code>
                {submitted.slice(0, problem.position)}
                <mark className="query-error__mark">{submitted[problem.position] ?? '\u00a0'}</mark>
                {submitted.slice(problem.position + 1)}
              </code>
              <span className="query-error__column">column {problem.position + 1}</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
