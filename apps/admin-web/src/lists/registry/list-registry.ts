import type { ListEntry } from './list-entry';

/*
 * The registry of listed types: one entry per plain list page. From an entry come its route
 * (`/<path>`, app-routes.tsx's `:list` route), its menu item (shell/menu.ts, by `menu.order`), its
 * label in both languages and the page itself (RegistryListPage: filters in the address, as-of date,
 * server-side order, cursor pages, empty/error/loading states, links to detail pages).
 *
 * Adding a list page to the admin web (the web part of CONTRIBUTING.md's "Adding an entity"):
 *
 *   | file                                                 | what you write                                                     |
 *   | ---------------------------------------------------- | ------------------------------------------------------------------ |
 *   | apps/admin-web/src/lists/registry/entries/<name>.ts  | `export default defineListEntry({ path, menu, words, document:      |
 *   |                                                      | graphql(…), list, columns, filters, defaultSort })`, the words      |
 *   |                                                      | Vietnamese then English                                             |
 *
 * Nothing else: every file in entries/ is an entry (this file collects them), so none can be
 * written and forgotten. Then `npx turbo run generate --filter=@coso/admin-web` types the document; the compiler checks the
 * columns' fields, order fields and filter fields against it, and list-registry.test.ts checks the
 * route, the menu item, the words and that every column's field is in the document's selection.
 * A list with special behaviour (a search across kinds, a workflow) keeps its own page in pages/.
 */
const ENTRY_MODULES = import.meta.glob<ListEntry | undefined>('./entries/*.ts', { eager: true, import: 'default' });

/** Every entry file's default export; a file in entries/ without one stops the shell and the tests here. */
export const LIST_ENTRIES: readonly ListEntry[] = Object.entries(ENTRY_MODULES).map(([file, entry]) => {
  if (!entry || typeof entry.path !== 'string' || !entry.document) throw new Error(`${file}: export default defineListEntry({ … })`);
  return entry;
});

/** The entry listed at `path` ("buildings"), if any. */
export function listEntryAt(path: string | undefined): ListEntry | undefined {
  return LIST_ENTRIES.find((entry) => entry.path === path);
}
