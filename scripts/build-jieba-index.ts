import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildDictionaryIndex, serializeDictionaryIndex } from '../src/extract/lazyDictionary.js';
import { DICTIONARY_INDEX_FILE, dictionaryIndexPath, jiebaDictionaryPath, userDictionaryPath } from '../src/extract/segment.js';

// Part of `npm run build`: the index that lets the segmenter load jieba's dictionary word by
// word (see src/extract/lazyDictionary.ts).

const index = buildDictionaryIndex(readFileSync(jiebaDictionaryPath()), readFileSync(userDictionaryPath()));
const out = dictionaryIndexPath();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, serializeDictionaryIndex(index));
process.stdout.write(`${DICTIONARY_INDEX_FILE}: ${index.freq.length} words, ${(index.table.length / 1024) | 0}K hash slots\n`);
