/**
 * A map from ids to positions (0, 1, 2, ...) in a list that holds the ids
 * itself, kept as an open-addressing hash table in one `Int32Array`: per slot
 * the id's 32-bit hash and its position + 1 (0: empty), linear probing, at
 * most half full, deletion by backward shift.
 *
 * Why not a `Map`: with hundreds of thousands of string keys, a `Map` lookup
 * walks a chain of entries and compares with each candidate key string, each
 * a separate cache miss; here a miss (every new id) reads one or two adjacent
 * slots, and an id string is compared only when the hashes match.
 */
export interface IdIndex {
  get(id: string): number | undefined;
  /** Adds `id` at `position`; false (and nothing changes) when `id` is already in. */
  add(id: string, position: number): boolean;
  /** Removes `id`; false when it was not in. */
  delete(id: string): boolean;
  readonly size: number;
}

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser so that the low bits (the home slot) depend on every unit. */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/**
 * Creates an empty index; `idAt(position)` returns the id added at a position
 * for as long as the id is in the index.
 */
export function createIdIndex(idAt: (position: number) => string): IdIndex {
  let mask = 1023;
  let slots = new Int32Array(2 * (mask + 1));
  let size = 0;

  /** The slot of `id`, or the empty slot where its probe ends (negative: -slot - 1). */
  function find(id: string, hash: number): number {
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = slots[2 * slot + 1]!;
      if (stored === 0) return -slot - 1;
      if (slots[2 * slot] === hash && idAt(stored - 1) === id) return slot;
    }
  }

  function grow(): void {
    const old = slots;
    mask = 2 * mask + 1;
    slots = new Int32Array(2 * (mask + 1));
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let slot = old[at]! & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[at]!;
      slots[2 * slot + 1] = old[at + 1]!;
    }
  }

  return {
    get(id) {
      const slot = find(id, hashId(id));
      return slot < 0 ? undefined : slots[2 * slot + 1]! - 1;
    },
    add(id, position) {
      const hash = hashId(id);
      let slot = find(id, hash);
      if (slot >= 0) return false;
      if (2 * (size + 1) > mask + 1) {
        grow();
        slot = find(id, hash);
      }
      slot = -slot - 1;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = position + 1;
      size += 1;
      return true;
    },
    delete(id) {
      let hole = find(id, hashId(id));
      if (hole < 0) return false;
      // Backward shift: pull later entries of the probe run into the hole unless their home slot lies after it.
      for (let slot = (hole + 1) & mask; slots[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
        const home = slots[2 * slot]! & mask;
        if (((slot - home) & mask) >= ((slot - hole) & mask)) {
          slots[2 * hole] = slots[2 * slot]!;
          slots[2 * hole + 1] = slots[2 * slot + 1]!;
          hole = slot;
        }
      }
      slots[2 * hole] = 0;
      slots[2 * hole + 1] = 0;
      size -= 1;
      return true;
    },
    get size() {
      return size;
    },
  };
}
