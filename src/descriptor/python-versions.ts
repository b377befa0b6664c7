/**
 * Python release and end-of-life dates (https://devguide.python.org/versions/), checked on
 * 2026-11-23. A version is supported from its release until its end of life; slipway never
 * picks an unsupported version as a default and refuses one for the image.
 */
export const PYTHON_VERSIONS_CHECKED = '2026-11-23';

export interface PythonRelease {
  version: string;
  released: string;
  endOfLife: string;
}

export const PYTHON_RELEASES: readonly PythonRelease[] = [
  { version: '3.6', released: '2016-12-23', endOfLife: '2021-12-23' },
  { version: '3.7', released: '2018-06-27', endOfLife: '2023-06-27' },
  { version: '3.8', released: '2019-10-14', endOfLife: '2024-10-07' },
  { version: '3.9', released: '2020-10-05', endOfLife: '2025-10-31' },
  { version: '3.10', released: '2021-10-04', endOfLife: '2026-10-31' },
  { version: '3.11', released: '2022-10-24', endOfLife: '2027-10-31' },
  { version: '3.12', released: '2023-10-02', endOfLife: '2028-10-31' },
  { version: '3.13', released: '2024-10-07', endOfLife: '2029-10-31' },
  { version: '3.14', released: '2025-10-07', endOfLife: '2030-10-31' },
  { version: '3.15', released: '2026-10-01', endOfLife: '2031-10-31' },
];

/** The runtime version used when the descriptor names none: the newest release with a settled ecosystem. */
export const DEFAULT_PYTHON_VERSION = '3.13';

export type VersionStatus =
  | { status: 'supported'; release: PythonRelease }
  | { status: 'end-of-life'; release: PythonRelease }
  | { status: 'unreleased'; release: PythonRelease }
  | { status: 'unknown' };

/** ISO date (YYYY-MM-DD) of a Date, in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function pythonVersionStatus(version: string, today: Date): VersionStatus {
  const release = PYTHON_RELEASES.find((r) => r.version === version);
  if (!release) {
    // Anything older than the table is long past its end of life.
    const minor = /^3\.(\d+)$/.exec(version);
    if (/^2\.\d+$/.test(version) || (minor && Number(minor[1]) < 6)) {
      return { status: 'end-of-life', release: { version, released: '', endOfLife: 'before 2021' } };
    }
    return { status: 'unknown' };
  }
  const day = isoDate(today);
  if (day < release.released) return { status: 'unreleased', release };
  if (day >= release.endOfLife) return { status: 'end-of-life', release };
  return { status: 'supported', release };
}

/** Versions supported on `today`, oldest first. */
export function supportedPythonVersions(today: Date): string[] {
  return PYTHON_RELEASES.filter((r) => pythonVersionStatus(r.version, today).status === 'supported').map((r) => r.version);
}

/** Sorts "3.N" version strings numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
