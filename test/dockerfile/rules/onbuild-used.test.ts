import { describe, expect, test } from 'vitest';
import { hits } from './helpers.js';

const rule = 'onbuild-used';

describe(rule, () => {
  test('once per stage, at the first ONBUILD, naming what it defers', async () => {
    const text = 'FROM a:1 AS one\nONBUILD COPY . /app\nONBUILD RUN make\nFROM b:2\nONBUILD RUN pip install --no-cache-dir -r /app/requirements.txt --upgrade-strategy eager\n';
    const found = await hits(rule, text);
    expect(found.map((h) => h.at)).toEqual(['ONBUILD', 'ONBUILD']);
    expect(found[0]!.message).toContain('`COPY . /app` and 1 more ONBUILD instruction ');
    expect(found[1]!.message).toContain("`RUN pip install --no-cache-dir -r /app/requ…`");
  });
});
