import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// `policy-parse validate` end to end, through the built CLI (npm test builds it first; or run
// `npx tsc -p tsconfig.json`).

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin/policy-parse.cjs');
const SEED_000 = join(ROOT, 'fixtures/seeds/000_3c8f4dc52bde6ae2.txt');
const SEED_003 = join(ROOT, 'fixtures/seeds/003_d25d4ccf3a63151e.txt');

interface Run { code: number; stdout: string; stderr: string }

function cli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): Promise<Run> {
  return new Promise((res) => {
    const env = { ...process.env, ...opts.env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    if (!opts.env || !('FORCE_COLOR' in opts.env)) delete env.FORCE_COLOR;
    const child = execFile('node', [BIN, 'validate', ...args], { cwd: opts.cwd ?? ROOT, env, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      res({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
  });
}

/** The JSON report of a run; a failure shows the run's stderr (e.g. a dist being rebuilt meanwhile). */
function json(r: Run) {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`exit ${r.code}, stdout not JSON: ${r.stdout.slice(0, 200)}\nstderr: ${r.stderr.slice(0, 2000)}`);
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), 'pp-validate-'));

/** A small valid result with no findings under the default rules. */
function cleanResult() {
  const task = (n: number) => ({
    id: `t${n}`, number: String(n), sectionId: null, title: `任务${n}`, text: `任务${n}。`,
    units: [{ name: '县发展改革委', role: 'responsible' }],
    deadline: { raw: '2025年12月31日前', due: '2025-12-31', ongoing: false, precision: 'day' },
    targets: [], origin: { kind: 'measure', line: n + 10 },
  });
  return {
    schemaVersion: '1.0',
    source: { path: null, format: 'txt', sha256: 'a'.repeat(64), encoding: 'utf-8' },
    document: { title: 'XX县2025年工作方案', docNumber: null, issuer: null, issuedDate: '2025-03-01', recipients: [], year: 2025 },
    sections: [], tasks: [task(1), task(2), task(3)], warnings: [],
  };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/src/commands/validate.js'))) throw new Error('build first: npx tsc -p tsconfig.json');
});

describe('policy-parse validate', () => {
  it('seed 000: text report, exit 1 for its errors', async () => {
    const r = await cli([SEED_000]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fixtures/seeds/000_3c8f4dc52bde6ae2.txt');
    expect(r.stdout).toMatch(/182 {2}warning {2}task 6: responsible units differ/);
    expect(r.stdout).toMatch(/140 {2}error {4}task 4 is due 2025-07-31/);
    expect(r.stdout).toMatch(/✖ \d+ problems \(3 errors, \d+ warnings, \d+ info\) in 1 file/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // stdout is not a terminal
    expect(r.stderr).toBe('');
  });

  it('exit 0 when there are no errors; warnings fail only past --max-warnings', async () => {
    const d = tmp();
    const f = join(d, 'clean.json');
    writeFileSync(f, JSON.stringify(cleanResult(), null, 2));
    const clean = await cli([f]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('✔ no problems in 1 file');

    const r = cleanResult();
    r.tasks[1].units = []; // one task-without-unit warning
    writeFileSync(f, JSON.stringify(r, null, 2));
    expect((await cli([f])).code).toBe(0);
    expect((await cli([f, '--max-warnings', '1'])).code).toBe(0);
    expect((await cli([f, '--max-warnings', '0'])).code).toBe(1);
  });

  it('--rule changes levels: off removes findings, error fails the run', async () => {
    const off = await cli([SEED_000, '--format', 'json', '--rule', 'deadline-before-issue=off', '--rule', 'unparsed-text=off']);
    expect(off.code).toBe(0);
    const [report] = json(off);
    expect(report.findings.some((f: { rule: string }) => f.rule === 'deadline-before-issue' || f.rule === 'unparsed-text')).toBe(false);
    expect(report.counts.error).toBe(0);

    const warn = await cli([SEED_000, '--format', 'json', '--rule', 'deadline-before-issue=warning']);
    expect(warn.code).toBe(0);
    const w = json(warn)[0].findings.filter((f: { rule: string }) => f.rule === 'deadline-before-issue');
    expect(w.map((f: { severity: string }) => f.severity)).toEqual(['warning', 'warning', 'warning']);

    const strict = await cli([SEED_003, '--rule', 'task-without-deadline=error']);
    expect(strict.code).toBe(1);
  });

  it('reads policy-parse.config.json from the current directory, or --config FILE; --rule wins', async () => {
    const d = tmp();
    writeFileSync(join(d, 'policy-parse.config.json'), JSON.stringify({ rules: { 'deadline-before-issue': 'off' } }));
    expect((await cli([SEED_000], { cwd: d })).code).toBe(0);
    expect((await cli([SEED_000, '--rule', 'deadline-before-issue=error'], { cwd: d })).code).toBe(1);

    const other = join(d, 'strict.json');
    writeFileSync(other, JSON.stringify({ rules: { 'unit-alias': 'error' } }));
    const r = await cli([SEED_000, '--config', other, '--rule', 'deadline-before-issue=off', '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = json(r)[0].findings;
    expect(findings.filter((f: { rule: string }) => f.rule === 'unit-alias').map((f: { severity: string }) => f.severity)).toEqual(['error']);
  });

  it('usage errors exit 2 with a one-line message', async () => {
    const bad = [
      [[SEED_000, '--rule', 'no-such-rule=off'], /unknown rule "no-such-rule"/],
      [[SEED_000, '--rule', 'unit-alias=loud'], /unknown level "loud"/],
      [[SEED_000, '--config', '/nonexistent/config.json'], /config\.json: no such file/],
      [[SEED_000, '--max-warnings', 'many'], /--max-warnings/],
      [[SEED_000, '--format', 'xml'], /format/],
      [[], /missing FILE/],
    ] as const;
    for (const [args, message] of bad) {
      const r = await cli([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('an unreadable file exits 2, and the other files are still reported', async () => {
    const d = tmp();
    const notJson = join(d, 'truncated.json');
    writeFileSync(notJson, '{"schemaVersion": "1.0", "tasks": [');
    const r = await cli([join(d, 'missing.txt'), SEED_003, notJson, d, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`policy-parse: ${join(d, 'missing.txt')}: no such file`);
    expect(r.stderr).toMatch(/truncated\.json: not valid JSON/);
    expect(r.stderr).toContain(`policy-parse: ${d}: is a directory, not a file`);
    const reports = json(r);
    expect(reports.map((x: { file: string; error?: string }) => [x.file, x.error ?? null])).toEqual([
      [join(d, 'missing.txt'), 'no such file'],
      [SEED_003, null],
      [notJson, expect.stringMatching(/^not valid JSON/)],
      [d, 'is a directory, not a file'],
    ]);
    expect(reports[1].findings.length).toBeGreaterThan(0);
  });

  it('a broken result JSON names the JSON path of each schema failure', async () => {
    const d = tmp();
    const r = cleanResult() as any;
    for (let i = 4; i <= 13; i++) r.tasks.push({ ...r.tasks[0], id: `t${i}`, number: String(i) });
    r.tasks[12].deadline = { ...r.tasks[12].deadline, due: '2025年12月' };
    r.tasks[2].origin.kind = 'paragraph';
    const f = join(d, 'broken.json');
    const text = JSON.stringify(r, null, 2);
    writeFileSync(f, text);
    const out = await cli([f, '--format', 'json']);
    expect(out.code).toBe(1);
    const [report] = json(out);
    expect(report.kind).toBe('result');
    const messages = report.findings.map((x: { message: string }) => x.message);
    expect(messages).toContain('tasks[12].deadline.due: expected YYYY-MM-DD');
    expect(messages.some((m: string) => m.startsWith('tasks[2].origin.kind: '))).toBe(true);
    const due = report.findings.find((x: { message: string }) => x.message.startsWith('tasks[12]'));
    expect(due).toMatchObject({ rule: 'schema', severity: 'error', taskId: 't13' });
    expect(text.split('\n')[due.line - 1]).toContain('"due": "2025年12月"');

    // A file whose text starts with { is a result even without the .json extension.
    const noExt = join(d, 'result.out');
    writeFileSync(noExt, text);
    expect(json(await cli([noExt, '--format', 'json']))[0].kind).toBe('result');
  });

  it('a result JSON is linted like its document, with lines in the JSON file', async () => {
    const d = tmp();
    const parsed = await new Promise<string>((res, rej) =>
      execFile('node', [BIN, SEED_000], { cwd: ROOT, maxBuffer: 64 << 20 }, (e, so) => (e ? rej(e) : res(so))));
    const f = join(d, '000.json');
    writeFileSync(f, parsed);
    const out = await cli([f, '--format', 'json']);
    expect(out.code).toBe(1);
    const [report] = json(out);
    const mismatch = report.findings.find((x: { rule: string; message: string }) => x.rule === 'body-table-mismatch' && x.message.startsWith('task 6:'));
    // The source document is found through source.path (its sha256 matches), so the body is compared too.
    expect(mismatch).toBeDefined();
    expect(mismatch.sourceLine).toBe(182);
    const lines = parsed.split('\n');
    expect(lines[mismatch.line - 1].trim()).toBe('{');
    expect(lines[mismatch.line]).toContain(`"id": "${mismatch.taskId}"`);

    // From stdin.
    const viaStdin = await cli(['-', '--format', 'json'], { input: parsed });
    expect(json(viaStdin)[0].findings.length).toBe(report.findings.length);
  });

  it('--format github prints workflow annotations', async () => {
    const r = await cli([SEED_000, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=[^,:]+(,line=\d+)?,title=[a-z-]+::\S/);
    expect(lines).toContain(`::error file=${SEED_000},line=140,title=deadline-before-issue::task 4 is due 2025-07-31 (“2025年7月31日前”), before the document was issued on 2025-08-15`);
  });

  it('--format sarif prints SARIF 2.1.0 with the rules', async () => {
    const d = tmp();
    const out = join(d, 'report.sarif');
    const r = await cli([SEED_000, '--format', 'sarif', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('policy-parse');
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('body-table-mismatch');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'deadline-before-issue');
    expect(result).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: SEED_000 }, region: { startLine: 140 } } }] });
  });

  it('colours: only on a terminal or with FORCE_COLOR; never with --no-color or NO_COLOR', async () => {
    const esc = /\u001b\[/;
    expect((await cli([SEED_000], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } })).stdout).toMatch(esc);
    expect((await cli([SEED_000, '--no-color'], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } })).stdout).not.toMatch(esc);
    expect((await cli([SEED_000], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(esc);
  });

  it('--help documents the exit codes and points to --list-rules, which lists the rules', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 {2}no errors/);
    expect(help.stdout).toMatch(/ {2}1 {2}errors found, or more warnings than --max-warnings N/);
    expect(help.stdout).toMatch(/ {2}2 {2}bad usage/);
    expect(help.stdout).toContain('--list-rules');
    expect(help.stdout).toContain('policy-parse.config.json');
    const list = await cli(['--list-rules']);
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n')).toHaveLength(10);
  });
});
