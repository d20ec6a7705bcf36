/**
 * `newsgraph extract [FILE|-]`: JSON lines {"id","text"} in, one JSON line
 * per input out: {"id","entities","relations","quotes"} with offsets into text.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { loadLexicons, type Lexicons } from '../../pipeline/lexicons.js';
import { extractDocument } from '../../pipeline/extract-document.js';
import { decodeBytes } from '../../ingest/decode.js';
import { errorMessage } from '../../errors.js';
import { EXIT, UsageError, parseCommandArgs, type Command } from '../command.js';

const usage = `Usage: newsgraph extract [FILE|-]

Reads FILE (or standard input) and writes one JSON line per article:
  {"id", "entities": [{"type","name","start","end","text","kind"}],
   "relations": [{"type","source","target","start","end","evidence","cue","modality"}],
   "quotes": [{"text","start","end","speaker","cue"}]}

The input is either
  - JSON lines {"id": "...", "text": "..."}, one article per line (when its
    first non-blank character is "{"); offsets are JavaScript string indices
    into each "text". A line that is not valid JSON, or has no string "text",
    gives {"id", "error"} and the run goes on (exit code 1 at the end); or
  - plain text: the whole input is one article, its id the file name (or
    "stdin"). Offsets are JavaScript string indices into the text as read:
    decoded (UTF-8, UTF-16 or windows-1252), byte-order mark removed, line
    ends (CRLF too) kept as they are. Nothing is cleaned: HTML and Markdown
    are read as plain text (\`newsgraph build\` converts them).

Examples:
  echo '{"id":"a","text":"Blinken spoke with Lavrov."}' | newsgraph extract -
  newsgraph extract article.txt`;

/** The input's chunks, with a look at the first ones to tell JSON lines from plain text. */
async function sniff(input: NodeJS.ReadableStream): Promise<{ jsonLines: boolean; head: Buffer[]; rest: AsyncIterator<Buffer> }> {
  const rest = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  for (;;) {
    const next = await rest.next();
    if (next.done) break;
    head.push(Buffer.from(next.value));
    const text = Buffer.concat(head).toString('utf8').replace(/^\uFEFF/, '');
    const first = /\S/.exec(text);
    if (first) return { jsonLines: first[0] === '{', head, rest };
  }
  // Nothing but blanks: an empty batch of JSON lines (no output), as before any input arrives.
  return { jsonLines: true, head, rest };
}

async function* replay(head: readonly Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** JSON lines: one output line per input line; bad lines are reported and counted. */
async function extractLines(lines: AsyncIterable<string>, lex: Lexicons): Promise<number> {
  let bad = 0;
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!line.trim()) continue;
    let id: unknown = `line-${n}`;
    try {
      const rec = JSON.parse(line) as { id?: unknown; text?: unknown };
      id = rec.id ?? id;
      if (typeof rec.text !== 'string') throw new Error('no string "text" field');
      process.stdout.write(`${JSON.stringify(extractDocument(String(id), rec.text, lex))}\n`);
    } catch (e) {
      bad++;
      process.stdout.write(`${JSON.stringify({ id, error: errorMessage(e) })}\n`);
    }
  }
  return bad;
}

export const command: Command = {
  name: 'extract',
  summary: 'extract entities, relations and quotes from plain text or JSON lines (for pipelines and benchmarks)',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { help: { type: 'boolean', short: 'h', default: false } });
    if (values.help) {
      console.log(usage);
      return EXIT.OK;
    }
    if (positionals.length > 1) throw new UsageError(`give one FILE (or - for standard input), got ${positionals.length}`);
    const file = positionals[0] ?? '-';
    const input = file === '-' ? process.stdin : createReadStream(file);
    let bad: number;
    try {
      const { jsonLines, head, rest } = await sniff(input);
      const lex = loadLexicons();
      if (jsonLines) {
        bad = await extractLines(createInterface({ input: Readable.from(replay(head, rest)).setEncoding('utf8'), crlfDelay: Infinity }), lex);
      } else {
        const chunks: Buffer[] = [];
        for await (const chunk of replay(head, rest)) chunks.push(chunk);
        const id = file === '-' ? 'stdin' : path.basename(file);
        const decoded = decodeBytes(Buffer.concat(chunks), id);
        if (decoded.text === null) {
          console.error(`newsgraph extract: ${file === '-' ? 'standard input' : file}: ${decoded.diagnostics.map((d) => d.message).join('; ')}; extract reads plain text or JSON lines {"id","text"}`);
          return EXIT.FATAL;
        }
        for (const d of decoded.diagnostics) console.error(`${d.severity}: ${file}: ${d.message}`);
        process.stdout.write(`${JSON.stringify(extractDocument(id, decoded.text, lex))}\n`);
        bad = 0;
      }
    } catch (e) {
      console.error(`newsgraph extract: cannot read ${file}: ${errorMessage(e)}`);
      return EXIT.FATAL;
    }
    if (bad) console.error(`newsgraph extract: ${bad} line(s) could not be extracted`);
    return bad ? EXIT.PARTIAL : EXIT.OK;
  },
};
