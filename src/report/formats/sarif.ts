import type { Severity } from '../../lint/engine/types.js';
import type { Formatter } from '../context.js';
import { fingerprints } from '../fingerprint.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

/**
 * SARIF 2.1.0: one run of the tool `slipway` with the metadata of every rule that has a
 * result (description, rationale, how to fix, default level, aliases), results with regions
 * (UTF-16 columns, exclusive end), fixes as replacements, and the Code Quality fingerprint as
 * a partial fingerprint. URIs are relative to the repository root (`%SRCROOT%`).
 */
export const sarif: Formatter = (findings, ctx) => {
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i] as const));
  const prints = fingerprints(findings, ctx);
  const rules = ruleIds.map((id) => {
    const info = ctx.rule(id);
    return {
      id,
      shortDescription: { text: info?.description ?? id },
      ...(info ? { fullDescription: { text: info.rationale }, help: { text: info.howToFix } } : {}),
      defaultConfiguration: { level: LEVEL[info?.severity ?? 'warning'] },
      properties: { kind: info?.kind ?? 'unknown', aliases: info?.aliases ?? [], fixable: info?.fixable ?? false },
    };
  });
  const uri = (file: string) => encodeURI(ctx.repoPath(file));
  const results = findings.map((f, i) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId)!,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uri(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { 'slipway/v1': prints[i]! },
    ...(f.fix && f.fix.length > 0
      ? {
          fixes: [
            {
              description: { text: `Fix for ${f.ruleId}` },
              artifactChanges: [
                {
                  artifactLocation: { uri: uri(f.file), uriBaseId: '%SRCROOT%' },
                  replacements: f.fix.map((e) => ({
                    deletedRegion: { charOffset: e.range[0], charLength: e.range[1] - e.range[0] },
                    insertedContent: { text: e.text },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'slipway', version: ctx.toolVersion, semanticVersion: ctx.toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
