/**
 * When the runtimes and operating systems of common base images stop getting security fixes: a dated
 * table, shared by the Dockerfile end-of-life rule and the generators (which refuse such versions as
 * defaults and warn when one is asked for).
 *
 * Checked on `EOL_TABLE_CHECKED`. A date that was still in the future on that day, or that is a
 * projection of the product's published policy rather than an announced date, is marked `estimated`.
 * Update the table when a release ships or a date is announced; the tests in test/eol/ say what each
 * product's cycles look like.
 *
 * What "end of life" means per product (the day security fixes stop for everyone, for free):
 * - Python: the end of the five-year security-fix period (python.org release status / PEP 602).
 * - Node.js: the end of maintenance (even majors: LTS, about 30 months; odd majors: about 8 months).
 * - Go: a minor release is supported until the second newer minor is released (go.dev release policy),
 *   computed from the release dates below.
 * - Ruby: the end of security maintenance (ruby-lang.org branch status).
 * - PHP: the end of security support (php.net supported versions).
 * - Debian: the end of Debian LTS (five years from release); the regular security support ends about
 *   two years earlier. Extended LTS is a paid offer and does not count.
 * - Ubuntu: the end of standard support (LTS: five years; interim releases: nine months); ESM/Ubuntu Pro
 *   is a paid offer and does not count.
 * - Alpine: the end of the branch's security support (about two years).
 */

/** The day the table was last checked against the projects' published dates. */
export const EOL_TABLE_CHECKED = '2026-11-23';

export type EolProductId = 'python' | 'node' | 'golang' | 'ruby' | 'php' | 'debian' | 'ubuntu' | 'alpine';

export interface EolCycle {
  /** The version that names the cycle: `3.12`, `20`, `1.23`, `12`, `22.04`, `3.20`. */
  cycle: string;
  /** Other names of the cycle used in image tags: Debian/Ubuntu codenames, Node.js LTS codenames. */
  aliases?: readonly string[];
  /** First release of the cycle (YYYY-MM-DD). */
  released: string;
  /** The first day without security fixes (YYYY-MM-DD). */
  eol: string;
  /** A long-term-support release (Node.js even majors, Ubuntu LTS, every Debian stable). */
  lts?: boolean;
  /** When it became an LTS release, if later than `released` (Node.js majors start as "Current"). */
  ltsFrom?: string;
  /** `released` or `eol` is a projection or was still in the future when the table was checked. */
  estimated?: boolean;
}

export interface EolProduct {
  id: EolProductId;
  /** Human name: `Python`, `Node.js`. */
  name: string;
  /** What `eol` means for this product, for messages: `end of life`, `end of LTS`. */
  eolMeaning: string;
  /** Oldest first. */
  cycles: readonly EolCycle[];
}

/** Go release dates; a minor's end of life is the release of the second newer minor. */
const GO_RELEASES: readonly [string, string, boolean?][] = [
  ['1.6', '2016-02-17'], ['1.7', '2016-08-15'], ['1.8', '2017-02-16'], ['1.9', '2017-08-24'],
  ['1.10', '2018-02-16'], ['1.11', '2018-08-24'], ['1.12', '2019-02-25'], ['1.13', '2019-09-03'],
  ['1.14', '2020-02-25'], ['1.15', '2020-08-11'], ['1.16', '2021-02-16'], ['1.17', '2021-08-16'],
  ['1.18', '2022-03-15'], ['1.19', '2022-08-02'], ['1.20', '2023-02-01'], ['1.21', '2023-08-08'],
  ['1.22', '2024-02-06'], ['1.23', '2024-08-13'], ['1.24', '2025-02-11'], ['1.25', '2025-08-12'],
  // Go ships a minor every February and August; these follow that schedule.
  ['1.26', '2026-02-10', true], ['1.27', '2026-08-11', true], ['1.28', '2027-02-09', true], ['1.29', '2027-08-10', true],
];

function goCycles(): EolCycle[] {
  const out: EolCycle[] = [];
  for (let i = 0; i + 2 < GO_RELEASES.length; i++) {
    const [cycle, released, estimatedRelease] = GO_RELEASES[i]!;
    const [, eol, estimatedEol] = GO_RELEASES[i + 2]!;
    out.push({ cycle, released, eol, ...(estimatedRelease || estimatedEol ? { estimated: true } : {}) });
  }
  return out;
}

