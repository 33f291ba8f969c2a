import type { RefObject } from 'react';
import { HELP_EXAMPLES, HELP_FIELDS, HELP_RULES } from './search-help';

/** The query language on one panel: the rules, every field with an example, whole questions to try. */
export function SyntaxHelp({ id, panelRef, onUse }: { id: string; panelRef: RefObject<HTMLDivElement | null>; onUse: (query: string) => void }) {
  return (
    <div ref={panelRef} id={id} className="popover syntax-help" role="dialog" aria-label="Search syntax" data-testid="syntax-help">
      <div className="popover__header">
        <p className="popover__title">Search syntax</p>
        <p className="popover__subtitle">Terms side by side must all match. Values are case-insensitive. Full reference: docs/search-syntax.md.</p>
      </div>
      <div className="syntax-help__body">
        <table className="syntax-help__table">
          <caption className="sr-only">Rules</caption>
          <tbody>
            {HELP_RULES.map((rule) => (
              <tr key={rule.syntax}>
                <th scope="row">
                  <code>{rule.syntax}</code>
                </th>
                <td>{rule.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="syntax-help__heading">Fields</h3>
        <table className="syntax-help__table">
          <caption className="sr-only">Fields</caption>
          <tbody>
            {HELP_FIELDS.map((field) => (
              <tr key={field.name}>
                <th scope="row">
                  <code>{field.name}</code>
                  {field.aliases ? <span className="syntax-help__aliases">{field.aliases}</span> : null}
                </th>
                <td>
                  {field.what}
                  <br />
                  <button type="button" className="syntax-help__example" onClick={() => onUse(field.example)}>
                    {field.example}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="syntax-help__heading">Try</h3>
        <ul className="syntax-help__examples">
          {HELP_EXAMPLES.map((example) => (
            <li key={example.query}>
              <button type="button" className="syntax-help__example" onClick={() => onUse(example.query)}>
                {example.query}
              </button>
              <span className="muted"> {example.question}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
