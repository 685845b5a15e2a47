// Markdown to HTML for article bodies. Article bodies are untrusted user
// input, so the HTML that marked produces is always sanitised by DOMPurify
// before it reaches the DOM.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

let purifier: ReturnType<typeof DOMPurify> | null = null;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier === null) {
    purifier = DOMPurify(window);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      // Links in user content must not pass our origin or authority on.
      if (node.tagName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('rel', 'nofollow noopener noreferrer');
      }
    });
  }
  return purifier;
}

/**
 * Renders Markdown to sanitised HTML. Script, style and form elements, event
 * handler attributes, `style` attributes and javascript: URLs are removed.
 */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return getPurifier().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    // Inline styles would be blocked by the Content-Security-Policy anyway.
    FORBID_ATTR: ['style'],
  });
}
