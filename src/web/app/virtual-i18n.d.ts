// The catalogues split by scripts/vite-i18n.ts (one chunk per language and group).
declare module 'virtual:samen-i18n' {
  type Lang = 'fr' | 'nl' | 'en';
  // Messages as ICU strings (tests) or parsed at build time (react-intl takes both).
  export const loaders: Record<Lang, Record<string, () => Promise<{ default: Record<string, string> }>>>;
  export const needs: Record<string, string[]>;
  export const prefixes: Record<string, string[]>;
  /** Every message up front (tests only). */
  export const preloaded: Record<Lang, Record<string, string>> | null;
}
