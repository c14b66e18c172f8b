/**
 * The answers of a pure function, kept for keys met again (a day's date text, a word's parts, a
 * term's constants, a text's bigrams), and all let go at once when `limit` are held: no eviction
 * bookkeeping on the hot path, and the memory stays bounded whatever the input.
 */
export class ClearingMemo<K, V> {
  private readonly answers = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, make: (key: K) => V): V {
    let value = this.answers.get(key);
    if (value === undefined) {
      value = make(key);
      if (this.answers.size >= this.limit) this.answers.clear();
      this.answers.set(key, value);
    }
    return value;
  }

  get size(): number {
    return this.answers.size;
  }

  clear(): void {
    this.answers.clear();
  }
}
