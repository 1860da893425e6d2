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
    const name = new TextDecoder(flags & 0x0800 ? 'utf-8' : 'latin1').decode(nameBytes);
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