export const EOL_PRODUCTS: Readonly<Record<EolProductId, EolProduct>> = {
  python: {
    id: 'python',
    name: 'Python',
    eolMeaning: 'end of life',
    cycles: [
      { cycle: '2.7', released: '2010-07-03', eol: '2020-01-01' },
      { cycle: '3.3', released: '2012-09-29', eol: '2017-09-29' },
      { cycle: '3.4', released: '2014-03-16', eol: '2019-03-18' },
      { cycle: '3.5', released: '2015-09-13', eol: '2020-09-30' },
      { cycle: '3.6', released: '2016-12-23', eol: '2021-12-23' },
      { cycle: '3.7', released: '2018-06-27', eol: '2023-06-27' },
      { cycle: '3.8', released: '2019-10-14', eol: '2024-10-07' },
      { cycle: '3.9', released: '2020-10-05', eol: '2025-10-31' },
      { cycle: '3.10', released: '2021-10-04', eol: '2026-10-31' },
      { cycle: '3.11', released: '2022-10-24', eol: '2027-10-31' },
      { cycle: '3.12', released: '2023-10-02', eol: '2028-10-31' },
      { cycle: '3.13', released: '2024-10-07', eol: '2029-10-31' },
      { cycle: '3.14', released: '2025-10-07', eol: '2030-10-31' },
      { cycle: '3.15', released: '2026-10-01', eol: '2031-10-31', estimated: true },
    ],
  },
  node: {
    id: 'node',
    name: 'Node.js',
    eolMeaning: 'end of life',
    cycles: [
      { cycle: '0.10', released: '2013-03-11', eol: '2016-10-31' },
      { cycle: '0.12', released: '2015-02-06', eol: '2016-12-31' },
      { cycle: '4', aliases: ['argon'], released: '2015-09-08', eol: '2018-04-30', lts: true, ltsFrom: '2015-10-12' },
      { cycle: '5', released: '2015-10-29', eol: '2016-06-30' },
      { cycle: '6', aliases: ['boron'], released: '2016-04-26', eol: '2019-04-30', lts: true, ltsFrom: '2016-10-18' },
      { cycle: '7', released: '2016-10-25', eol: '2017-06-30' },
      { cycle: '8', aliases: ['carbon'], released: '2017-05-30', eol: '2019-12-31', lts: true, ltsFrom: '2017-10-31' },
      { cycle: '9', released: '2017-10-31', eol: '2018-06-30' },
      { cycle: '10', aliases: ['dubnium'], released: '2018-04-24', eol: '2021-04-30', lts: true, ltsFrom: '2018-10-30' },
      { cycle: '11', released: '2018-10-23', eol: '2019-06-01' },
      { cycle: '12', aliases: ['erbium'], released: '2019-04-23', eol: '2022-04-30', lts: true, ltsFrom: '2019-10-21' },
      { cycle: '13', released: '2019-10-22', eol: '2020-06-01' },
      { cycle: '14', aliases: ['fermium'], released: '2020-04-21', eol: '2023-04-30', lts: true, ltsFrom: '2020-10-27' },
      { cycle: '15', released: '2020-10-20', eol: '2021-06-01' },
      { cycle: '16', aliases: ['gallium'], released: '2021-04-20', eol: '2023-09-11', lts: true, ltsFrom: '2021-10-26' },
      { cycle: '17', released: '2021-10-19', eol: '2022-06-01' },
      { cycle: '18', aliases: ['hydrogen'], released: '2022-04-19', eol: '2025-04-30', lts: true, ltsFrom: '2022-10-25' },
      { cycle: '19', released: '2022-10-18', eol: '2023-06-01' },
      { cycle: '20', aliases: ['iron'], released: '2023-04-18', eol: '2026-04-30', lts: true, ltsFrom: '2023-10-24' },
      { cycle: '21', released: '2023-10-17', eol: '2024-06-01' },
      { cycle: '22', aliases: ['jod'], released: '2024-04-24', eol: '2027-04-30', lts: true, ltsFrom: '2024-10-29' },
      { cycle: '23', released: '2024-10-16', eol: '2025-06-01' },
      { cycle: '24', aliases: ['krypton'], released: '2025-05-06', eol: '2028-04-30', lts: true, ltsFrom: '2025-10-28' },
      { cycle: '25', released: '2025-10-15', eol: '2026-06-01' },
      { cycle: '26', released: '2026-04-22', eol: '2029-04-30', lts: true, ltsFrom: '2026-10-27', estimated: true },
    ],
  },
  golang: { id: 'golang', name: 'Go', eolMeaning: 'end of support', cycles: goCycles() },
  ruby: {
    id: 'ruby',
    name: 'Ruby',
    eolMeaning: 'end of life',
    cycles: [
      { cycle: '2.3', released: '2015-12-25', eol: '2019-03-31' },
      { cycle: '2.4', released: '2016-12-25', eol: '2020-03-31' },
      { cycle: '2.5', released: '2017-12-25', eol: '2021-04-05' },
      { cycle: '2.6', released: '2018-12-25', eol: '2022-04-12' },
      { cycle: '2.7', released: '2019-12-25', eol: '2023-03-31' },
      { cycle: '3.0', released: '2020-12-25', eol: '2024-04-23' },
      { cycle: '3.1', released: '2021-12-25', eol: '2025-03-26' },
      { cycle: '3.2', released: '2022-12-25', eol: '2026-03-31', estimated: true },
      { cycle: '3.3', released: '2023-12-25', eol: '2027-03-31', estimated: true },
      { cycle: '3.4', released: '2024-12-25', eol: '2028-03-31', estimated: true },
    ],
  },
  php: {
    id: 'php',
    name: 'PHP',
    eolMeaning: 'end of life',
    cycles: [
      { cycle: '5.6', released: '2014-08-28', eol: '2018-12-31' },
      { cycle: '7.0', released: '2015-12-03', eol: '2019-01-10' },
      { cycle: '7.1', released: '2016-12-01', eol: '2019-12-01' },
      { cycle: '7.2', released: '2017-11-30', eol: '2020-11-30' },
      { cycle: '7.3', released: '2018-12-06', eol: '2021-12-06' },
      { cycle: '7.4', released: '2019-11-28', eol: '2022-11-28' },
      { cycle: '8.0', released: '2020-11-26', eol: '2023-11-26' },
      { cycle: '8.1', released: '2021-11-25', eol: '2025-12-31' },
      { cycle: '8.2', released: '2022-12-08', eol: '2026-12-31' },
      { cycle: '8.3', released: '2023-11-23', eol: '2027-12-31' },
      { cycle: '8.4', released: '2024-11-21', eol: '2028-12-31' },
      { cycle: '8.5', released: '2025-11-20', eol: '2029-12-31', estimated: true },
    ],
  },
  debian: {
    id: 'debian',
    name: 'Debian',
    eolMeaning: 'end of LTS',
    cycles: [
      { cycle: '6', aliases: ['squeeze'], released: '2011-02-06', eol: '2016-02-29', lts: true, ltsFrom: '2016-10-18' },
      { cycle: '7', aliases: ['wheezy'], released: '2013-05-04', eol: '2018-05-31', lts: true },
      { cycle: '8', aliases: ['jessie'], released: '2015-04-25', eol: '2020-06-30', lts: true, ltsFrom: '2017-10-31' },
      { cycle: '9', aliases: ['stretch'], released: '2017-06-17', eol: '2022-06-30', lts: true },
      { cycle: '10', aliases: ['buster'], released: '2019-07-06', eol: '2024-06-30', lts: true, ltsFrom: '2018-10-30' },
      { cycle: '11', aliases: ['bullseye'], released: '2021-08-14', eol: '2026-08-31', lts: true },
      { cycle: '12', aliases: ['bookworm'], released: '2023-06-10', eol: '2028-06-30', lts: true, ltsFrom: '2019-10-21' },
      { cycle: '13', aliases: ['trixie'], released: '2025-08-09', eol: '2030-06-30', lts: true, estimated: true },
    ],
  },
  ubuntu: {
    id: 'ubuntu',
    name: 'Ubuntu',
    eolMeaning: 'end of standard support',
    cycles: [
      { cycle: '12.04', aliases: ['precise'], released: '2012-04-26', eol: '2017-04-28', lts: true },
      { cycle: '14.04', aliases: ['trusty'], released: '2014-04-17', eol: '2019-04-30', lts: true },
      { cycle: '16.04', aliases: ['xenial'], released: '2016-04-21', eol: '2021-04-30', lts: true },
      { cycle: '16.10', aliases: ['yakkety'], released: '2016-10-13', eol: '2017-07-20' },
      { cycle: '17.04', aliases: ['zesty'], released: '2017-04-13', eol: '2018-01-13' },
      { cycle: '17.10', aliases: ['artful'], released: '2017-10-19', eol: '2018-07-19' },
      { cycle: '18.04', aliases: ['bionic'], released: '2018-04-26', eol: '2023-05-31', lts: true },
      { cycle: '18.10', aliases: ['cosmic'], released: '2018-10-18', eol: '2019-07-18' },
      { cycle: '19.04', aliases: ['disco'], released: '2019-04-18', eol: '2020-01-23' },
      { cycle: '19.10', aliases: ['eoan'], released: '2019-10-17', eol: '2020-07-17' },
      { cycle: '20.04', aliases: ['focal'], released: '2020-04-23', eol: '2025-05-31', lts: true },
      { cycle: '20.10', aliases: ['groovy'], released: '2020-10-22', eol: '2021-07-22' },
      { cycle: '21.04', aliases: ['hirsute'], released: '2021-04-22', eol: '2022-01-20' },
      { cycle: '21.10', aliases: ['impish'], released: '2021-10-14', eol: '2022-07-14' },
      { cycle: '22.04', aliases: ['jammy'], released: '2022-04-21', eol: '2027-04-01', lts: true },
      { cycle: '22.10', aliases: ['kinetic'], released: '2022-10-20', eol: '2023-07-20' },
      { cycle: '23.04', aliases: ['lunar'], released: '2023-04-20', eol: '2024-01-25' },
      { cycle: '23.10', aliases: ['mantic'], released: '2023-10-12', eol: '2024-07-11' },
      { cycle: '24.04', aliases: ['noble'], released: '2024-04-25', eol: '2029-04-25', lts: true },
      { cycle: '24.10', aliases: ['oracular'], released: '2024-10-10', eol: '2025-07-10' },
      { cycle: '25.04', aliases: ['plucky'], released: '2025-04-17', eol: '2026-01-15', estimated: true },
      { cycle: '25.10', aliases: ['questing'], released: '2025-10-09', eol: '2026-07-09', estimated: true },
      { cycle: '26.04', aliases: ['resolute'], released: '2026-04-23', eol: '2031-04-30', lts: true, estimated: true },
    ],
  },
  alpine: {
    id: 'alpine',
    name: 'Alpine',
    eolMeaning: 'end of support',
    cycles: [
      { cycle: '3.4', released: '2016-05-31', eol: '2018-05-01' },
      { cycle: '3.5', released: '2016-12-22', eol: '2018-11-01' },
      { cycle: '3.6', released: '2017-05-24', eol: '2019-05-01' },
      { cycle: '3.7', released: '2017-11-30', eol: '2019-11-01' },
      { cycle: '3.8', released: '2018-06-26', eol: '2020-05-01' },
      { cycle: '3.9', released: '2019-01-29', eol: '2020-11-01' },
      { cycle: '3.10', released: '2019-06-19', eol: '2021-05-01' },
      { cycle: '3.11', released: '2019-12-19', eol: '2021-11-01' },
      { cycle: '3.12', released: '2020-05-29', eol: '2022-05-01' },
      { cycle: '3.13', released: '2021-01-14', eol: '2022-11-01' },
      { cycle: '3.14', released: '2021-06-15', eol: '2023-05-01' },
      { cycle: '3.15', released: '2021-11-24', eol: '2023-11-01' },
      { cycle: '3.16', released: '2022-05-23', eol: '2024-05-23' },
      { cycle: '3.17', released: '2022-11-22', eol: '2024-11-22' },
      { cycle: '3.18', released: '2023-05-09', eol: '2025-05-09' },
      { cycle: '3.19', released: '2023-12-07', eol: '2025-11-01' },
      { cycle: '3.20', released: '2024-05-22', eol: '2026-04-01' },
      { cycle: '3.21', released: '2024-12-05', eol: '2026-11-01' },
      { cycle: '3.22', released: '2025-05-30', eol: '2027-05-01' },
      { cycle: '3.23', released: '2025-12-03', eol: '2027-11-01', estimated: true },
      { cycle: '3.24', released: '2026-05-20', eol: '2028-05-01', estimated: true },
    ],
  },
};
