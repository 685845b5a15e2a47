import { Link } from 'react-router-dom';
import { listArticles } from '../api/conduit';
import type { ArticlePage, ArticleQuery, ArticleSummary } from '../api/types';
import { articlePath, formatDate, profilePath } from '../lib/format';
import { ARTICLES_PER_PAGE, pageCount, pageOffset } from '../lib/pagination';
import { useAsync } from '../lib/useAsync';
import { Avatar } from './Avatar';
import { FavoriteButton } from './FavoriteButton';
import { Pagination } from './Pagination';
import { Empty, LoadError, Loading } from './Status';
import { TagList } from './TagList';

type ListFilter = Omit<ArticleQuery, 'limit' | 'offset'>;

interface ArticleListProps {
  filter: ListFilter;
  page: number;
  emptyText: string;
}

/** Renders one page of articles matching `filter`, with page links below. */
export function ArticleList({ filter, page, emptyText }: ArticleListProps) {
  const { state, reload, setData } = useAsync<ArticlePage>(
    () => listArticles({ ...filter, limit: ARTICLES_PER_PAGE, offset: pageOffset(page, ARTICLES_PER_PAGE) }),
    [filter.feed, filter.tag, filter.author, filter.favorited, page],
  );

  if (state.status === 'loading') {
    return <Loading label="Loading articles…" />;
  }
  if (state.status === 'error') {
    return <LoadError error={state.error} onRetry={reload} />;
  }

  const { articles, articlesCount } = state.data;
  const totalPages = pageCount(articlesCount, ARTICLES_PER_PAGE);
  const replaceArticle = (updated: ArticleSummary) =>
    setData({ articlesCount, articles: articles.map((a) => (a.slug === updated.slug ? updated : a)) });

  return (
    <div className="article-list" data-testid="article-list">
      {articles.length === 0 ? (
        <Empty>{page > 1 ? 'There are no articles on this page.' : emptyText}</Empty>
      ) : (
        articles.map((article) => <ArticlePreview key={article.slug} article={article} onChange={replaceArticle} />)
      )}
      <Pagination current={page} total={totalPages} />
    </div>
  );
}

function ArticlePreview({ article, onChange }: { article: ArticleSummary; onChange: (a: ArticleSummary) => void }) {
  return (
    <article className="article-preview" data-slug={article.slug}>
      <header className="article-meta">
        <Link to={profilePath(article.author.username)}>
          <Avatar image={article.author.image} username={article.author.username} />
        </Link>
        <div className="article-meta-text">
          <Link className="author" to={profilePath(article.author.username)}>
            {article.author.username}
          </Link>
          <time dateTime={article.createdAt}>{formatDate(article.createdAt)}</time>
        </div>
        <FavoriteButton article={article} onChange={onChange} />
      </header>
      <Link className="preview-link" to={articlePath(article.slug)}>
        <h2>{article.title}</h2>
        <p>{article.description}</p>
        <span className="read-more">Read more…</span>
      </Link>
      <TagList tags={article.tagList} />
    </article>
  );
}
