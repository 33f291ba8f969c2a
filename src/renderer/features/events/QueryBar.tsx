import { useId, useLayoutEffect, useRef, type RefObject } from 'react';
import { SearchIcon } from '../../ui/icons';
import { Kbd } from '../../ui/Kbd';
import { SEARCH_BOX_ATTRIBUTE } from '../../ui/SearchBox';
import { usePopover } from '../../ui/use-popover';
import { markedParts, type QueryProblem } from './query-error';
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
  /** Id of the problem's message, which a wrong chip outside the bar is described by too. */
  errorId: string;
}

/** The query language's input, its syntax help and, when the core refuses a query, where it went wrong. */
export function QueryBar({ value, onChange, onSubmit, problem, submitted, inputRef, errorId }: Props) {
  const help = usePopover();
  const helpId = useId();
  const marksRef = useRef<HTMLDivElement>(null);
  const position = problem?.position;
  const length = problem?.length ?? 1;
  // The mark belongs to the submitted text: once the box holds something else it would point at the wrong characters.
  const inputMark = position !== undefined && value === submitted ? markedParts(submitted, position, length) : undefined;

  /** The mark layer scrolls with the input's text, which scrolls sideways when the query is longer than the box. */
  function followScroll() {
    if (marksRef.current && inputRef.current) marksRef.current.scrollLeft = inputRef.current.scrollLeft;
  }
  useLayoutEffect(() => followScroll());

  function goTo(from: number, count: number) {
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    input.setSelectionRange(from, Math.min(from + count, input.value.length));
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
            onScroll={followScroll}
            onSelect={followScroll}
            onKeyUp={followScroll}
            data-testid="query-input"
            {...{ [SEARCH_BOX_ATTRIBUTE]: '' }}
          />
          {inputMark ? (
            <div ref={marksRef} className="query-bar__marks" aria-hidden="true" data-testid="query-input-mark">
              <span className="query-bar__marks-text">
                {inputMark.before}
                <mark className="query-bar__mark">{inputMark.marked}</mark>
                {inputMark.after}
              </span>
            </div>
          ) : null}
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
          {position !== undefined ? (
            <QueryErrorWhere query={submitted} position={position} length={length} onGo={() => goTo(position, length)} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The submitted query with the wrong part marked; a click selects that part in the input. */
function QueryErrorWhere({ query, position, length, onGo }: { query: string; position: number; length: number; onGo: () => void }) {
  const { before, marked, after } = markedParts(query, position, length);
  // A long query is cut at the end of the line; the text just before the mark is what locates it.
  const lead = before.length > 60 ? `…${before.slice(-48)}` : before;
  return (
    <button type="button" className="query-error__where" onClick={onGo} title="Select it in the query" data-position={position} data-length={length}>
      <code>
        {lead}
        <mark className="query-error__mark">{marked}</mark>
        {after}
      </code>
      <span className="query-error__column">column {position + 1}</span>
    </button>
  );
}
