import { useEffect, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { toFieldErrors } from '../api/client';
import type { FieldErrors } from '../api/client';
import { createArticle, getArticle, updateArticle } from '../api/conduit';
import type { User } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { FieldError, FormErrors, TextField } from '../components/FormErrors';
import { LoadError, Loading } from '../components/Status';
import { articlePath } from '../lib/format';
import { mergeTags, parseTags } from '../lib/tags';
import { useTitle } from '../lib/useTitle';

const FIELDS = ['title', 'description', 'body', 'tagList'] as const;

interface Draft {
  title: string;
  description: string;
  body: string;
  tagList: string[];
}

const EMPTY_DRAFT: Draft = { title: '', description: '', body: '', tagList: [] };

/** Editor for a new article (/editor) or an existing one (/editor/:slug). */
export function Editor() {
  const { slug } = useParams();
  useTitle(slug ? 'Edit article' : 'New article');
  const { user } = useAuth();
  const [loaded, setLoaded] = useState<{ draft: Draft } | { error: unknown } | null>(slug ? null : { draft: EMPTY_DRAFT });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!slug) {
      setLoaded({ draft: EMPTY_DRAFT });
      return;
    }
    let current = true;
    setLoaded(null);
    getArticle(slug).then(
      (article) => {
        if (!current) return;
        if (article.author.username !== (user as User).username) {
          setLoaded({ error: new Error('only the author can edit this article') });
          return;
        }
        const { title, description, body, tagList } = article;
        setLoaded({ draft: { title, description, body, tagList } });
      },
      (error: unknown) => {
        if (current) setLoaded({ error });
      },
    );
    return () => {
      current = false;
    };
  }, [slug, user, attempt]);

  if (loaded === null) {
    return (
      <div className="container">
        <Loading label="Loading article…" />
      </div>
    );
  }
  if ('error' in loaded) {
    return (
      <div className="container">
        <LoadError error={loaded.error} onRetry={() => setAttempt((n) => n + 1)} />
      </div>
    );
  }
  // The key resets the form when switching between new and existing articles.
  return <EditorForm key={slug ?? 'new'} slug={slug} initial={loaded.draft} />;
}

function EditorForm({ slug, initial }: { slug: string | undefined; initial: Draft }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(initial);
  const [tagInput, setTagInput] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  const setField = (field: 'title' | 'description' | 'body') => (value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));

  const addTypedTags = (): string[] => {
    const tags = mergeTags(draft.tagList, parseTags(tagInput));
    setDraft((previous) => ({ ...previous, tagList: tags }));
    setTagInput('');
    return tags;
  };

  const onTagKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      addTypedTags();
    } else if (event.key === 'Backspace' && tagInput === '' && draft.tagList.length > 0) {
      setDraft((previous) => ({ ...previous, tagList: previous.tagList.slice(0, -1) }));
    }
  };

  const removeTag = (tag: string) => setDraft((previous) => ({ ...previous, tagList: previous.tagList.filter((t) => t !== tag) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Tags still in the input box count too, so a user who never pressed
    // Enter does not lose them.
    const input = { ...draft, tagList: addTypedTags() };
    setPending(true);
    setErrors({});
    try {
      const article = slug ? await updateArticle(slug, input) : await createArticle(input);
      navigate(articlePath(article.slug));
    } catch (caught) {
      setErrors(toFieldErrors(caught));
      setPending(false);
    }
  };

  const tagErrors = errors.tagList ?? [];
  return (
    <div className="container editor">
      <h1 className="page-title">{slug ? 'Edit article' : 'New article'}</h1>
      <FormErrors errors={errors} fields={FIELDS} />
      <form onSubmit={submit} noValidate className="form" aria-label="Article editor">
        <TextField name="title" label="Title" value={draft.title} onChange={setField('title')} errors={errors} />
        <TextField
          name="description"
          label="What's this article about?"
          value={draft.description}
          onChange={setField('description')}
          errors={errors}
        />
        <TextField
          name="body"
          label="Article (Markdown)"
          multiline
          rows={14}
          value={draft.body}
          onChange={setField('body')}
          errors={errors}
          hint="Markdown is supported: **bold**, _italic_, # headings, lists, links and code."
        />
        <div className="field">
          <label htmlFor="field-tags">Tags</label>
          <input
            id="field-tags"
            name="tags"
            className={tagErrors.length > 0 ? 'input input-invalid' : 'input'}
            value={tagInput}
            onChange={(event) => setTagInput(event.target.value)}
            onKeyDown={onTagKey}
            onBlur={() => tagInput.trim() !== '' && addTypedTags()}
            aria-describedby="field-tags-hint"
            placeholder="Type a tag and press Enter"
          />
          <p className="field-hint" id="field-tags-hint">
            Separate tags with Enter, a comma or a space.
          </p>
          {draft.tagList.length > 0 && (
            <ul className="tag-list editor-tags" aria-label="Selected tags">
              {draft.tagList.map((tag) => (
                <li key={tag} className="tag tag-removable">
                  {tag}
                  <button type="button" className="tag-remove" onClick={() => removeTag(tag)} aria-label={`Remove tag ${tag}`}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <FieldError errors={errors} field="tagList" id="field-tags-error" />
        </div>
        <button className="btn btn-primary btn-large" type="submit" disabled={pending}>
          {pending ? 'Publishing…' : 'Publish article'}
        </button>
      </form>
    </div>
  );
}
