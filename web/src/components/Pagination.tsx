import { Link, useLocation } from 'react-router-dom';
import { pageLinks } from '../lib/pagination';

/** Page links that set the `page` query parameter of the current URL. */
export function Pagination({ current, total }: { current: number; total: number }) {
  const location = useLocation();
  if (total <= 1) {
    return null;
  }

  const hrefFor = (page: number) => {
    const params = new URLSearchParams(location.search);
    if (page === 1) {
      params.delete('page');
    } else {
      params.set('page', String(page));
    }
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };

  return (
    <nav className="pagination" aria-label="Pages">
      <ul>
        <li>
          {current > 1 ? (
            <Link to={hrefFor(current - 1)} rel="prev" className="page-link">
              ‹ Previous
            </Link>
          ) : (
            <span className="page-link page-disabled">‹ Previous</span>
          )}
        </li>
        {pageLinks(current, total).map((link, index) =>
          link === 'gap' ? (
            <li key={`gap-${index}`} className="page-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={link}>
              <Link
                to={hrefFor(link)}
                className={link === current ? 'page-link page-current' : 'page-link'}
                aria-current={link === current ? 'page' : undefined}
                aria-label={`Page ${link}`}
              >
                {link}
              </Link>
            </li>
          ),
        )}
        <li>
          {current < total ? (
            <Link to={hrefFor(current + 1)} rel="next" className="page-link">
              Next ›
            </Link>
          ) : (
            <span className="page-link page-disabled">Next ›</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
