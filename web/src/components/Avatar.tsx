import { useState } from 'react';
import defaultAvatar from '../assets/avatar.svg';

/** Renders a user's picture, or a neutral placeholder when none is set or it fails to load. */
export function Avatar({ image, username, size = 'small' }: { image: string | null; username: string; size?: 'small' | 'large' }) {
  const [failed, setFailed] = useState(false);
  const src = image && !failed ? image : defaultAvatar;
  return (
    <img
      className={`avatar avatar-${size}`}
      src={src}
      alt={`${username}'s picture`}
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}
