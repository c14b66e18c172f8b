/**
 * The report queue's store in IndexedDB: one object store keyed by the Idempotency-Key, the photo
 * blobs kept inside the records (IndexedDB stores Blobs as they are). Each call is one transaction,
 * committed before the promise resolves, so a report is on disk before it is sent.
 */
import type { QueuedReport, ReportStore } from './report-queue.js';

const dbName = 'cityops-inspector';
const storeName = 'reports';

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function open(): Promise<IDBDatabase> {
  const req = indexedDB.open(dbName, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(storeName)) req.result.createObjectStore(storeName, { keyPath: 'key' });
  };
  return promised(req);
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function indexedDbReportStore(): ReportStore {
  let db: Promise<IDBDatabase> | null = null;
  const database = (): Promise<IDBDatabase> => (db ??= open());
  return {
    async all() {
      const tx = (await database()).transaction(storeName, 'readonly');
      return promised(tx.objectStore(storeName).getAll() as IDBRequest<QueuedReport[]>);
    },
    async put(report) {
      const tx = (await database()).transaction(storeName, 'readwrite');
      tx.objectStore(storeName).put(report);
      await done(tx);
    },
    async remove(key) {
      const tx = (await database()).transaction(storeName, 'readwrite');
      tx.objectStore(storeName).delete(key);
      await done(tx);
    },
  };
}
