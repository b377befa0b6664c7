/**
 * The ARG/ENV maps of the build states: every instruction keeps the state it runs in, so a stage of n ENV
 * lines has n versions of its map. Copying the map at each change (`new Map(old).set(…)`) costs O(n²)
 * time and memory (16,000 ENV lines exhausted a 4 GB heap); here the versions of one stage share one
 * record of every value set ("fat nodes"): a change appends to it, a version is a number, and a lookup
 * finds the newest value at or before its version by binary search. A version that is changed while
 * it is not the newest of its record (a second stage built on the same stage) starts a record of its
 * own, copied once.
 */
interface Entry<V> {
  at: number;
  value: V;
}

/** The values of every version of one line of changes. */
class Record<V> {
  /** Per key, its values in the order they were set (versions ascending). */
  readonly byKey = new Map<string, Entry<V>[]>();
  /** Keys in the order they were first set, with that version: the iteration order of a Map. */
  readonly order: Entry<string>[] = [];
  head = 0;
}

export class VersionedMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly record: Record<V>,
    private readonly at: number,
  ) {}

  static empty<V>(): VersionedMap<V> {
    return new VersionedMap(new Record<V>(), 0);
  }

  /** This map with `entries` set, in order (a later entry for the same key wins, as with `Map.set`). */
  with(entries: Iterable<readonly [string, V]>): VersionedMap<V> {
    let record = this.record;
    if (this.at !== record.head) record = this.copy();
    const at = ++record.head;
    for (const [key, value] of entries) {
      let list = record.byKey.get(key);
      if (!list) {
        list = [];
        record.byKey.set(key, list);
        record.order.push({ at, value: key });
      }
      list.push({ at, value });
    }
    return new VersionedMap(record, at);
  }

  get(key: string): V | undefined {
    const list = this.record.byKey.get(key);
    if (!list) return undefined;
    // The last entry with `at` <= this version (usually the last one).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.at <= this.at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1]!.value : undefined;
  }

  has(key: string): boolean {
    const first = this.record.byKey.get(key)?.[0];
    return first !== undefined && first.at <= this.at;
  }

  get size(): number {
    return this.visibleKeys().length;
  }

  *entries(): MapIterator<[string, V]> {
    for (const key of this.visibleKeys()) yield [key, this.get(key) as V];
  }

  *keys(): MapIterator<string> {
    yield* this.visibleKeys();
  }

  *values(): MapIterator<V> {
    for (const key of this.visibleKeys()) yield this.get(key) as V;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  /** The keys set at or before this version, in the order they were first set. */
  private visibleKeys(): string[] {
    const out: string[] = [];
    for (const e of this.record.order) {
      if (e.at > this.at) break;
      out.push(e.value);
    }
    return out;
  }

  /** A new record holding this version as its only one. */
  private copy(): Record<V> {
    const record = new Record<V>();
    record.head = this.at;
    for (const key of this.visibleKeys()) {
      record.byKey.set(key, [{ at: this.at, value: this.get(key) as V }]);
      record.order.push({ at: this.at, value: key });
    }
    return record;
  }
}
