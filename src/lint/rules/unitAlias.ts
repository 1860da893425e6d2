import type { Task } from '../../result/schema.js';
import type { Finding, Rule } from '../types.js';
import { quote, taskFinding } from '../finding.js';
import { unitKeys } from '../unitKey.js';

/**
 * One body spelled two ways in one document: 县发改委 / 县发展改革委 (the alias rules of
 * src/extract/aliases), or with and without its level prefix (公共资源交易监督事务中心 /
 * 县公共资源交易监督事务中心).
 */
export const unitAlias: Rule = {
  id: 'unit-alias',
  severity: 'warning',
  description: 'the same unit is spelled two ways in one document (县发改委 / 县发展改革委)',
  check(result) {
    const uses = new Map<string, Task[]>();
    for (const t of result.tasks) {
      for (const name of new Set(t.units.map((u) => u.name))) {
        if (!uses.has(name)) uses.set(name, []);
        uses.get(name)!.push(t);
      }
    }
    const keys = unitKeys(uses.keys());
    const groups = new Map<string, string[]>();
    for (const [name, key] of keys) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(name);
    }
    const out: Finding[] = [];
    for (const names of groups.values()) {
      if (names.length < 2) continue;
      // The most used spelling is the document's own; each other spelling is reported where it first appears.
      names.sort((a, b) => uses.get(b)!.length - uses.get(a)!.length || uses.get(a)![0].origin.line - uses.get(b)![0].origin.line);
      const main = names[0];
      for (const other of names.slice(1)) {
        const tasks = uses.get(other)!;
        const n = (k: number) => `${k} task${k === 1 ? '' : 's'}`;
        out.push(taskFinding(unitAlias, result, tasks[0],
          `${quote(other)} (${n(tasks.length)}) and ${quote(main)} (${n(uses.get(main)!.length)}) appear to name the same unit`));
      }
    }
    return out;
  },
};
