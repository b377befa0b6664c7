/** Instruction flags (`--mount=…`, `--from=…`, `--link`) and the parsed form of `RUN --mount`. */
import type { Flag } from 'dockerfile-ast';
import type { LineIndex } from '../../util/text.js';
import type { InstructionFlag, Mount } from './model.js';
import { rangeToSpan } from './positions.js';

export function toInstructionFlag(lines: LineIndex, flag: Flag): InstructionFlag {
  const valueRange = flag.getValueRange();
  const value = flag.getValue();
  return {
    name: flag.getName(),
    value: value ?? undefined,
    span: rangeToSpan(lines, flag.getRange()),
    nameSpan: rangeToSpan(lines, flag.getNameRange()),
    valueSpan: valueRange ? rangeToSpan(lines, valueRange) : undefined,
  };
}

/** Reads `--mount=type=cache,target=/root/.cache,sharing=locked` (BuildKit's CSV of key=value). */
export function parseMount(flag: InstructionFlag): Mount {
  const options: Record<string, string> = {};
  for (const field of splitCsv(flag.value ?? '')) {
    if (field === '') continue;
    const eq = field.indexOf('=');
    const key = (eq >= 0 ? field.slice(0, eq) : field).trim().toLowerCase();
    options[key] = eq >= 0 ? field.slice(eq + 1) : 'true';
  }
  const pick = (...keys: string[]) => keys.map((k) => options[k]).find((v) => v !== undefined);
  const ro = pick('readonly', 'ro');
  const rw = pick('readwrite', 'rw');
  return {
    type: (options['type'] ?? 'bind').toLowerCase(),
    target: pick('target', 'dst', 'destination'),
    source: pick('source', 'src'),
    from: options['from'],
    id: options['id'],
    sharing: options['sharing'],
    readonly: ro !== undefined ? ro !== 'false' : rw !== undefined ? rw === 'false' : false,
    options,
    flag,
  };
}

/** Splits a CSV record; double quotes group a field (`"target=/a,b"`) as Go's encoding/csv does. */
function splitCsv(value: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"') {
      if (quoted && value[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}
