import { crc32, inflateRawSync } from 'node:zlib';

// A small ZIP reader (stored and deflated entries, no zip64) for .docx packages.
// Entries are inflated with a hard output limit, so a zip bomb is refused after
// inflating at most `limit` bytes, whatever sizes its headers declare.

export class ZipError extends Error {
  constructor(readonly kind: 'corrupt' | 'limit' | 'unsupported', message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the central directory (may lie). */
  size: number;
  crc: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

const UTF8_NAMES = new TextDecoder('utf-8');
const LATIN1_NAMES = new TextDecoder('latin1');

/** The entries of the central directory. Throws ZipError('corrupt') when there is none. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new ZipError('corrupt', 'no ZIP end record: the file is truncated or not a ZIP archive');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('unsupported', 'ZIP64 archives are not supported');
  if (cdOffset + cdSize > eocd) throw new ZipError('corrupt', 'the ZIP central directory lies outside the file (truncated?)');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError('corrupt', `bad ZIP central directory entry ${i + 1}`);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const flags = u16(bytes, p + 8);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x0800 ? UTF8_NAMES : LATIN1_NAMES).decode(nameBytes);
    entries.push({
      name,
      method: u16(bytes, p + 10),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    });
    if (flags & 0x0001) throw new ZipError('unsupported', `"${name}" is encrypted`);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return -1;
}

/** Inflate one entry, refusing to produce more than `limit` bytes. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Buffer {
  if (entry.size > limit) throw new ZipError('limit', `"${entry.name}" declares ${entry.size} bytes uncompressed`);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw new ZipError('corrupt', `bad local header for "${entry.name}"`);
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError('corrupt', `"${entry.name}" is truncated`);
  const data = bytes.subarray(start, end);
  let out: Buffer;
  if (entry.method === 0) {
    out = Buffer.from(data);
  } else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ERR_BUFFER_TOO_LARGE' || /larger than|maxOutputLength|too large/i.test(err.message)) {
        throw new ZipError('limit', `"${entry.name}" inflates to more than ${limit} bytes`);
      }
      throw new ZipError('corrupt', `"${entry.name}" cannot be inflated (${err.message})`);
    }
  } else {
    throw new ZipError('unsupported', `"${entry.name}" uses compression method ${entry.method}`);
  }
  if (out.length > limit) throw new ZipError('limit', `"${entry.name}" inflates to more than ${limit} bytes`);
  if ((crc32(out) >>> 0) !== entry.crc) throw new ZipError('corrupt', `"${entry.name}" fails its CRC check`);
  return out;
}

/**
 * True when the archive is plain enough that JSZip (mammoth's unzipper) would list exactly
 * the entries listZip lists, under the same names, and load it without an error: one end
 * record (the last in the file), no zip64 fields, no bytes prepended, a central directory
 * that fills its space, ASCII names that JSZip's path normalisation leaves alone, no
 * Unicode-path extra fields, no duplicate names, no directory flag on a file name, local
 * headers that agree with the central directory, entries stored or deflated, all data
 * inside the file. Anything else: let mammoth open the archive itself.
 */
export function plainZip(bytes: Uint8Array): boolean {
  const len = bytes.length;
  let eocd = -1;
  for (let i = len - 4; i >= 0; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) { eocd = i; break; }
  }
  if (eocd < 0 || eocd + 22 > len) return false;
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (u16(bytes, eocd + 4) === 0xffff || u16(bytes, eocd + 6) === 0xffff || u16(bytes, eocd + 8) === 0xffff
    || count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return false;
  if (eocd + 22 + u16(bytes, eocd + 20) > len || cdOffset + cdSize !== eocd) return false;
  const names = new Set<string>();
  let p = cdOffset;
  let n = 0;
  while (p < eocd) {
    if (p + 46 > eocd || u32(bytes, p) !== 0x02014b50) return false;
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const external = u32(bytes, p + 38);
    const localOffset = u32(bytes, p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > eocd || (flags & 0x0001) || (method !== 0 && method !== 8)) return false;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return false;
    let name = '';
    for (let i = p + 46; i < p + 46 + nameLen; i++) {
      if (bytes[i] >= 0x80) return false;
      name += String.fromCharCode(bytes[i]);
    }
    // (JSZip keeps its entries in a plain object: "__proto__" would change every lookup.)
    if (name !== normalisedPath(name) || names.has(name) || name === '__proto__') return false;
    names.add(name);
    if ((external & 0x10) && !name.endsWith('/')) return false;
    // The extra fields, read the way JSZip reads them.
    const extraEnd = p + 46 + nameLen + extraLen;
    for (let i = p + 46 + nameLen; i + 4 < extraEnd;) {
      const id = u16(bytes, i);
      const fieldLen = u16(bytes, i + 2);
      if (id === 0x7075 || i + 4 + fieldLen > len) return false;
      i += 4 + fieldLen;
    }
    // The local header.
    const lo = localOffset;
    if (lo + 30 > len || u32(bytes, lo) !== 0x04034b50) return false;
    const localNameLen = u16(bytes, lo + 26);
    if (localNameLen !== nameLen || lo + 30 + nameLen > len) return false;
    for (let i = 0; i < nameLen; i++) if (bytes[lo + 30 + i] !== bytes[p + 46 + i]) return false;
    if (lo + 30 + nameLen + u16(bytes, lo + 28) + compressedSize > len) return false;
    p = next;
    n++;
  }
  return p === eocd && n === count;
}

/** JSZip's path normalisation (utils.resolve): drops "." and empty inner segments, resolves "..". */
function normalisedPath(path: string): string {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === '.' || (part === '' && i !== 0 && i !== parts.length - 1)) continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
