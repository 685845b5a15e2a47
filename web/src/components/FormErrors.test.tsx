import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERAL_ERROR_KEY } from '../api/client';
import type { FieldErrors } from '../api/client';
import { FormErrors, TextField } from './FormErrors';

// Tells React that this environment wraps updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function renderField(errors: FieldErrors) {
  act(() => {
    root.render(
      <>
        <FormErrors errors={errors} fields={['title', 'body']} />
        <TextField name="title" label="Title" value="" onChange={() => {}} errors={errors} />
      </>,
    );
  });
}

describe('TextField', () => {
  it('shows its errors under the input', () => {
    renderField({ title: ["can't be blank"] });
    const input = container.querySelector('input#field-title');
    const error = container.querySelector('#field-title-error');
    expect(error?.textContent).toBe("title can't be blank");
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(input?.getAttribute('aria-describedby')).toBe('field-title-error');
    expect(input?.nextElementSibling).toBe(error);
  });

  it('shows nothing without errors', () => {
    renderField({});
    expect(container.querySelector('#field-title-error')).toBeNull();
    expect(container.querySelector('input')?.hasAttribute('aria-invalid')).toBe(false);
    expect(container.querySelector('.form-errors')).toBeNull();
  });
});

describe('FormErrors', () => {
  it('lists only errors of other fields', () => {
    renderField({ title: ["can't be blank"], credentials: ['invalid'], [GENERAL_ERROR_KEY]: ['not found'] });
    const items = [...container.querySelectorAll('.form-errors li')].map((item) => item.textContent);
    expect(items).toEqual(['credentials invalid', 'not found']);
  });
});
