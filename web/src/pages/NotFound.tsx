import { Link } from 'react-router-dom';
import { useTitle } from '../lib/useTitle';

export function NotFound() {
  useTitle('Page not found');
  return (
    <div className="container narrow center">
      <h1 className="page-title">Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the home page</Link>.
      </p>
    </div>
  );
}
