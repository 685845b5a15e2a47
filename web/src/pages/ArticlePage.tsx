import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatErrors, toFieldErrors } from '../api/client';
import type { FieldErrors } from '../api/client';
import { addComment, deleteArticle, deleteComment, getArticle, listComments } from '../api/conduit';
import type { Article, ArticleSummary, Comment, Profile } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Avatar } from '../components/Avatar';
import { FavoriteButton } from '../components/FavoriteButton';
import { FollowButton } from '../components/FollowButton';
import { FieldError, FormErrors } from '../components/FormErrors';
import { Empty, LoadError, Loading } from '../components/Status';
import { TagList } from '../components/TagList';
import { formatDate, profilePath } from '../lib/format';
import { renderMarkdown } from '../lib/markdown';
import { useAsync } from '../lib/useAsync';
import { useTitle } from '../lib/useTitle';

export function ArticlePage() {
  const { slug = '' } = useParams();
  const { state, reload, setData } = useAsync(() => getArticle(slug), [slug]);
  useTitle(state.status === 'done' ? state.data.title : 'Article');

  if (state.status === 'loading') {
    return (
      <div className="container">
        <Loading label="Loading article…" />
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

  const article = state.data;
  return (
    <>
      <section className="article-banner">
        <div className="container">
          <h1 data-testid="article-title">{article.title}</h1>
          <ArticleActions article={article} onChange={setData} />
        </div>
      </section>
      <div className="container article-page">
        <ArticleBody markdown={article.body} />
        <TagList tags={article.tagList} />
        <hr />
        <div className="article-footer-actions">
          <ArticleActions article={article} onChange={setData} />
        </div>
        <Comments slug={article.slug} />
      </div>
    </>
  );
}

function ArticleBody({ markdown }: { markdown: string }) {
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);
  // renderMarkdown sanitises with DOMPurify, so this HTML carries no script.
  return <div className="article-body" data-testid="article-body" dangerouslySetInnerHTML={{ __html: html }} />;
}

function ArticleActions({ article, onChange }: { article: Article; onChange: (article: Article) => void }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isAuthor = user?.username === article.author.username;

  const remove = async () => {
    if (!window.confirm(`Delete "${article.title}"? This cannot be undone.`)) {
      return;
    }
    setDeleting(true);
    setError(null);
    try {
      await deleteArticle(article.slug);
      navigate('/');
    } catch (caught) {
      setError(formatErrors(toFieldErrors(caught)));
      setDeleting(false);
    }
  };

  return (
    <div className="article-meta">
      <Link to={profilePath(article.author.username)}>
        <Avatar image={article.author.image} username={article.author.username} />
      </Link>
      <div className="article-meta-text">
        <Link className="author" to={profilePath(article.author.username)}>
          {article.author.username}
        </Link>
        <time dateTime={article.createdAt}>{formatDate(article.createdAt)}</time>
      </div>
      {isAuthor ? (
        <span className="meta-buttons">
          <Link className="btn btn-small btn-outline-secondary" to={`/editor/${encodeURIComponent(article.slug)}`}>
            Edit article
          </Link>
          <button type="button" className="btn btn-small btn-outline-danger" onClick={remove} disabled={deleting}>
            {deleting ? 'Deleting…' : 'Delete article'}
          </button>
          {error && (
            <span className="inline-error" role="alert">
              {error}
            </span>
          )}
        </span>
      ) : (
        <span className="meta-buttons">
          <FollowButton profile={article.author} onChange={(author: Profile) => onChange({ ...article, author })} />
          <FavoriteButton
            article={article}
            wide
            onChange={(updated: ArticleSummary) => onChange({ ...article, favorited: updated.favorited, favoritesCount: updated.favoritesCount })}
          />
        </span>
      )}
    </div>
  );
}

function Comments({ slug }: { slug: string }) {
  const { user } = useAuth();
  const { state, reload, setData } = useAsync(() => listComments(slug), [slug]);

  return (
    <section className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      {user ? (
        <CommentForm
          slug={slug}
          onAdded={(comment) => {
            if (state.status === 'done') setData([comment, ...state.data]);
          }}
        />
      ) : (
        <p className="subtle">
          <Link to="/login">Sign in</Link> or <Link to="/register">sign up</Link> to add comments.
        </p>
      )}
      {state.status === 'loading' && <Loading label="Loading comments…" />}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'done' &&
        (state.data.length === 0 ? (
          <Empty>No comments yet.</Empty>
        ) : (
          <ul className="comment-list">
            {state.data.map((comment) => (
              <CommentItem
                key={comment.id}
                slug={slug}
                comment={comment}
                onDeleted={() => setData(state.data.filter((c) => c.id !== comment.id))}
              />
            ))}
          </ul>
        ))}
    </section>
  );
}

function CommentForm({ slug, onAdded }: { slug: string; onAdded: (comment: Comment) => void }) {
  const { user } = useAuth();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setErrors({});
    try {
      onAdded(await addComment(slug, body));
      setBody('');
    } catch (caught) {
      setErrors(toFieldErrors(caught));
    } finally {
      setPending(false);
    }
  };

  const invalid = (errors.body?.length ?? 0) > 0;
  return (
    <form className="comment-form" onSubmit={submit} noValidate aria-label="Add a comment">
      <FormErrors errors={errors} fields={['body']} />
      <label htmlFor="field-comment" className="visually-hidden">
        Comment
      </label>
      <textarea
        id="field-comment"
        name="body"
        className={invalid ? 'input input-invalid' : 'input'}
        rows={3}
        placeholder="Write a comment…"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'field-comment-error' : undefined}
      />
      <FieldError errors={errors} field="body" id="field-comment-error" />
      <div className="comment-form-footer">
        {user && <Avatar image={user.image} username={user.username} />}
        <button type="submit" className="btn btn-small btn-primary" disabled={pending}>
          {pending ? 'Posting…' : 'Post comment'}
        </button>
      </div>
    </form>
  );
}

function CommentItem({ slug, comment, onDeleted }: { slug: string; comment: Comment; onDeleted: () => void }) {
  const { user } = useAuth();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setPending(true);
    setError(null);
    try {
      await deleteComment(slug, comment.id);
      onDeleted();
    } catch (caught) {
      setError(formatErrors(toFieldErrors(caught)));
      setPending(false);
    }
  };

  return (
    <li className="comment" data-comment-id={comment.id}>
      <p className="comment-body">{comment.body}</p>
      <footer className="comment-footer">
        <Link to={profilePath(comment.author.username)}>
          <Avatar image={comment.author.image} username={comment.author.username} />
        </Link>
        <Link className="author" to={profilePath(comment.author.username)}>
          {comment.author.username}
        </Link>
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        {user?.username === comment.author.username && (
          <button type="button" className="btn btn-small btn-outline-danger comment-delete" onClick={remove} disabled={pending}>
            {pending ? 'Deleting…' : 'Delete'}
          </button>
        )}
        {error && (
          <span className="inline-error" role="alert">
            {error}
          </span>
        )}
      </footer>
    </li>
  );
}
