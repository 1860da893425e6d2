// A jieba dictionary cut down to one document, with segmentation identical to the full one.
//
// Building jieba's trie from the 350,000-word dictionary is most of what a one-file parse costs
// (~150–250 ms). Only dictionary words that occur in the text can change how jieba cuts it, and a
// word can only occur if every one of its characters does; so for one document jieba needs just the
// words made of the document's characters (~70,000 for a 45 KB plan). jieba's route scores divide
// by the dictionary's total frequency, so the cut-down dictionary carries one extra entry, a word no
// text can contain, whose frequency restores the full total. The words of the user dictionary are
// always kept, so that loading it over the cut-down dictionary changes the same entries as over
// the full one.
//
// Deciding which lines to keep must itself be cheap, so the build precomputes an index (the scope
// index): per dictionary line its byte range and the ids of its characters. Selecting lines is then
// a pass over small integer arrays, no text decoding.

const MAGIC = 0x5050_4a53; // "PPJS"
const FORMAT_VERSION = 1;

export interface ScopeIndex {
  /** Byte length and sample hash of the dictionary the index was built from. */
  dictBytes: number;
  dictHash: number;
  /** Sample hash of the user dictionary whose words are always kept. */
  userHash: number;
  /** Sum of all frequencies of the dictionary. */
  totalFreq: number;
  /** Characters by id. */
  chars: string[];
  /** Line i of the dictionary is bytes lineStart[i] .. lineStart[i+1]. */
  lineStart: Uint32Array;
  /** Its characters are ids[idStart[i] .. idStart[i+1]]; none for lines always kept. */
  idStart: Uint32Array;
  ids: Uint16Array;
  /** Sum of the frequencies of the lines always kept. */
  alwaysFreq: number;
  /** Frequency of each line (needed to restore the total). */
  freq: Uint32Array;
}

/** A cheap fingerprint of a file: its length and 4,096 evenly spaced bytes. */
export function sampleHash(bytes: Uint8Array): number {
  let h = 0x811c9dc5 ^ bytes.length;
  const step = Math.max(1, Math.floor(bytes.length / 4096));
  for (let i = 0; i < bytes.length; i += step) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h >>> 0;
}

/** The words of a jieba dictionary file (first field of each line). */
export function dictionaryWords(bytes: Uint8Array): Set<string> {
  const words = new Set<string>();
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    const word = line.trim().split(/\s+/)[0];
    if (word) words.add(word);
  }
  return words;
}

/** Build the index of a dictionary (at build time: it decodes the whole dictionary). */
export function buildScopeIndex(dict: Uint8Array, userDict: Uint8Array): ScopeIndex {
  const always = dictionaryWords(userDict);
  const text = new TextDecoder().decode(dict);
  const charIds = new Map<string, number>();
  const chars: string[] = [];
  const lineStart: number[] = [];
  const idStart: number[] = [];
  const ids: number[] = [];
  const freq: number[] = [];
  let totalFreq = 0;
  let alwaysFreq = 0;
  let offset = 0;
  const encoder = new TextEncoder();
  for (const line of text.split('\n')) {
    const bytes = encoder.encode(line).length + 1; // with its newline
    if (line.trim()) {
      const [word, f] = line.trim().split(/\s+/);
      const frequency = Number(f) || 0;
      lineStart.push(offset);
      idStart.push(ids.length);
      freq.push(frequency);
      totalFreq += frequency;
      if (always.has(word)) {
        alwaysFreq += frequency;
      } else {
        for (const c of new Set(word)) {
          let id = charIds.get(c);
          if (id === undefined) {
            id = chars.length;
            charIds.set(c, id);
            chars.push(c);
          }
          ids.push(id);
        }
      }
    }
    offset += bytes;
  }
  if (chars.length > 0xffff) throw new Error('dictionary has more than 65,535 distinct characters');
  if (freq.some((f) => f > 0xffffffff)) throw new Error('dictionary frequency above 2^32');
  lineStart.push(Math.min(offset, dict.length));
  idStart.push(ids.length);
  return {
    dictBytes: dict.length, dictHash: sampleHash(dict), userHash: sampleHash(userDict), totalFreq, alwaysFreq,
    chars, lineStart: Uint32Array.from(lineStart), idStart: Uint32Array.from(idStart), ids: Uint16Array.from(ids),
    freq: Uint32Array.from(freq),
  };
}

// Layout: a JSON header (length-prefixed) then the typed arrays, each 8-byte aligned.
export function serializeScopeIndex(index: ScopeIndex): Buffer {
  const header = Buffer.from(JSON.stringify({
    version: FORMAT_VERSION, dictBytes: index.dictBytes, dictHash: index.dictHash, userHash: index.userHash,
    totalFreq: index.totalFreq, alwaysFreq: index.alwaysFreq, chars: index.chars.join(''),
    lines: index.freq.length, ids: index.ids.length,
  }));
  const pad = (n: number) => (8 - (n % 8)) % 8;
  const head = Buffer.alloc(8);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(header.length, 4);
  const parts: Buffer[] = [head, header, Buffer.alloc(pad(header.length))];
  for (const a of [index.freq, index.lineStart, index.idStart, index.ids]) {
    const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(b, Buffer.alloc(pad(b.length)));
  }
  return Buffer.concat(parts);
}

