import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { watchlistCsv } from './watchlist-data';

/** `generate.ts DIR SIZE...`: writes DIR/watchlist-SIZE.csv for each size (the same bytes every run). */
const [dir, ...sizes] = process.argv.slice(2);
if (!dir || sizes.length === 0) throw new Error('usage: generate.ts DIR SIZE...');
for (const size of sizes.map(Number)) {
  const out = createWriteStream(join(dir, `watchlist-${size}.csv`));
  for (const piece of watchlistCsv(size)) {
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
