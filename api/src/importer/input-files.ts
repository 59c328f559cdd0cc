import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { SaxesParser } from 'saxes';

/**
 * Streaming readers for import files: a strict UTF-8 decoder that names the byte offset of the
 * first invalid sequence, `<row … />` records of a Stack Exchange XML file, and the lines of a
 * JSONL file. Memory stays constant: files are read in chunks, never whole.
 */

/** A problem with an input file that stops the import (the completed batches stay committed). */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

const CHUNK_SIZE = 256 * 1024;

/** Index of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/** Length of the prefix of `bytes` that does not end inside a multi-byte sequence. */
function completePrefixLength(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= Math.max(0, end - 4); i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back for its lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need > end ? i : end;
  }
  return end;
}

/**
 * Decodes a byte stream chunk by chunk. Invalid UTF-8 is an error naming the file, byte offset
 * and line: `write` then returns the text before the bad byte and sets `error`, so the caller can
 * still use the complete records before it, and must throw `error` afterwards.
 */
export class StrictUtf8Decoder {
  error: ImportInputError | null = null;
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0;
  private line = 1;

  constructor(private readonly fileName: string) {}

  write(chunk: Buffer): string {
    if (this.error) return '';
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completePrefixLength(data);
    let part = data.subarray(0, cut);
    if (!isUtf8(part)) {
      const position = firstInvalidUtf8(part);
      this.error = this.failure(part, position);
      part = part.subarray(0, position);
    }
    for (let i = part.indexOf(10); i >= 0; i = part.indexOf(10, i + 1)) this.line += 1;
    this.offset += cut;
    this.carry = Buffer.from(data.subarray(cut));
    return part.toString('utf8');
  }

  end(): void {
    if (this.error) throw this.error;
    if (this.carry.length > 0) throw this.failure(this.carry, 0, ' (the file ends inside a multi-byte character)');
  }

  private failure(part: Buffer, position: number, detail = ''): ImportInputError {
    let line = this.line;
    for (let i = part.indexOf(10); i >= 0 && i < position; i = part.indexOf(10, i + 1)) line += 1;
    const byte = part[position] ?? 0;
    const hint =
      byte >= 0xa0 && byte <= 0xff
        ? ' It looks like Latin-1 / Windows-1252 text: convert it with `iconv -f latin1 -t utf-8`' +
          (this.fileName.endsWith('.xml') ? ' or declare encoding="ISO-8859-1" in the XML declaration.' : '.')
        : '';
    return new ImportInputError(
      `${this.fileName}: invalid UTF-8 at byte offset ${this.offset + position} (line ${line}): byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}${detail}.${hint}`,
    );
  }
}

/** Decodes Latin-1 / Windows-1252 files that say so in their XML declaration (every byte is valid there). */
class SingleByteDecoder {
  readonly error = null;
  private readonly decoder = new TextDecoder('windows-1252');
  write(chunk: Buffer): string {
    return this.decoder.decode(chunk, { stream: true });
  }
  end(): void {}
}

/** Reads a file's chunks and reports each chunk's size (for progress). */
async function* chunks(path: string, onBytes: (bytes: number) => void): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_SIZE });
  try {
    for await (const chunk of stream) {
      yield chunk as Buffer;
      onBytes((chunk as Buffer).length);
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new ImportInputError(`${basename(path)}: cannot read the file (${e.code ?? e.message}).`);
  } finally {
    stream.destroy();
  }
}

/** Picks the decoder from the BOM and the XML declaration's encoding (UTF-8 unless it names Latin-1). */
function xmlDecoder(fileName: string, head: Buffer): StrictUtf8Decoder | SingleByteDecoder {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ImportInputError(`${fileName}: UTF-16 is not supported; convert the file to UTF-8 (e.g. \`iconv -f utf-16 -t utf-8\`).`);
  }
  const declaration = /^(?:\xEF\xBB\xBF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    head.subarray(0, 200).toString('latin1'),
  );
  const encoding = declaration?.[1]?.toLowerCase();
  if (!encoding || encoding === 'utf-8' || encoding === 'utf8' || encoding === 'us-ascii' || encoding === 'ascii')
    return new StrictUtf8Decoder(fileName);
  if (['iso-8859-1', 'latin1', 'latin-1', 'iso8859-1', 'windows-1252', 'cp1252'].includes(encoding)) return new SingleByteDecoder();
  throw new ImportInputError(
    `${fileName}: the XML declaration names the encoding "${declaration![1]}", which the importer does not read; convert the file to UTF-8.`,
  );
}

export interface XmlRow {
  attributes: Record<string, string>;
  /** Line of the row in its file (for messages). */
  line: number;
}

/**
 * Streams the `<row … />` elements of a Stack Exchange dump file. A syntax error (a truncated
 * file, broken markup) ends the stream with an ImportInputError after the rows before it.
 */
export async function* readXmlRows(path: string, onBytes: (bytes: number) => void = () => undefined): AsyncGenerator<XmlRow> {
  const fileName = basename(path);
  const parser = new SaxesParser({ fileName, position: true });
  let pending: XmlRow[] = [];
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth += tag.isSelfClosing ? 0 : 1;
    if (tag.name === 'row' && depth <= 2) pending.push({ attributes: tag.attributes as Record<string, string>, line: parser.line });
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth -= 1;
  });
  parser.on('error', (error) => {
    throw new ImportInputError(
      `${error.message.replace(/\s+$/, '')}${/unclosed tag|unexpected end/i.test(error.message) ? ' — the file looks truncated' : ''}.`,
    );
  });
  let decoder: StrictUtf8Decoder | SingleByteDecoder | null = null;
  let failure: unknown = null;
  for await (const chunk of chunks(path, onBytes)) {
    try {
      decoder ??= xmlDecoder(fileName, chunk);
      parser.write(decoder.write(chunk));
      if (decoder.error) throw decoder.error;
    } catch (error) {
      failure = error;
    }
    const rows = pending;
    pending = [];
    yield* rows;
    if (failure) break;
  }
  if (!failure) {
    try {
      decoder?.end();
      parser.close();
    } catch (error) {
      failure = error;
    }
    yield* pending;
  }
  if (failure) throw failure instanceof ImportInputError ? failure : new ImportInputError(`${fileName}: ${(failure as Error).message}`);
  if (!decoder) throw new ImportInputError(`${fileName}: the file is empty.`);
}

export interface TextLine {
  text: string;
  /** 1-based line number. */
  line: number;
}

/** Streams the lines of a UTF-8 text file (LF or CRLF), with their numbers; a BOM is dropped. */
export async function* readLines(path: string, onBytes: (bytes: number) => void = () => undefined): AsyncGenerator<TextLine> {
  const decoder = new StrictUtf8Decoder(basename(path));
  let rest = '';
  let line = 0;
  for await (const chunk of chunks(path, onBytes)) {
    let text = rest + decoder.write(chunk);
    if (line === 0 && rest === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) yield { text: part.endsWith('\r') ? part.slice(0, -1) : part, line: ++line };
    // The lines before an invalid byte are complete and usable; the one containing it is not.
    if (decoder.error) throw decoder.error;
  }
  decoder.end();
  if (rest !== '') yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, line: line + 1 };
}
