import { Link, useSearchParams } from 'react-router-dom';
import { listTags } from '../api/conduit';
import { useAuth } from '../auth/AuthContext';
import { ArticleList } from '../components/ArticleList';
import { Empty, LoadError, Loading } from '../components/Status';
import { parsePage } from '../lib/pagination';
import { useAsync } from '../lib/useAsync';
import { useTitle } from '../lib/useTitle';

/** The two article lists of the home page besides a tag filter. */
export type HomeFeed = 'following' | 'global';

/**
 * Returns the feed the home page shows for the `feed` query parameter.
 * Signed-in users get their feed (authors they follow) unless the parameter
 * is `global`, and everyone else gets the global feed.
 */
export function selectHomeFeed(feedParameter: string | null, signedIn: boolean): HomeFeed {
  if (!signedIn || feedParameter === 'global') {
    return 'global';
  }
  return 'following';
}

/** Home page; the `feed`, `tag` and `page` query parameters pick the list shown. */
export function Home() {
  const { user, checking } = useAuth();
  const [params] = useSearchParams();
  const tag = params.get('tag');
  const page = parsePage(params.get('page'));
  const feed = selectHomeFeed(params.get('feed'), user !== null);
  const showFeed = !tag && feed === 'following';
  let title: string | null = null;
  if (tag) {
    title = `#${tag}`;
  } else if (showFeed) {
    title = 'Your feed';
  }
  useTitle(title);

  return (
    <>
      {!user && (
        <section className="banner">
          <div className="container">
            <h1 className="brand-large">conduit</h1>
            <p>A place to share your knowledge.</p>
          </div>
        </section>
      )}
      <div className="container home-layout">
        <section className="feed" aria-label="Articles">
          <nav className="tabs" aria-label="Feeds">
            <ul>
              {user && (
                <li>
                  <Link to="/?feed=following" className={showFeed ? 'tab active' : 'tab'} aria-current={showFeed ? 'page' : undefined}>
                    Your feed
                  </Link>
                </li>
              )}
              <li>
                <Link
                  to="/?feed=global"
                  className={!showFeed && !tag ? 'tab active' : 'tab'}
                  aria-current={!showFeed && !tag ? 'page' : undefined}
                >
                  Global feed
                </Link>
              </li>
              {tag && (
                <li>
                  <span className="tab active" aria-current="page">
                    #{tag}
                  </span>
                </li>
              )}
            </ul>
          </nav>
          {checking ? (
            // The default feed depends on whether the stored token is still
            // valid, and a list request with a rejected token would fail.
            <Loading label="Checking your session…" />
          ) : (
            <ArticleList
              filter={showFeed ? { feed: true } : { tag: tag ?? undefined }}
              page={page}
              emptyText={showFeed ? 'Your feed is empty. Follow some authors to see their articles here.' : 'No articles are here yet.'}
            />
          )}
        </section>
        <aside className="sidebar" aria-labelledby="popular-tags">
          <h2 id="popular-tags">Popular tags</h2>
          <PopularTags />
        </aside>
      </div>
    </>
  );
}

function PopularTags() {
  const { state, reload } = useAsync(listTags, []);
  if (state.status === 'loading') {
    return <Loading label="Loading tags…" />;
  }
  if (state.status === 'error') {
    return <LoadError error={state.error} onRetry={reload} />;
  }
  if (state.data.length === 0) {
    return <Empty>No tags yet.</Empty>;
  }
  return (
    <ul className="tag-list tag-cloud" data-testid="popular-tags">
      {state.data.map((tag) => (
        <li key={tag}>
          <Link className="tag" to={`/?tag=${encodeURIComponent(tag)}`}>
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
