// jieba's dictionary, loaded a few words at a time: only the words the texts being cut contain.
//
// Building jieba's trie from all 350,000 words costs ~150–250 ms and ~50 MB, most of what a
// one-file parse costs, yet a 45 KB plan contains ~2,000 of them. Only dictionary words that occur
// in a text can change how jieba cuts it, so before each cut the words occurring in the text are
// looked up in a hash table built at build time (`npm run build`) and the missing ones are added
// to jieba. jieba's route scores divide by the dictionary's total frequency, so one extra entry,
// a private-use character no route can pass through, carries the frequency of the words not yet
// loaded and keeps the total at the full dictionary's: the cuts and tags are identical (tested on
// every fixture paragraph, with and without HMM).
//
// The user dictionary is merged in at build time the way jieba's loadDict merges it: a word it
// adds is appended; for a word the main dictionary has, loadDict takes the new frequency but
// keeps the old tag.

const MAGIC = 0x5050_4a44; // "PPJD"
const FORMAT_VERSION = 1;
/** The filler word. Private-use: jieba never puts it in a multi-character word, so it cannot change a route. */
export const FILLER = '\ue000';

// Hash table slots pack a line number (+1, so 0 is empty) in the low 20 bits and 12 bits of the
// hash above it to skip most foreign entries of a probe chain. A false match only loads a word
// the text does not contain, which changes nothing.
const LINE_BITS = 20;
const LINE_MASK = (1 << LINE_BITS) - 1;

export interface DictionaryIndex {
  /** Byte length of the main dictionary and sample hash of the user dictionary it was built from. */
  mainBytes: number;
  userHash: number;
  totalFreq: number;
  /** The merged dictionary's lines: line i is blob[lineStart[i] .. lineStart[i+1]], newline included. */
  blob: Uint8Array;
  lineStart: Uint32Array;
  /** Frequency of each line. */
  freq: Uint32Array;
  table: Uint32Array;
  /** Longest word (UTF-16 units) starting with each UTF-16 unit; 0 when none does. */
  maxLength: Uint8Array;
}

/** A cheap fingerprint of a file: its length and 4,096 evenly spaced bytes. */
export function sampleHash(bytes: Uint8Array): number {
  let h = 0x811c9dc5 ^ bytes.length;
  const step = Math.max(1, Math.floor(bytes.length / 4096));
  for (let i = 0; i < bytes.length; i += step) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const step = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193);

/** 32-bit FNV-1a of a string's UTF-16 units (the index's word hash; also used to name files). */
export function fnv1a(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = step(h, word.charCodeAt(i));
  return h >>> 0;
}

interface Entry { word: string; freq: number; tag: string | undefined }

function entries(bytes: Uint8Array): Entry[] {
  const out: Entry[] = [];
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    const [word, freq, tag] = line.trim().split(/\s+/);
    if (word) out.push({ word, freq: Number(freq) || 0, tag });
  }
  return out;
}

/** Build the index (at build time: it decodes the whole dictionary). */
export function buildDictionaryIndex(main: Uint8Array, user: Uint8Array): DictionaryIndex {
  const merged = new Map<string, Entry>();
  for (const e of entries(main)) merged.set(e.word, e);
  for (const e of entries(user)) {
    const old = merged.get(e.word);
    merged.set(e.word, old ? { word: e.word, freq: e.freq, tag: old.tag } : e);
  }
  if (merged.has(FILLER)) throw new Error('the dictionary contains the filler word U+E000');
  const words = [...merged.values()];
  if (words.length >= LINE_MASK) throw new Error(`dictionary too large for the index (${words.length} words)`);
  const encoder = new TextEncoder();
  const lines = words.map((e) => encoder.encode(`${[e.word, e.freq, e.tag].filter((x) => x !== undefined).join(' ')}\n`));
  const blob = new Uint8Array(lines.reduce((n, l) => n + l.length, 0));
  const lineStart = new Uint32Array(words.length + 1);
  let at = 0;
  lines.forEach((l, i) => { lineStart[i] = at; blob.set(l, at); at += l.length; });
  lineStart[words.length] = at;
  let bits = 10;
  while ((1 << bits) < words.length * 1.4) bits++;
  const table = new Uint32Array(1 << bits);
  const mask = table.length - 1;
  const maxLength = new Uint8Array(65536);
  words.forEach((e, i) => {
    if (e.word.length > 255) throw new Error(`dictionary word longer than 255 units: ${e.word}`);
    const first = e.word.charCodeAt(0);
    if (e.word.length > maxLength[first]) maxLength[first] = e.word.length;
    const h = fnv1a(e.word);
    let p = h & mask;
    while (table[p] !== 0) p = (p + 1) & mask;
    table[p] = (((h >>> LINE_BITS) & 0xfff) << LINE_BITS | (i + 1)) >>> 0;
  });
  return {
    mainBytes: main.length, userHash: sampleHash(user), totalFreq: words.reduce((n, e) => n + e.freq, 0),
    blob, lineStart, freq: Uint32Array.from(words, (e) => e.freq), table, maxLength,
  };
}

