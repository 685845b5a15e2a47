import { Link, NavLink, useParams, useSearchParams } from 'react-router-dom';
import { getProfile } from '../api/conduit';
import { useAuth } from '../auth/AuthContext';
import { ArticleList } from '../components/ArticleList';
import { Avatar } from '../components/Avatar';
import { FollowButton } from '../components/FollowButton';
import { LoadError, Loading } from '../components/Status';
import { profilePath } from '../lib/format';
import { parsePage } from '../lib/pagination';
import { useAsync } from '../lib/useAsync';
import { useTitle } from '../lib/useTitle';

/** Renders a user's profile with their articles (/profile/:username) or favorites (/profile/:username/favorites). */
export function ProfilePage({ favorites = false }: { favorites?: boolean }) {
  const { username = '' } = useParams();
  const [params] = useSearchParams();
  const page = parsePage(params.get('page'));
  const { user } = useAuth();
  const { state, reload, setData } = useAsync(() => getProfile(username), [username, user?.username]);
  useTitle(username);

  if (state.status === 'loading') {
    return (
      <div className="container">
        <Loading label="Loading profile…" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="container">
        <LoadError error={state.error} onRetry={reload} />
      </div>
    );
  }

  const profile = state.data;
  const isSelf = user?.username === profile.username;
  const base = profilePath(profile.username);
  return (
    <>
      <section className="profile-banner">
        <div className="container">
          <Avatar image={profile.image} username={profile.username} size="large" />
          <h1>{profile.username}</h1>
          {profile.bio && <p className="bio">{profile.bio}</p>}
          <div className="profile-actions">
            {isSelf ? (
              <Link className="btn btn-small btn-outline-secondary" to="/settings">
                Edit profile settings
              </Link>
            ) : (
              <FollowButton profile={profile} onChange={setData} />
            )}
          </div>
        </div>
      </section>
      <div className="container">
        <nav className="tabs" aria-label="Profile lists">
          <ul>
            <li>
              <NavLink to={base} end className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
                {isSelf ? 'My articles' : 'Articles'}
              </NavLink>
            </li>
            <li>
              <NavLink to={`${base}/favorites`} className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
                Favorited articles
              </NavLink>
            </li>
          </ul>
        </nav>
        <ArticleList
          filter={favorites ? { favorited: profile.username } : { author: profile.username }}
          page={page}
          emptyText={favorites ? `${profile.username} has not favorited any articles yet.` : `${profile.username} has not written any articles yet.`}
        />
      </div>
    </>
  );
}