export function deserializeScopeIndex(buf: Uint8Array): ScopeIndex {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a dictionary scope index');
  const headerLength = view.getUint32(4, true);
  const h = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + headerLength))) as {
    version: number; dictBytes: number; dictHash: number; userHash: number; totalFreq: number; alwaysFreq: number;
    chars: string; lines: number; ids: number;
  };
  if (h.version !== FORMAT_VERSION) throw new Error(`dictionary scope index version ${h.version}, expected ${FORMAT_VERSION}`);
  let at = 8 + headerLength + ((8 - (headerLength % 8)) % 8);
  // Views on the buffer where it is aligned (a file read whole is), copies where not.
  const take = <T>(make: (b: ArrayBufferLike, offset: number, length: number) => T, size: number, count: number): T => {
    const bytes = size * count;
    let source: Uint8Array = buf.subarray(at, at + bytes);
    if (source.byteOffset % size !== 0) source = new Uint8Array(source);
    at += bytes + ((8 - (bytes % 8)) % 8);
    return make(source.buffer, source.byteOffset, count);
  };
  const u32 = (b: ArrayBufferLike, o: number, n: number) => new Uint32Array(b, o, n);
  const freq = take(u32, 4, h.lines);
  const lineStart = take(u32, 4, h.lines + 1);
  const idStart = take(u32, 4, h.lines + 1);
  const ids = take((b, o, n) => new Uint16Array(b, o, n), 2, h.ids);
  return {
    dictBytes: h.dictBytes, dictHash: h.dictHash, userHash: h.userHash, totalFreq: h.totalFreq, alwaysFreq: h.alwaysFreq,
    chars: Array.from(h.chars), lineStart, idStart, ids, freq,
  };
}

/** Whether an index was built from these dictionaries. */
export function indexMatches(index: ScopeIndex, dict: Uint8Array, userDict: Uint8Array): boolean {
  return index.dictBytes === dict.length && index.dictHash === sampleHash(dict) && index.userHash === sampleHash(userDict);
}

export interface ScopedDictionary {
  /** Dictionary text to load instead of the full one. */
  bytes: Uint8Array;
  /** The characters it was cut for: texts made only of these are cut exactly as with the full dictionary. */
  chars: Set<string>;
  /** Lines kept, of all the dictionary's. */
  kept: number;
  lines: number;
}

/** The lines of `dict` whose words are made of characters of `chars`, plus the entry restoring the total. */
export function selectDictionary(dict: Uint8Array, index: ScopeIndex, chars: Set<string>): ScopedDictionary {
  const present = new Uint8Array(index.chars.length);
  index.chars.forEach((c, id) => { if (chars.has(c)) present[id] = 1; });
  const { lineStart, idStart, ids, freq } = index;
  const lines = freq.length;
  const out = new Uint8Array(dict.length + 64);
  let size = 0;
  let keptFreq = 0;
  let kept = 0;
  let runStart = -1; // consecutive kept lines are copied in one go
  let runEnd = -1;
  for (let i = 0; i < lines; i++) {
    let keep = true;
    for (let k = idStart[i], end = idStart[i + 1]; k < end; k++) {
      if (present[ids[k]] === 0) { keep = false; break; }
    }
    if (!keep) continue;
    kept++;
    keptFreq += freq[i];
    if (runEnd === lineStart[i]) {
      runEnd = lineStart[i + 1];
    } else {
      if (runStart >= 0) { out.set(dict.subarray(runStart, runEnd), size); size += runEnd - runStart; }
      runStart = lineStart[i];
      runEnd = lineStart[i + 1];
    }
  }
  if (runStart >= 0) { out.set(dict.subarray(runStart, runEnd), size); size += runEnd - runStart; }
  if (size > 0 && out[size - 1] !== 0x0a) out[size++] = 0x0a;
  const filler = fillerWord(chars);
  const missing = index.totalFreq - keptFreq;
  if (missing > 0) {
    const line = new TextEncoder().encode(`${filler} ${missing} x\n`);
    out.set(line, size);
    size += line.length;
  }
  return { bytes: out.subarray(0, size), chars, kept, lines };
}

/** A one-character word outside the text (a private-use character), so it can never be matched. */
function fillerWord(chars: Set<string>): string {
  for (let cp = 0xe000; cp <= 0xf8ff; cp++) {
    const c = String.fromCharCode(cp);
    if (!chars.has(c)) return c;
  }
  throw new Error('no private-use character left for the filler word');
}
