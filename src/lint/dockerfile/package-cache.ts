/**
 * What the package-cache rules share (apk --no-cache, pip --no-cache-dir, yum/dnf/zypper/yarn clean-up):
 * which RUNs end up in the final image, whether a mount keeps a cache out of the layer, and fixes that
 * are safe in the RUN's form.
 */
import type { Fix, RuleContext, Span } from '../engine/types.js';
import type { ShellCommand } from '../shell/model.js';
import { cacheMounted, rpmAction } from '../shell/packages.js';
import type { DockerfileDoc, RunInstruction } from './model.js';
import { reachesFinalImage } from './queries.js';

/**
 * The RUNs whose layers end up in the final image: those of the last stage and of the stages it builds on,
 * and ONBUILD RUNs (they run in the images built from this one). A cache left in a builder stage costs
 * nothing in the image that ships.
 */
export function finalImageRuns(doc: DockerfileDoc): RunInstruction[] {
  const runs = doc.stages.filter(reachesFinalImage).flatMap((s) => s.find('RUN'));
  for (const t of doc.triggers) if (t.keyword === 'RUN') runs.push(t);
  return runs;
}

/** The fix when it can be applied to the RUN as written: shell form, or inside a string of exec form (`sh -c "…"`). */
export function safeFix(run: RunInstruction, fix: Fix): Fix | undefined {
  if (run.form !== 'exec') return fix;
  const [start, end] = fix.range;
  return (run.argv ?? []).some((t) => start > t.span.start && end < t.span.end && !/["\\]/.test(fix.text)) ? fix : undefined;
}

/** True when a cache or tmpfs mount of the RUN covers one of `dirs`. */
export function runCacheMounted(run: RunInstruction, dirs: readonly string[]): boolean {
  return cacheMounted(run.mounts, dirs);
}

/** A package tool whose cache must be cleaned in the RUN that fills it. */
export interface CacheCleanup {
  /** True for a command that downloads packages or metadata into the cache. */
  fills(cmd: ShellCommand): boolean;
  /** True for a command that empties the cache (`yum clean all`, `rm -rf /var/cache/yum`). */
  cleans(cmd: ShellCommand): boolean;
  /** The cache directories: a cache or tmpfs mount on one of them keeps the cache out of the layer. */
  dirs: readonly string[];
  /** Other ways a RUN keeps the cache out of its layer (a mount on a configured cache folder). */
  keptOut?(run: RunInstruction): boolean;
  /** Where to report: the filling command's name and action. */
  span(cmd: ShellCommand): Span;
  message(cmd: ShellCommand): string;
}

/**
 * Reports, for each RUN of the final image, the last command that fills the cache when nothing after it in
 * the same RUN empties the cache (a later RUN cannot shrink the layer), unless a mount keeps it out.
 */
export function reportUncleanedCache(ctx: RuleContext<DockerfileDoc>, spec: CacheCleanup): void {
  for (const run of finalImageRuns(ctx.doc)) {
    const commands = run.script?.commands;
    if (!commands || runCacheMounted(run, spec.dirs) || spec.keptOut?.(run)) continue;
    const fills = commands.filter((c) => spec.fills(c));
    const last = fills[fills.length - 1];
    if (!last || commands.some((c) => c.index > last.index && spec.cleans(c))) continue;
    ctx.report({ message: spec.message(last), span: spec.span(last) });
  }
}

/** The caches of yum, dnf (4), dnf5, microdnf (/var/cache/yum) and tdnf; on RHEL 8+ yum is dnf. */
export const RPM_CACHE_DIRS: readonly string[] = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/tdnf'];

/** Where to report an rpm command: its name and action (`yum install`, `dnf group install`). */
export function rpmSpan(cmd: ShellCommand): Span {
  const action = rpmAction(cmd);
  return { start: cmd.nameWord!.span.start, end: (action[action.length - 1] ?? cmd.nameWord!).span.end };
}
