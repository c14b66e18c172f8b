/** A page's view of one request: loading, the data, or the error to show (with a retry). */
import { shallowRef, type ShallowRef } from 'vue';
import { ApiError } from '../api/problem.js';

export interface LoadState<T> {
  data: ShallowRef<T | null>;
  error: ShallowRef<ApiError | null>;
  loading: ShallowRef<boolean>;
  run: () => Promise<void>;
}

/** Only the latest run's answer is kept: an earlier request that answers late (filters changed meanwhile) is dropped. */
export function useLoad<T>(load: () => Promise<T>): LoadState<T> {
  const data = shallowRef<T | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const loading = shallowRef(false);
  let generation = 0;
  async function run(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const answer = await load();
      if (mine === generation) data.value = answer;
    } catch (err) {
      if (mine === generation) error.value = err instanceof ApiError ? err : new ApiError(0, 'CLIENT_ERROR', { zh: String(err), en: String(err) });
    } finally {
      if (mine === generation) loading.value = false;
    }
  }
  return { data, error, loading, run };
}
