import { SearchIcon } from './icons';
import { Kbd } from './Kbd';

/** Marks the one search box of the current view; the `/` shortcut focuses it. */
export const SEARCH_BOX_ATTRIBUTE = 'data-search-box';

/** The view's search field; `/` anywhere focuses it and Escape clears it. */
export function SearchBox({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="search-box">
      <SearchIcon className="search-box__icon" />
      <input
        type="search"
        className="search-box__input"
        placeholder={label}
        aria-label={label}
        aria-keyshortcuts="/"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            onChange('');
          }
        }}
        {...{ [SEARCH_BOX_ATTRIBUTE]: '' }}
      />
      {value ? null : (
        <span className="search-box__hint" aria-hidden="true">
          <Kbd>/</Kbd>
        </span>
      )}
    </div>
  );
}
