/**
 * Brings a page into view and gives it focus, so screen-reader and keyboard users continue
 * reading there. Also records the page in the address without a new history entry.
 */
export function scrollToPage(root: HTMLElement | null, pageNumber: number, focus: boolean): boolean {
  const page = root?.querySelector<HTMLElement>(`[data-page-number="${pageNumber}"]`);
  if (!page) return false;
  page.scrollIntoView({ block: 'start' });
  if (focus) page.focus({ preventScroll: true });
  const [path, query = ''] = window.location.hash.split('?');
  const params = new URLSearchParams(query);
  if (params.get('page') !== String(pageNumber)) {
    params.set('page', String(pageNumber));
    history.replaceState(history.state, '', `${path}?${params.toString()}`);
  }
  return true;
}
