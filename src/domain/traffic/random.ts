/**
 * A small seeded random source (sfc32): the same seed gives the same sequence on every machine, so
 * a seeded history and a simulation's plan are reproducible. Not for anything secret.
 */
export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [0, n) */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** an index drawn with the given (non-negative) weights */
  weighted(weights: readonly number[]): number;
  /** log-normal with the given median and shape (sigma of the underlying normal) */
  logNormal(median: number, sigma: number): number;
  /** Poisson-distributed count with mean `mean` */
  poisson(mean: number): number;
  /** a new independent stream derived from this one (for a sub-plan that must not shift the rest) */
  fork(label: number): Random;
}

function hashSeed(seed: number): [number, number, number, number] {
  // splitmix32 to spread a small seed over four words
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    out.push((z ^ (z >>> 16)) >>> 0);
  }
  return out as [number, number, number, number];
}

export function createRandom(seed: number): Random {
  let [a, b, c, d] = hashSeed(seed);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const random: Random = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i]!;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * normal(next)),
    poisson: (mean) => {
      if (mean <= 0) return 0;
      if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(next)));
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    fork: (label) => createRandom((Math.floor(next() * 4294967296) ^ Math.imul(label + 1, 0x9e3779b1)) >>> 0),
  };
  return random;
}

/** standard normal by Box–Muller; 1 - u keeps the logarithm finite */
function normal(next: () => number): number {
  const u = 1 - next();
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
