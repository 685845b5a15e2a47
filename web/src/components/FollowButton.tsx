import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatErrors, toFieldErrors } from '../api/client';
import { setFollowing } from '../api/conduit';
import type { Profile } from '../api/types';
import { useAuth } from '../auth/AuthContext';

/** Follows or unfollows a profile; hidden on the user's own profile. */
export function FollowButton({ profile, onChange }: { profile: Profile; onChange: (profile: Profile) => void }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (user && user.username === profile.username) {
    return null;
  }

  const toggle = async () => {
    if (!user) {
      navigate('/login');
      return;
    }
    setPending(true);
    setError(null);
    try {
      onChange(await setFollowing(profile.username, !profile.following));
    } catch (caught) {
      setError(formatErrors(toFieldErrors(caught)));
    } finally {
      setPending(false);
    }
  };

  return (
    <span className="inline-action">
      <button
        type="button"
        className={profile.following ? 'btn btn-small btn-secondary' : 'btn btn-small btn-outline-secondary'}
        onClick={toggle}
        disabled={pending}
        aria-pressed={profile.following}
        data-testid="follow-button"
      >
        {profile.following ? `Unfollow ${profile.username}` : `Follow ${profile.username}`}
      </button>
      {error && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
