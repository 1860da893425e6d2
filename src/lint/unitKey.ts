import { canonicalUnit } from '../extract/aliases.js';

// Comparing unit names: two spellings are the same body when the alias rules give them the same
// canonical name (县发改委 / 县发展改革委), or when one is the other without its level prefix and
// no other level is named with that stem (公共资源交易监督事务中心 / 县公共资源交易监督事务中心).

const LEVEL_PREFIX = /^(?:县级|市级|区级|省级|县|市|区|省|镇|乡)(?=[\u4e00-\u9fa5]{3,})/;

/** The canonical spelling from the alias rules; falls back to the trimmed name. */
export function canonical(name: string): string {
  try {
    return canonicalUnit(name);
  } catch {
    return name.replace(/\s+/g, '');
  }
}

/**
 * A grouping key for every name of one document: canonical name, and names printed without a
 * level prefix joined to the one prefixed name with the same stem (only when exactly one level uses it).
 */
export function unitKeys(names: Iterable<string>): Map<string, string> {
  const all = [...new Set(names)];
  const keyOf = new Map(all.map((n) => [n, canonical(n)]));
  const prefixedByStem = new Map<string, Set<string>>();
  for (const key of new Set(keyOf.values())) {
    const m = LEVEL_PREFIX.exec(key);
    if (!m) continue;
    const stem = key.slice(m[0].length);
    if (!prefixedByStem.has(stem)) prefixedByStem.set(stem, new Set());
    prefixedByStem.get(stem)!.add(key);
  }
  for (const [name, key] of keyOf) {
    const prefixed = prefixedByStem.get(key);
    if (prefixed && prefixed.size === 1 && !LEVEL_PREFIX.test(key)) keyOf.set(name, [...prefixed][0]);
  }
  return keyOf;
}
