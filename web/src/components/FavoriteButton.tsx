import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatErrors, toFieldErrors } from '../api/client';
import { setFavorited } from '../api/conduit';
import type { ArticleSummary } from '../api/types';
import { useAuth } from '../auth/AuthContext';

interface FavoriteButtonProps {
  article: ArticleSummary;
  onChange: (article: ArticleSummary) => void;
  /** Shows "Favorite article" next to the count instead of the count alone. */
  wide?: boolean;
}

/** Toggles the favorite; signed-out visitors are sent to the sign-in page. */
export function FavoriteButton({ article, onChange, wide = false }: FavoriteButtonProps) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = async () => {
    if (!user) {
      navigate('/login');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const updated = await setFavorited(article.slug, !article.favorited);
      onChange({ ...article, favorited: updated.favorited, favoritesCount: updated.favoritesCount });
    } catch (caught) {
      setError(formatErrors(toFieldErrors(caught)));
    } finally {
      setPending(false);
    }
  };

  const action = article.favorited ? 'Unfavorite' : 'Favorite';
  return (
    <span className="inline-action">
      <button
        type="button"
        className={article.favorited ? 'btn btn-small btn-primary' : 'btn btn-small btn-outline'}
        onClick={toggle}
        disabled={pending}
        aria-pressed={article.favorited}
        aria-label={`${action} article (${article.favoritesCount} favorites)`}
        data-testid="favorite-button"
      >
        <span aria-hidden="true">♥</span> {wide ? `${action} article ` : ''}
        <span className="count">{article.favoritesCount}</span>
      </button>
      {error && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
