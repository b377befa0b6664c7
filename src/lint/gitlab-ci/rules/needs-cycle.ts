import { defineRule } from '../../engine/types.js';
import type { CiJob, GitlabCiDoc } from '../model/types.js';
import type { YScalar } from '../yaml/nodes.js';
import { namedJob, stageIndex } from '../support/job-order.js';
import { reportOnce } from '../support/report.js';

interface Edge {
  to: CiJob;
  /** The need as written (reported for the cycle's first edge). */
  node: YScalar;
}

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/needs-cycle',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'Jobs whose `needs:` form a cycle (a job needing itself, or `a` needs `b` needs `a`).',
    rationale:
      'GitLab refuses the pipeline ("The pipeline has circular dependencies"): no job of the cycle could ever start. Since jobs may need jobs of their own stage, a cycle can hide among same-stage jobs. The message shows the whole cycle; a need of a later-stage job is reported by gitlab-ci/needs-later-stage instead.',
    howToFix: 'Remove the need that points back: decide which job of the cycle runs first.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'lint:\n  script: make lint\n  needs: [unit]\nunit:\n  script: make test\n  needs: [lint]\n' },
        { code: 'a:\n  script: make a\n  needs: [c]\nb:\n  script: make b\n  needs: [a]\nc:\n  script: make c\n  needs: [b]\n' },
      ],
      good: [
        { code: 'lint:\n  script: make lint\nunit:\n  script: make test\n  needs: [lint]\n' },
        { code: 'a:\n  script: make a\nb:\n  script: make b\n  needs: [a]\nc:\n  script: make c\n  needs: [a, b]\n' },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    const report = reportOnce(ctx);
    const edges = new Map<CiJob, Edge[]>();
    for (const job of doc.jobs) {
      const out: Edge[] = [];
      const mine = stageIndex(doc, job);
      for (const need of job.needs ?? []) {
        if (need.kind !== 'job' || !need.job || typeof need.job.value !== 'string') continue;
        const to = namedJob(doc, need.job.value);
        if (!to) continue;
        const theirs = stageIndex(doc, to);
        // A later-stage need is an error of its own (needs-later-stage).
        if (mine !== undefined && theirs !== undefined && theirs > mine) continue;
        out.push({ to, node: need.job });
      }
      edges.set(job, out);
    }
    // Iterative depth-first search; each cycle is reported once, at its first job in file order.
    const state = new Map<CiJob, 'open' | 'done'>();
    const reported = new Set<string>();
    for (const start of doc.jobs) {
      if (state.has(start)) continue;
      const path: CiJob[] = [];
      const stack: Array<{ job: CiJob; next: number }> = [{ job: start, next: 0 }];
      state.set(start, 'open');
      path.push(start);
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const out = edges.get(top.job) ?? [];
        if (top.next >= out.length) {
          state.set(top.job, 'done');
          stack.pop();
          path.pop();
          continue;
        }
        const edge = out[top.next++]!;
        const seen = state.get(edge.to);
        if (seen === undefined) {
          state.set(edge.to, 'open');
          path.push(edge.to);
          stack.push({ job: edge.to, next: 0 });
        } else if (seen === 'open') {
          const cycle = path.slice(path.indexOf(edge.to));
          const key = [...cycle].map((j) => j.name).sort().join('\u0000');
          if (reported.has(key)) continue;
          reported.add(key);
          reportCycle(cycle);
        }
      }
    }

    function reportCycle(cycle: CiJob[]) {
      // Start at the job written first, and report its need of the next job of the cycle.
      const order = doc.jobs;
      let first = 0;
      for (let i = 1; i < cycle.length; i++) if (order.indexOf(cycle[i]!) < order.indexOf(cycle[first]!)) first = i;
      const ring = [...cycle.slice(first), ...cycle.slice(0, first)];
      const from = ring[0]!;
      const to = ring[1 % ring.length]!;
      const edge = (edges.get(from) ?? []).find((e) => e.to === to)!;
      const path = [...ring, from].map((j) => `\`${j.name}\``).join(' → ');
      const what = ring.length === 1 ? `job \`${from.name}\` needs itself` : `\`needs:\` form a cycle: ${path}`;
      report(edge.node, `${what}; GitLab refuses the pipeline ("The pipeline has circular dependencies") as no job of the cycle can start: remove the need that points back`);
    }
  },
});
