/** Limits every input is held to, in one place (issue 3: 15 s, 10 MB, 5 redirects). */

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Real article pages are under 2 MB even with inline scripts; 10 MB leaves room for big feeds. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

/** "10 MB", "512 KB": sizes in error messages. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
