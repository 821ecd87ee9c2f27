/**
 * The Kolmogorov-Smirnov statistic of samples in [0, 1) against the uniform distribution, scaled with Stephens'
 * small-sample correction so that one critical value serves every sample size.
 */
export const ksUniformStatistic = (samples: readonly number[]): number => {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i += 1) {
    const x = sorted[i] as number;
    d = Math.max(d, (i + 1) / n - x, x - i / n);
  }
  const root = Math.sqrt(n);
  return d * (root + 0.12 + 0.11 / root);
};

/** Above it, uniformity is rejected at the 0.1 % level. */
export const ksCriticalValue = 1.949;

/** Pearson's chi-square statistic of samples in [0, 1) over equal bins. */
export const chiSquareUniform = (samples: readonly number[], bins: number): number => {
  const counts = new Array<number>(bins).fill(0);
  for (const x of samples) {
    const bin = Math.min(bins - 1, Math.floor(x * bins));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const expected = samples.length / bins;
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
};

/** The chi-square critical value at the 0.1 % level for 19 degrees of freedom (20 bins). */
export const chiSquareCritical19 = 43.82;
