import zlib from 'node:zlib';

/**
 * The text of a PDF written by pdfkit with an embedded (subset) font: content streams show glyph
 * ids as hex strings (`<0012003a> Tj`, `[<00..> 12 <00..>] TJ`); the font's ToUnicode CMap maps them
 * back to characters. Enough for tests to check what a label or sheet says.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(m[1])) {
      try {
        streams.push(zlib.inflateSync(bytes).toString('latin1'));
      } catch {
        // images and fonts that do not inflate cleanly are not text
      }
    } else streams.push(bytes.toString('latin1'));
  }
  const map = new Map<number, string>();
  const hex = (h: string) => Number.parseInt(h, 16);
  const utf16 = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map(hex));
  for (const s of streams.filter((x) => x.includes('begincmap'))) {
    for (const block of s.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? [])
      for (const [, src, dst] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set(hex(src), utf16(dst));
    for (const block of s.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? [])
      for (const [, lo, hi, rest] of block.matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
      )) {
        if (rest.startsWith('[')) {
          const dsts = [...rest.matchAll(/<([0-9a-fA-F]+)>/g)].map((d) => d[1]);
          for (const [i, d] of dsts.entries()) map.set(hex(lo) + i, utf16(d));
        } else {
          const base = hex(rest.slice(1, -1));
          for (let c = hex(lo); c <= hex(hi); c++) map.set(c, String.fromCharCode(base + c - hex(lo)));
        }
      }
  }
  const decode = (h: string) => (h.match(/.{4}/g) ?? []).map((g) => map.get(hex(g)) ?? '').join('');
  const out: string[] = [];
  for (const s of streams.filter((x) => /T[jJ]/.test(x) && !x.includes('begincmap'))) {
    for (const m of s.matchAll(/<([0-9a-fA-F]+)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
      if (m[1]) out.push(decode(m[1]));
      else out.push([...m[2].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => decode(x[1])).join(''));
    }
  }
  return out.join('\n');
}
