import { createRequire, Module } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * exceljs' streaming `WorkbookReader`, loaded as a private copy whose XML parsing decodes UTF-8
 * across chunks. exceljs 4.4.0's `lib/utils/parse-sax.js` decodes each inflated chunk of a part's
 * XML on its own, so a letter whose bytes a chunk edge cuts ("ờ" is three bytes) comes out as two
 * U+FFFD: "Người" read as "Ngư��i", at random (chunk edges follow the inflater's timing) — a
 * 400-row export read back had a changed name in one read of six under load. The fix is one
 * streaming `TextDecoder` per part; it cannot be applied to a loaded exceljs (its modules keep the
 * parser they required), so the reader's modules are required afresh with the fixed parser in the
 * module cache, and the cache is then put back as it was: every other use of exceljs (writing
 * workbooks, `load`) is untouched, whatever was imported first.
 */
const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const fromExceljs = createRequire(parseSaxPath);
const { SaxesParser } = fromExceljs('saxes') as { SaxesParser: new () => SaxesLike };

interface SaxesLike {
  on(event: 'error' | 'opentag' | 'text' | 'closetag', listener: (value: unknown) => void): void;
  write(text: string): void;
  close(): void;
}

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

/** exceljs' parse-sax, with the chunks decoded as one UTF-8 stream. */
async function* parseSax(iterable: AsyncIterable<Uint8Array | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  parser.on('error', (err) => {
    error = err;
  });
  let events: SaxEvent[] = [];
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest !== '') {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

function loadPatchedReader(): typeof ExcelJS.stream.xlsx.WorkbookReader {
  const cache = require.cache;
  const ours = (key: string) => /[\\/]node_modules[\\/]exceljs[\\/]/u.test(key);
  const kept = new Map(Object.entries(cache).filter(([key]) => ours(key)));
  for (const key of kept.keys()) delete cache[key];
  try {
    const fixed = new Module(parseSaxPath);
    Object.assign(fixed, { filename: parseSaxPath, loaded: true, exports: parseSax });
    cache[parseSaxPath] = fixed;
    return require('exceljs/lib/stream/xlsx/workbook-reader.js') as typeof ExcelJS.stream.xlsx.WorkbookReader;
  } finally {
    for (const key of Object.keys(cache)) if (ours(key)) delete cache[key];
    for (const [key, module] of kept) cache[key] = module;
  }
}

let reader: typeof ExcelJS.stream.xlsx.WorkbookReader | undefined;

/** The reader, loaded on the first .xlsx read (about 185 ms: not at every process's start). */
export function utf8WorkbookReader(): typeof ExcelJS.stream.xlsx.WorkbookReader {
  reader ??= loadPatchedReader();
  return reader;
}
