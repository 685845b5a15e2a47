// Display formatting helpers.

/** Formats an ISO 8601 timestamp as a date such as "March 4, 2025"; invalid input is returned as is. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
}

/** Path of a user's profile page. */
export function profilePath(username: string): string {
  return `/profile/${encodeURIComponent(username)}`;
}

/** Path of an article page. */
export function articlePath(slug: string): string {
  return `/article/${encodeURIComponent(slug)}`;
}
