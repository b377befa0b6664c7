/**
 * Python interpreters named by tox factors (`py311`, `3.12`, `pypy3.10`) and basepython values
 * (`python3.8`), and which of them are past their end of life.
 *
 * The table is dated: the rule compares against `EOL_TABLE_CHECKED_ON`, not the clock, so that
 * a lint result does not change by itself from one day to the next. Update both together.
 *
 * Sources: CPython — the release schedule PEPs (373 for 2.7, 478, 494, 537, 569, 596, 619) and
 * devguide.python.org/versions; 3.10's end is scheduled for 2026-10. PyPy — pypy.org release
 * notes: a PyPy line ends with the first PyPy release that no longer ships it (7.3.4 dropped
 * 3.6, 7.3.10 dropped 3.7, 7.3.12 dropped 3.8, 7.3.17 dropped 3.9, 7.3.20 dropped 3.10); PyPy
 * still ships 2.7, but the Python 2.7 language itself ended on 2020-01-01.
 */

export const EOL_TABLE_CHECKED_ON = '2026-11-23';

/** End of life (last day of support, ISO date or month) by `major.minor`. */
const CPYTHON_EOL: Readonly<Record<string, string>> = {
  '2.6': '2013-10-29',
  '2.7': '2020-01-01',
  '3.0': '2009-06-27',
  '3.1': '2012-04-09',
  '3.2': '2016-02-20',
  '3.3': '2017-09-29',
  '3.4': '2019-03-18',
  '3.5': '2020-09-30',
  '3.6': '2021-12-23',
  '3.7': '2023-06-27',
  '3.8': '2024-10-07',
  '3.9': '2025-10-31',
  '3.10': '2026-10',
  '3.11': '2027-10',
  '3.12': '2028-10',
  '3.13': '2029-10',
  '3.14': '2030-10',
};

const PYPY_EOL: Readonly<Record<string, string>> = {
  '2.7': '2020-01-01',
  '3.5': '2019-10-14',
  '3.6': '2021-04-08',
  '3.7': '2022-12-06',
  '3.8': '2023-06-16',
  '3.9': '2024-08-28',
  '3.10': '2025-07-04',
};

export interface PythonVersion {
  implementation: 'cpython' | 'pypy' | 'other';
  major: number;
  /** Undefined for `py3`, `pypy3`: whatever 3.x is installed. */
  minor?: number;
}

const FACTOR = /^(py|python|cpython|pypy|jython|graalpy|rustpython|ironpython)?(\d)(?:\.?(\d{1,2}))?t?$/;

/**
 * The interpreter a tox factor or basepython value names, or undefined when it names none.
 * `py` alone and plain words are not versions; bare `pypy` is PyPy 2.7.
 */
export function parsePythonVersion(text: string): PythonVersion | undefined {
  const value = (text.trim().toLowerCase().split(/[\\/]/).pop() ?? '').replace(/\.exe$/, '');
  if (value === 'pypy') return { implementation: 'pypy', major: 2, minor: 7 };
  const m = FACTOR.exec(value);
  if (!m) return undefined;
  const impl = m[1];
  if (!impl && m[3] !== undefined && !value.includes('.')) return undefined;
  if (!impl && m[3] === undefined) return undefined;
  const implementation = impl === 'pypy' ? 'pypy' : impl === undefined || ['py', 'python', 'cpython'].includes(impl) ? 'cpython' : 'other';
  const version: PythonVersion = { implementation, major: Number(m[2]) };
  if (m[3] !== undefined) version.minor = Number(m[3]);
  else if (version.major === 2) version.minor = 7;
  return version;
}

/** Whether a factor is one tox reads as a Python interpreter (`py311`, `3.12`, `pypy3`, `py3`). */
export function isPythonFactor(factor: string): boolean {
  return parsePythonVersion(factor) !== undefined || factor === 'py';
}

export interface EndOfLife {
  /** "Python 3.8", "PyPy 3.9". */
  label: string;
  /** Date support ended. */
  since: string;
}

/** When the version is past its end of life on the table's check date; undefined otherwise. */
export function endOfLife(version: PythonVersion): EndOfLife | undefined {
  if (version.minor === undefined || version.implementation === 'other') return undefined;
  const key = `${version.major}.${version.minor}`;
  const table = version.implementation === 'pypy' ? PYPY_EOL : CPYTHON_EOL;
  const since = table[key];
  if (since === undefined || since > EOL_TABLE_CHECKED_ON) return undefined;
  const label = `${version.implementation === 'pypy' ? 'PyPy' : 'Python'} ${key}`;
  return { label, since };
}
