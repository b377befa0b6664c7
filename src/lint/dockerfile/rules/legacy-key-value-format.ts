import { defineRule, type Fix } from '../../engine/types.js';
import type { DockerfileDoc, KeyValue } from '../model.js';

/** True when `raw` has a space or tab outside quotes (so it is several words in the `K=v` form). */
function hasUnquotedSpace(raw: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && quote !== "'") i++;
    else if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ' ' || c === '\t') return true;
  }
  return quote !== undefined;
}

/** `ENV K v` → `ENV K=v` (or `K="v w"`), when the value is on one line and the rewrite keeps it. */
function fixOf(text: string, pair: KeyValue): Fix | undefined {
  if (!pair.value) return undefined;
  const raw = text.slice(pair.value.span.start, pair.value.span.end);
  if (raw.includes('\n')) return undefined;
  const gap: [number, number] = [pair.name.span.end, pair.value.span.start];
  if (!hasUnquotedSpace(raw)) return { range: gap, text: '=' };
  if (/["'\\]/.test(raw)) return undefined;
  return { range: [gap[0], pair.value.span.end], text: `="${raw}"` };
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/legacy-key-value-format',
    kind: 'dockerfile',
    severity: 'info',
    description: 'ENV or LABEL uses the legacy `KEY value` form instead of `KEY=value`.',
    rationale:
      'In the legacy form everything after the key is one value, spaces included: `ENV PATH /opt/bin $PATH` sets ' +
      'PATH to "/opt/bin <old PATH>", and a later edit to `ENV A 1 B 2` sets A to "1 B 2". The `KEY=value` form ' +
      'says where a value ends and allows several pairs. Docker has deprecated the legacy form and BuildKit warns ' +
      '(LegacyKeyValueFormat). hadolint has no such rule. The build still works (many official images use the ' +
      'legacy form), so this is information, not a warning.',
    howToFix:
      'Write `ENV KEY=value`, quoting a value with spaces: `ENV OPTS="-Xmx1g -Xms1g"` (`--fix` does it for one-line values; ' +
      'for a value continued over several lines, mind the leading spaces the legacy form kept).',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1\n', output: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\n' },
        { code: 'FROM eclipse-temurin:21-jre\nENV JAVA_OPTS -Xmx1g -Xms1g\n', output: 'FROM eclipse-temurin:21-jre\nENV JAVA_OPTS="-Xmx1g -Xms1g"\n', note: 'a value with spaces' },
        { code: 'FROM alpine:3.20\nLABEL maintainer "Jane Doe"\n', output: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe"\n' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 JAVA_OPTS="-Xmx1g -Xms1g"\n' },
        { code: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe"\nARG VERSION\n' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    for (const ins of [...doc.find('ENV', { triggers: true }), ...doc.find('LABEL', { triggers: true })]) {
      for (const pair of ins.pairs) {
        if (!pair.legacy) continue;
        const fix = fixOf(doc.text, pair);
        ctx.report({
          message: `\`${ins.keyword} ${pair.name.value} …\` uses the legacy form, where the rest of the line is the value; write \`${pair.name.value}=…\` (quote a value with spaces)`,
          span: pair.name.span,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
