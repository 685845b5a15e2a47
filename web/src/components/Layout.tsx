import { NavLink, Outlet } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { profilePath } from '../lib/format';
import { Avatar } from './Avatar';

export function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" className="main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <span className="brand-small">conduit</span> A place to share articles. <NavLink to="/status">Service status</NavLink>
        </div>
      </footer>
    </>
  );
}

function Header() {
  const { user } = useAuth();
  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link active' : 'nav-link');
  return (
    <header className="site-header">
      <div className="container header-inner">
        <NavLink to="/" className="brand" end>
          conduit
        </NavLink>
        <nav aria-label="Main">
          <ul className="nav">
            <li>
              <NavLink to="/" className={navClass} end>
                Home
              </NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/editor" className={navClass} end>
                    New article
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/settings" className={navClass}>
                    Settings
                  </NavLink>
                </li>
                <li>
                  <NavLink to={profilePath(user.username)} className={navClass} data-testid="nav-profile">
                    <Avatar image={user.image} username={user.username} />
                    <span>{user.username}</span>
                  </NavLink>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/login" className={navClass}>
                    Sign in
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/register" className={navClass}>
                    Sign up
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
