import { loadBsnlp } from '../../../eval/lib/bsnlp.ts';
import { findMentions } from './index.ts';
import { tokenInfo } from './morphology.ts';
import { polishDictionary } from './hunspell.ts';
const words = process.argv.slice(2);
for (const w of words) console.log(w, JSON.stringify(tokenInfo(w)), JSON.stringify(polishDictionary().analyze(w)));
const docs = loadBsnlp('/work/shared/data/bsnlp-pl-dev');
let shown = 0;
for (const d of docs) {
  for (const m of findMentions(d.text, 'pl', [])) {
    if (words.includes(m.text) && shown++ < 4) console.log(JSON.stringify(d.text.slice(Math.max(0, m.start - 60), m.end + 30)), m.base);
  }
}
