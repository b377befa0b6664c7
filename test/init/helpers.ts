import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Prompter } from '../../src/init/prompt.js';

/** A temporary repository holding `files` (path → content). */
export function makeRepo(files: Record<string, string>, name = 'repo'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'slipway-init-')), name);
  mkdirSync(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export const FLASK_APP = `from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
`;

/** A prompter that gives `answers` in turn (an empty answer takes the default) and records what it was asked and warned. */
export function recordingPrompter(answers: string[]): { prompter: Prompter; asked: string[]; warned: string[] } {
  const asked: string[] = [];
  const warned: string[] = [];
  const prompter: Prompter = {
    ask: async (question, def) => {
      asked.push(`${question} [${def}]`);
      return answers.shift() || def;
    },
    warn: (m) => warned.push(m),
  };
  return { prompter, asked, warned };
}
