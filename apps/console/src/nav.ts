/** Navigates inside the console; re-renders when the hash is already the target (e.g. after signing in). */
export function go(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
