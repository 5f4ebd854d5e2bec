/**
 * Which synthetic demo person is signed in (AUTH_MODE=dev only), kept in
 * localStorage so a reload stays signed in. Falls back to memory where storage
 * is refused (some browsers block it in third-party iframes such as Teams).
 */
const STORAGE_KEY = 'los.devPersonId';

type Listener = () => void;
const listeners = new Set<Listener>();
let memoryValue: string | null = null;

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return memoryValue;
  }
}

export function getDevPersonId(): string | null {
  return readStorage();
}

export function setDevPersonId(personId: string | null): void {
  memoryValue = personId;
  try {
    if (personId === null) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, personId);
  } catch {
    // Storage refused: the memory value serves until the page reloads.
  }
  for (const listener of listeners) listener();
}

export function subscribeDevPerson(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
