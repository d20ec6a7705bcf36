/**
 * `newsgraph extract [FILE|-]`: JSON lines {"id","text"} in, one JSON line
 * per input out: {"id","entities","relations","quotes"} with offsets into text.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadLexicons } from '../../pipeline/lexicons.js';
import { extractDocument } from '../../pipeline/extract-document.js';
import { errorMessage } from '../../errors.js';
import { EXIT, type Command } from '../command.js';

const usage = `Usage: newsgraph extract [FILE|-]

Reads JSON lines {"id": "...", "text": "..."} from FILE (or standard input)
and writes one JSON line per input:
  {"id", "entities": [{"type","name","start","end","text","kind"}],
   "relations": [{"type","source","target","start","end","evidence","cue","modality"}],
   "quotes": [{"text","start","end","speaker","cue"}]}
Offsets are JavaScript string indices into "text". A line that is not valid
JSON, or has no string "text", gives {"id", "error"} and the run goes on
(exit code 1 at the end).

Example:
  echo '{"id":"a","text":"Blinken spoke with Lavrov."}' | newsgraph extract -`;

export const command: Command = {
  name: 'extract',
  summary: 'extract entities, relations and quotes from JSON lines (for pipelines and benchmarks)',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
    if (values.help) {
      console.log(usage);
      return EXIT.OK;
    }
    const file = positionals[0] ?? '-';
    const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
    const lex = loadLexicons();
    let bad = 0;
    let n = 0;
    const lines = createInterface({ input, crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        n++;
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
    } catch (e) {
      console.error(`newsgraph extract: cannot read ${file}: ${errorMessage(e)}`);
      return EXIT.FATAL;
    }
    if (bad) console.error(`newsgraph extract: ${bad} line(s) could not be extracted`);
    return bad ? EXIT.PARTIAL : EXIT.OK;
  },
};
