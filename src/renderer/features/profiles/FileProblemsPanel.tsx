import type { ProfilesListing } from '../workspace/workspace-context';
import { WarningIcon } from '../../ui/icons';

type FileProblem = ProfilesListing['problems'][number];

/**
 * What the AWS SDK would skip without a word, by file and line. A warning beside the table, not
 * instead of it: the other profiles stay usable.
 */
export function FileProblemsPanel({ problems, usableCount }: { problems: readonly FileProblem[]; usableCount: number }) {
  const count = problems.length;
  return (
    <section className="notice notice--warn file-problems" aria-labelledby="file-problems-title" data-testid="file-problems">
      <WarningIcon className="notice__icon" />
      <div className="notice__body">
        <h2 id="file-problems-title" className="notice__title">
          {count === 1 ? 'One line' : `${count} lines`} in your AWS files could not be read
        </h2>
        <p className="notice__message">
          The AWS SDK skips {count === 1 ? 'it' : 'them'} silently.{' '}
          {usableCount > 0 ? 'The profiles below are read exactly as the SDK reads them and stay usable.' : 'Fix the files, then read them again.'}
        </p>
        <ul className="file-problems__list">
          {problems.map((problem, index) => (
            <li key={`${problem.file}:${problem.line ?? ''}:${index}`} className="file-problems__item">
              <code className="file-problems__location">{problem.line !== undefined ? `${problem.file}:${problem.line}` : problem.file}</code>
              <span className="file-problems__message">{problem.message}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
