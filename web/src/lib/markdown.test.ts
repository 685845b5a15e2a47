import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

function render(source: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(source);
  return container;
}

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    const html = render('# Title\n\nSome **bold** and `code`.\n\n- one\n- two');
    expect(html.querySelector('h1')?.textContent).toBe('Title');
    expect(html.querySelector('strong')?.textContent).toBe('bold');
    expect(html.querySelector('code')?.textContent).toBe('code');
    expect(html.querySelectorAll('li')).toHaveLength(2);
  });

  it('removes script elements', () => {
    const html = render('Before\n\n<script>window.pwned = 1</script>\n\nAfter');
    expect(html.querySelector('script')).toBeNull();
    expect(html.innerHTML).not.toContain('pwned');
    expect(html.textContent).toContain('Before');
    expect(html.textContent).toContain('After');
  });

  it('removes onerror attributes', () => {
    const html = render('<img src="x" onerror="window.pwned = 1"> text');
    const image = html.querySelector('img');
    expect(image).not.toBeNull();
    expect(image?.hasAttribute('onerror')).toBe(false);
    expect(html.innerHTML).not.toContain('pwned');
  });

  it('removes every event handler attribute', () => {
    const html = render('<a href="/x" onclick="alert(1)" onmouseover="alert(2)">link</a><svg onload="alert(3)"></svg>');
    for (const element of html.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        expect(attribute.startsWith('on')).toBe(false);
      }
    }
  });

  it('removes javascript: links', () => {
    const html = render('[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">two</a>');
    for (const link of html.querySelectorAll('a')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/javascript:/i);
    }
  });

  it('removes iframes, forms and style', () => {
    const html = render('<iframe src="https://example.test"></iframe><form action="/x"><input name="a"></form><p style="color:red">p</p><style>p{}</style>');
    expect(html.querySelector('iframe')).toBeNull();
    expect(html.querySelector('form')).toBeNull();
    expect(html.querySelector('input')).toBeNull();
    expect(html.querySelector('style')).toBeNull();
    expect(html.querySelector('p')?.hasAttribute('style')).toBe(false);
  });

  it('shows code spans as text', () => {
    const html = render('Use `<script>alert(1)</script>` carefully');
    expect(html.querySelector('script')).toBeNull();
    expect(html.querySelector('code')?.textContent).toBe('<script>alert(1)</script>');
  });

  it('adds rel to links', () => {
    const link = render('[site](https://example.test)').querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.test');
    expect(link?.getAttribute('rel')).toBe('nofollow noopener noreferrer');
  });
});
