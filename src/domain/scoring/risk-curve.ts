/** A number answer's risk curve: points with increasing `at`, the risk at each. */
export interface RiskPoint {
  at: number;
  risk: number;
}

/**
 * Piecewise-linear interpolation over points with increasing `at`; flat beyond both ends, so a
 * curve only has to describe the interesting part of the range.
 */
export function interpolateRiskCurve(curve: readonly RiskPoint[], x: number): number {
  const first = curve[0]!;
  if (x <= first.at) return first.risk;
  let previous = first;
  for (let index = 1; index < curve.length; index++) {
    const point = curve[index]!;
    if (x <= point.at) {
      const span = point.at - previous.at;
      // A zero span only happens in malformed content; take the later point rather than divide by 0.
      if (span <= 0) return point.risk;
      return previous.risk + ((x - previous.at) / span) * (point.risk - previous.risk);
    }
    previous = point;
  }
  return previous.risk;
}
