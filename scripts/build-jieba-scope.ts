import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildScopeIndex, serializeScopeIndex } from '../src/extract/dictionaryScope.js';
import { jiebaDictionaryPath, SCOPE_INDEX_FILE, scopeIndexPath, userDictionaryPath } from '../src/extract/segment.js';

// Part of `npm run build`: the index that lets a one-document parse load only the dictionary
// words the document can contain (see src/extract/dictionaryScope.ts).

const dict = readFileSync(jiebaDictionaryPath());
const user = readFileSync(userDictionaryPath());
const out = scopeIndexPath();
const index = buildScopeIndex(dict, user);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, serializeScopeIndex(index));
process.stdout.write(`${SCOPE_INDEX_FILE}: ${index.freq.length} lines, ${index.chars.length} characters\n`);
