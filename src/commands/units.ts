import { Command, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { Result, UnitRole } from '../result/schema.js';
import type { AliasTable, UnitCanon } from '../extract/aliases.js';

// `policy-parse units FILE…`: every responsible unit across the documents, with how many tasks
// it leads, cooperates on or is responsible for — spellings of one body grouped under one name.

export interface RoleCounts {
  lead: number;
  cooperate: number;
  responsible: number;
  /** Tasks that name the unit in any role (a task naming it twice counts once). */
  tasks: number;
}

export interface SpellingTally extends RoleCounts {
  /** The unit name as it appears in the results. */
  name: string;
}

export interface UnitGroup extends RoleCounts {
  /** The canonical name (alias table, else the generic stem rules). */
  canonical: string;
  /** Every spelling seen, most tasks first. */
  spellings: SpellingTally[];
}

const ROLES: UnitRole[] = ['lead', 'cooperate', 'responsible'];

const emptyCounts = (): RoleCounts => ({ lead: 0, cooperate: 0, responsible: 0, tasks: 0 });

/** Add one task's roles to a tally (each role once per task). */
function addTask(counts: RoleCounts, roles: Set<UnitRole>): void {
  for (const role of roles) counts[role]++;
  counts.tasks++;
}

const byTasks = <T extends RoleCounts & { name?: string; canonical?: string }>(a: T, b: T): number =>
  b.tasks - a.tasks || b.lead - a.lead || (a.canonical ?? a.name ?? '').localeCompare(b.canonical ?? b.name ?? '', 'zh');

/** Tally the units of several results, grouping spellings by `canon`. Pure: no I/O. */
export function tallyUnits(results: Result[], canon: UnitCanon): UnitGroup[] {
  const groups = new Map<string, { counts: RoleCounts; spellings: Map<string, RoleCounts> }>();
  for (const result of results) {
    for (const task of result.tasks) {
      // Roles per canonical name and per spelling within this task.
      const groupRoles = new Map<string, Set<UnitRole>>();
      const spellingRoles = new Map<string, Map<string, Set<UnitRole>>>();
      for (const unit of task.units) {
        const canonical = canon.canonical(unit.name);
        if (!groupRoles.has(canonical)) groupRoles.set(canonical, new Set());
        groupRoles.get(canonical)!.add(unit.role);
        const spellings = spellingRoles.get(canonical) ?? new Map<string, Set<UnitRole>>();
        spellingRoles.set(canonical, spellings);
        if (!spellings.has(unit.name)) spellings.set(unit.name, new Set());
        spellings.get(unit.name)!.add(unit.role);
      }
      for (const [canonical, roles] of groupRoles) {
        const group = groups.get(canonical) ?? { counts: emptyCounts(), spellings: new Map<string, RoleCounts>() };
        groups.set(canonical, group);
        addTask(group.counts, roles);
        for (const [name, nameRoles] of spellingRoles.get(canonical)!) {
          const tally = group.spellings.get(name) ?? emptyCounts();
          group.spellings.set(name, tally);
          addTask(tally, nameRoles);
        }
      }
    }
  }
  return [...groups].map(([canonical, g]): UnitGroup => ({
    canonical,
    ...g.counts,
    spellings: [...g.spellings].map(([name, c]) => ({ name, ...c })).sort(byTasks),
  })).sort(byTasks);
}

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const COLUMN = 13;
const padEndWidth = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
const padStartNum = (n: number, width: number): string => String(n).padStart(width);

/** A table: one line per canonical unit, its other spellings indented below it. */
export function renderUnitsText(groups: UnitGroup[]): string {
  if (!groups.length) return 'no units found\n';
  const label = (g: UnitGroup) => g.canonical;
  const spellingLabel = (s: SpellingTally) => `  = ${s.name}`;
  const nameWidth = Math.max(
    displayWidth('UNIT'),
    ...groups.flatMap((g) => [displayWidth(label(g)), ...g.spellings.map((s) => displayWidth(spellingLabel(s)))]),
  );
  const row = (name: string, c: RoleCounts) =>
    `${padEndWidth(name, nameWidth)}${ROLES.map((r) => padStartNum(c[r], COLUMN)).join('')}${padStartNum(c.tasks, COLUMN)}`;
  const lines = [`${padEndWidth('UNIT', nameWidth)}${['LEAD', 'COOPERATE', 'RESPONSIBLE', 'TASKS'].map((h) => h.padStart(COLUMN)).join('')}`];
  for (const g of groups) {
    lines.push(row(label(g), g));
    // Spellings are listed when the group has more than one, or its one spelling differs from the name shown.
    const listed = g.spellings.length > 1 || g.spellings[0]?.name !== g.canonical;
    if (listed) for (const s of g.spellings) lines.push(row(spellingLabel(s), s));
  }
  return `${lines.join('\n')}\n`;
}

export type UnitsFormat = 'text' | 'json';

export function renderUnits(groups: UnitGroup[], format: UnitsFormat, files: string[]): string {
  if (format === 'json') return `${JSON.stringify({ files, units: groups }, null, 2)}\n`;
  return renderUnitsText(groups);
}

/** Read a user's alias file; unreadable or malformed → a one-line InputError naming it. */
export async function readAliasFile(path: string): Promise<AliasTable> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (e) {
    const { fileErrorReason } = await import('../index.js');
    throw new InputError(path, fileErrorReason(e as NodeJS.ErrnoException));
  }
  const { parseAliasTable } = await import('../extract/aliases.js');
  try {
    return parseAliasTable(json, path);
  } catch (e) {
    throw new InputError(path, (e as Error).message.replace(`${path}: `, ''));
  }
}

export type ParseFile = (path: string) => Promise<Result>;

/** Default parser: the library's own `parse`, loaded when the command runs. */
const parseWithLibrary: ParseFile = async (path) => {
  const { parse } = await import('../index.js');
  return parse(path, { path });
};

export function registerUnits(program: Command, parseFile: ParseFile = parseWithLibrary): void {
  program
    .command('units')
    .description('list every responsible unit with its task counts as lead / cooperate / responsible')
    .argument('<files...>', 'documents to parse (.txt, .docx, .pdf, .html, .doc)')
    .option('--aliases <file>', 'extra alias table: {"canonical name": ["other spelling", …]}; its entries win')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', `
Spellings of one body (县发改委 / 县发展改革委 / 县发展和改革委员会) are grouped under one canonical
name, from generic rules and the alias table shipped in data/aliases.json.

Examples:
  policy-parse units plan1.docx plan2.pdf
  policy-parse units *.txt --aliases my-aliases.json --format json`)
    .action(async (files: string[], opts: { aliases?: string; format: UnitsFormat }) => {
      const { shippedAliases, UnitCanon } = await import('../extract/aliases.js');
      const tables = [shippedAliases()];
      if (opts.aliases) tables.push(await readAliasFile(opts.aliases));
      const results: Result[] = [];
      for (const file of files) results.push(await parseFile(file));
      process.stdout.write(renderUnits(tallyUnits(results, new UnitCanon(tables)), opts.format, files));
    });
}
