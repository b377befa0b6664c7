/**
 * Helpers for gitlab-ci rules: report at a node wherever it is written, and report the shared
 * structure problems of one kind.
 */
import type { Report, RuleContext, SourceFile, Span } from '../../engine/types.js';
import type { StructureProblem } from '../keywords/check.js';
import type { Area, ProblemCategory } from '../keywords/types.js';
import { structureProblems } from '../keywords/structure.js';
import type { GitlabCiDoc } from '../model/types.js';

/**
 * The `span` (and `file`, when it is not the linted file) of a node or problem, for `ctx.report`:
 *   ctx.report({ message, ...at(ctx, job.key) })
 */
export function at(ctx: RuleContext<GitlabCiDoc>, where: { file: SourceFile; span: Span }): Pick<Report, 'span' | 'file'> {
  return where.file.path === ctx.file.path ? { span: where.span } : { span: where.span, file: where.file };
}

/**
 * A reporter that reports each place once. A template's value reaches every job that extends it;
 * check jobs one by one and report through this, and the template's line is reported once:
 *   const report = reportOnce(ctx);
 *   for (const job of ctx.doc.jobs) if (bad(job.stageNode)) report(job.stageNode, `…`);
 */
export function reportOnce(ctx: RuleContext<GitlabCiDoc>): (where: { file: SourceFile; span: Span }, message: string) => void {
  const seen = new Set<string>();
  return (where, message) => {
    const id = `${where.file.path}\u0000${where.span.start}\u0000${where.span.end}`;
    if (seen.has(id)) return;
    seen.add(id);
    ctx.report({ message, ...at(ctx, where) });
  };
}

/** Report the structure problems of some categories and area (no area = the generic ones). */
export function reportStructure(ctx: RuleContext<GitlabCiDoc>, categories: readonly ProblemCategory[] | 'all', area: Area | undefined): void {
  for (const problem of structureProblems(ctx.doc)) {
    if (!matches(problem, categories, area)) continue;
    ctx.report({ message: problem.message, ...at(ctx, problem) });
  }
}

function matches(problem: StructureProblem, categories: readonly ProblemCategory[] | 'all', area: Area | undefined): boolean {
  if (problem.area !== area) return false;
  return categories === 'all' || categories.includes(problem.category);
}