// Layout: magic, header length, JSON header, then the arrays, each starting 8-byte aligned.
export function serializeDictionaryIndex(index: DictionaryIndex): Buffer {
  const header = Buffer.from(JSON.stringify({
    version: FORMAT_VERSION, mainBytes: index.mainBytes, userHash: index.userHash,
    totalFreq: index.totalFreq, lines: index.freq.length, tableSize: index.table.length, blobBytes: index.blob.length,
  }));
  const pad = (n: number) => Buffer.alloc((8 - (n % 8)) % 8);
  const head = Buffer.alloc(8);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(header.length, 4);
  const parts: Buffer[] = [head, header, pad(header.length)];
  for (const a of [index.freq, index.lineStart, index.table, index.maxLength, index.blob]) {
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength), pad(a.byteLength));
  }
  return Buffer.concat(parts);
}

export function deserializeDictionaryIndex(buf: Uint8Array): DictionaryIndex {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a dictionary index');
  const headerLength = view.getUint32(4, true);
  const h = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + headerLength))) as {
    version: number; mainBytes: number; userHash: number; totalFreq: number;
    lines: number; tableSize: number; blobBytes: number;
  };
  if (h.version !== FORMAT_VERSION) throw new Error(`dictionary index version ${h.version}, expected ${FORMAT_VERSION}`);
  let at = 8 + headerLength + ((8 - (headerLength % 8)) % 8);
  // Views on the buffer where it is aligned (a file read whole is), copies where not.
  const take = (unit: number, count: number): [ArrayBufferLike, number, number] => {
    const bytes = unit * count;
    if (at + bytes > buf.byteLength) throw new Error('dictionary index is truncated');
    let source: Uint8Array = buf.subarray(at, at + bytes);
    if (source.byteOffset % unit !== 0) source = new Uint8Array(source);
    at += bytes + ((8 - (bytes % 8)) % 8);
    return [source.buffer, source.byteOffset, count];
  };
  const freq = new Uint32Array(...take(4, h.lines));
  const lineStart = new Uint32Array(...take(4, h.lines + 1));
  const table = new Uint32Array(...take(4, h.tableSize));
  const maxLength = new Uint8Array(...take(1, 65536));
  const blob = new Uint8Array(...take(1, h.blobBytes));
  return {
    mainBytes: h.mainBytes, userHash: h.userHash, totalFreq: h.totalFreq, blob, lineStart, freq, table, maxLength,
  };
}

/**
 * Whether an index was built from these dictionaries: the main dictionary by its byte size (reading
 * it whole to check would cost much of what the index saves; a new jieba release that changes its
 * dictionary changes its size), the small user dictionary by its content.
 */
export function indexMatches(index: DictionaryIndex, mainBytes: number, user: Uint8Array): boolean {
  return index.mainBytes === mainBytes && index.userHash === sampleHash(user);
}

/** Hands out, text by text, the dictionary lines jieba still lacks. */
export class LazyDictionary {
  private readonly loaded: Uint8Array;
  private loadedFreq = 0;
  private loadedCount = 0;

  constructor(private readonly index: DictionaryIndex) {
    this.loaded = new Uint8Array(index.freq.length);
  }

  /** Words handed out so far. */
  get size(): number {
    return this.loadedCount;
  }

  /**
   * Dictionary text (for jieba's loadDict) with the words occurring in `text` that were not
   * handed out yet, and the filler entry with the frequency still missing from the total;
   * null when every word of `text` is already loaded.
   */
  linesFor(text: string): Uint8Array | null {
    const { table, maxLength, freq } = this.index;
    const mask = table.length - 1;
    const fresh: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const longest = Math.min(maxLength[text.charCodeAt(i)], text.length - i);
      let h = FNV_OFFSET;
      for (let n = 0; n < longest; n++) {
        h = step(h, text.charCodeAt(i + n));
        const check = ((h >>> LINE_BITS) & 0xfff);
        for (let p = (h >>> 0) & mask; table[p] !== 0; p = (p + 1) & mask) {
          const slot = table[p];
          if (slot >>> LINE_BITS !== check) continue;
          const line = (slot & LINE_MASK) - 1;
          if (this.loaded[line] === 0) {
            this.loaded[line] = 1;
            this.loadedFreq += freq[line];
            fresh.push(line);
          }
        }
      }
    }
    if (fresh.length === 0) return null;
    this.loadedCount += fresh.length;
    return this.render(fresh);
  }

  private render(lines: number[]): Uint8Array {
    const { blob, lineStart } = this.index;
    const filler = new TextEncoder().encode(`${FILLER} ${this.index.totalFreq - this.loadedFreq} x\n`);
    let size = filler.length;
    for (const l of lines) size += lineStart[l + 1] - lineStart[l];
    const out = new Uint8Array(size);
    let at = 0;
    for (const l of lines) {
      out.set(blob.subarray(lineStart[l], lineStart[l + 1]), at);
      at += lineStart[l + 1] - lineStart[l];
    }
    out.set(filler, at);
    return out;
  }
}
