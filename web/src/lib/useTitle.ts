import { useEffect } from 'react';

/** Sets the document title to "<page> — Conduit" while the page is shown. */
export function useTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} — Conduit` : 'Conduit';
  }, [page]);
}
