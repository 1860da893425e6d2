import { deflateSync } from 'node:zlib';

// A minimal PDF writer for the fixtures LibreOffice cannot make: a scan (an image
// and no text), Chinese text in a non-embedded font that needs Adobe's CMaps, and
// a text layer that cannot be mapped back to Unicode.

type Obj = string | { dict: string; stream: Buffer };

export class PdfWriter {
  private objects: Obj[] = [];

  /** Reserve an object number (1-based) to fill later. */
  reserve(): number {
    this.objects.push('null');
    return this.objects.length;
  }

  set(n: number, obj: Obj): number {
    this.objects[n - 1] = obj;
    return n;
  }

  add(obj: Obj): number {
    this.objects.push(obj);
    return this.objects.length;
  }

  stream(dict: string, data: Buffer, compress = true): number {
    const body = compress ? deflateSync(data) : data;
    const filter = compress ? '/Filter /FlateDecode ' : '';
    return this.add({ dict: `<< ${filter}${dict} /Length ${body.length} >>`, stream: body });
  }

  /** Pages (each a content stream and resources) → catalog; returns the file. */
  finish(pages: { content: string | Buffer; resources: string; width?: number; height?: number }[], info = ''): Buffer {
    const pagesId = this.reserve();
    const kids: number[] = [];
    for (const p of pages) {
      const content = this.stream('', Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content, 'latin1'));
      kids.push(this.add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${p.width ?? 595} ${p.height ?? 842}] /Resources ${p.resources} /Contents ${content} 0 R >>`));
    }
    this.set(pagesId, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
    const catalog = this.add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
    const infoId = info ? this.add(info) : 0;

    const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let offset = chunks[0].length;
    const offsets: number[] = [];
    this.objects.forEach((o, i) => {
      offsets.push(offset);
      const parts = typeof o === 'string'
        ? [Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')]
        : [Buffer.from(`${i + 1} 0 obj\n${o.dict}\nstream\n`, 'latin1'), o.stream, Buffer.from('\nendstream\nendobj\n', 'latin1')];
      for (const p of parts) { chunks.push(p); offset += p.length; }
    });
    const xref = [`xref\n0 ${this.objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
    chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${this.objects.length + 1} /Root ${catalog} 0 R${infoId ? ` /Info ${infoId} 0 R` : ''} >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(chunks);
  }
}

/** UTF-16BE hex string for a Type0 font with a UCS-2 CMap. */
export function ucs2Hex(s: string): string {
  return [...s].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
}

/**
 * A page of Chinese text set line by line in the non-embedded Adobe font
 * STSong-Light with the predefined CMap UniGB-UCS2-H: readable only with the
 * CMap files (pdf.js `cMapUrl`).
 */
export function nonEmbeddedCjkPdf(paragraphs: string[]): Buffer {
  const w = new PdfWriter();
  const desc = w.add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cid = w.add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${desc} 0 R /DW 1000 >>`);
  const font = w.add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  const size = 14, left = 72, right = 523, perLine = Math.floor((right - left) / size);
  const lines: { text: string; x: number }[] = [];
  for (const p of paragraphs) {
    const chars = [...p];
    let first = true;
    while (chars.length) {
      const indent = first ? 2 : 0;
      lines.push({ text: chars.splice(0, perLine - indent).join(''), x: left + indent * size });
      first = false;
    }
  }
  const ops = ['BT', `/F1 ${size} Tf`];
  let y = 770;
  for (const l of lines) {
    ops.push(`1 0 0 1 ${l.x} ${y} Tm <${ucs2Hex(l.text)}> Tj`);
    y -= size * 1.6;
  }
  ops.push('ET');
  return w.finish([{ content: ops.join('\n'), resources: `<< /Font << /F1 ${font} 0 R >> >>` }], '<< /Producer (policy-parse fixtures) >>');
}

/**
 * Text whose font has no ToUnicode map and an Identity encoding: the codes are glyph
 * numbers, so a text extractor gets characters that have nothing to do with the text
 * (what a PDF from a printer driver with subset fonts often gives).
 */
export function garbageTextPdf(lineCount: number): Buffer {
  const w = new PdfWriter();
  const desc = w.add('<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>');
  const cid = w.add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const font = w.add(`<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [${cid} 0 R] >>`);
  // Glyph numbers of a subset font: small integers in the order glyphs were first used.
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const ops = ['BT', '/F1 14 Tf'];
  let y = 770;
  for (let l = 0; l < lineCount; l++) {
    const gids = Array.from({ length: 30 }, () => 3 + Math.floor(rand() * 600));
    ops.push(`1 0 0 1 72 ${y} Tm <${gids.map((g) => g.toString(16).padStart(4, '0')).join('')}> Tj`);
    y -= 22;
  }
  ops.push('ET');
  return w.finish([{ content: ops.join('\n'), resources: `<< /Font << /F1 ${font} 0 R >> >>` }]);
}

/** A scanned page: one JPEG image filling the page, no text at all. */
export function imageOnlyPdf(jpegPages: { jpeg: Buffer; width: number; height: number }[]): Buffer {
  const w = new PdfWriter();
  const pages = jpegPages.map((p) => {
    const img = w.stream(`/Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`, p.jpeg, false);
    return { content: `q 595 0 0 842 0 0 cm /Im1 Do Q`, resources: `<< /XObject << /Im1 ${img} 0 R >> >>` };
  });
  return w.finish(pages, '<< /Producer (Scanner) >>');
}
