/**
 * Rules that change over time (the 전용 reporting deadline, the renewal score bar, …) are stored as
 * dated versions; a fact is judged by the version in force on its own date.
 */
export interface DatedVersion {
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** The version in force on a date: the latest that started on or before it and has not ended. */
export function versionOn<V extends DatedVersion>(history: readonly V[], date: string): V | null {
  let found: V | null = null;
  for (const v of [...history].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))) {
    if (v.effectiveFrom <= date && (!v.effectiveTo || v.effectiveTo >= date)) found = v;
  }
  return found;
}
