// Tag input handling for the article editor.

/**
 * Splits typed text into tags: separated by commas or whitespace, trimmed,
 * without a leading '#', empty entries dropped.
 */
export function parseTags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((tag) => tag.trim().replace(/^#+/, ''))
    .filter((tag) => tag !== '');
}

/** Appends new tags to existing ones, keeping order and dropping duplicates. */
export function mergeTags(existing: string[], added: string[]): string[] {
  const result = [...existing];
  for (const tag of added) {
    if (!result.includes(tag)) {
      result.push(tag);
    }
  }
  return result;
}
