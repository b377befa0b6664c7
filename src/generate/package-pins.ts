/**
 * Distribution packages (apt, apk) in generated Dockerfiles are not version-pinned unless the
 * descriptor pins them (`systemPackages: ["libpq5=15.10-0+deb12u1"]`): Debian and Alpine mirrors
 * drop superseded builds, so a pin written by slipway would break the build within weeks, while the
 * pinned base image already fixes the distribution release. slipway's own pin rules report such
 * packages (info), so the generator says so where it happens: it asks the linter which `RUN`s
 * install unpinned packages and puts a reasoned `# slipway-ignore` on the line before each of them.
 * Using the rules themselves keeps the two from disagreeing, and no note is written where nothing
 * is unpinned (an unused suppression would be reported).
 */
const PIN_RULES = ['dockerfile/apt-package-unpinned', 'dockerfile/apk-package-unpinned'] as const;

const REASON: Record<(typeof PIN_RULES)[number], string> = {
  'dockerfile/apt-package-unpinned':
    'Debian packages follow the pinned base image; pin one in slipway.yaml (name=version) for an exact build',
  'dockerfile/apk-package-unpinned':
    'Alpine packages follow the pinned base image; pin one in slipway.yaml (name=version) for an exact build',
};

/** `body` (a rendered Dockerfile) with a suppression note before each RUN that installs unpinned packages. */
export async function notePackagePins(body: string): Promise<string> {
  const { lintText } = await import('../lint/index.js');
  const findings = await lintText(body, { kind: 'dockerfile', filename: 'Dockerfile', only: PIN_RULES });
  const lines = body.split('\n');
  const notes = new Map<number, Set<(typeof PIN_RULES)[number]>>();
  for (const f of findings) {
    if (!(PIN_RULES as readonly string[]).includes(f.ruleId)) continue;
    // The instruction starts at the nearest line above that is not a continuation (templates indent those).
    let start = f.line - 1;
    while (start > 0 && /^\s/.test(lines[start]!)) start--;
    const set = notes.get(start) ?? new Set();
    set.add(f.ruleId as (typeof PIN_RULES)[number]);
    notes.set(start, set);
  }
  if (notes.size === 0) return body;
  const out: string[] = [];
  lines.forEach((line, i) => {
    for (const rule of notes.get(i) ?? []) out.push(`# slipway-ignore ${rule} -- ${REASON[rule]}`);
    out.push(line);
  });
  return out.join('\n');
}
