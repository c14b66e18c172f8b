/** A page's view of one request: loading, the data, or the error to show (with a retry). */
import { shallowRef, type ShallowRef } from 'vue';
import { ApiError } from '../api/problem.js';

export interface LoadState<T> {
  data: ShallowRef<T | null>;
  error: ShallowRef<ApiError | null>;
  loading: ShallowRef<boolean>;
  run: () => Promise<void>;
}

export function useLoad<T>(load: () => Promise<T>): LoadState<T> {
  const data = shallowRef<T | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const loading = shallowRef(false);
  async function run(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await load();
    } catch (err) {
      error.value = err instanceof ApiError ? err : new ApiError(0, 'CLIENT_ERROR', { zh: String(err), en: String(err) });
    } finally {
      loading.value = false;
    }
  }
  return { data, error, loading, run };
}
