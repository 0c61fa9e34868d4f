/**
 * Entity type of a name phrase from its shape and head word: known names carry their type;
 * acronyms are organisations; head nouns from resources/<lang>/entity-{org,loc,evt}-words.txt
 * decide institutions, places and events; plural demonyms ("Polacy", "Rosjan") are people
 * (BSNLP convention); remaining multi-word names without adjectives are people.
 */
import type { EntityType, Language } from '../../types.ts';
import { isAcronym } from './base-form.ts';
import { tokenInfo } from './morphology.ts';
import { loadList } from './resources.ts';

const heads = new Map<string, ReadonlyMap<string, EntityType>>();

function headWords(language: Language): ReadonlyMap<string, EntityType> {
  let m = heads.get(language);
  if (!m) {
    const map = new Map<string, EntityType>();
    for (const [file, type] of [['entity-org-words', 'ORG'], ['entity-loc-words', 'LOC'], ['entity-evt-words', 'EVT']] as const) {
      for (const w of loadList(language, file)) map.set(w, type);
    }
    m = map;
    heads.set(language, m);
  }
  return m;
}

// Demonym lemmas: Brytyjczyk, Rosjanin, Polak, Niemiec (as a person), Francuz is not caught.
const DEMONYM_LEMMA = /(czyk|anin|ak|iec|ec|ka)$/u;

/** Type of a phrase that is not a known name. `bases` are the tokens' base forms. */
export function classify(words: readonly string[], language: Language): EntityType {
  const first = words[0]!;
  if (isAcronym(first)) return 'ORG'; // "CNN", "MSZ Ukrainy"
  const map = headWords(language);
  for (const w of words.slice(0, 2)) {
    const lemmas = language === 'pl' ? tokenInfo(w).lemmas : [w.toLowerCase()];
    for (const l of lemmas) {
      const t = map.get(l);
      if (t) return t;
    }
  }
  if (language === 'pl') {
    const infos = words.map((w) => tokenInfo(w));
    if (words.length > 1) return infos.some((i) => i.adjective) ? 'ORG' : 'PER';
    const lemma = infos[0]!.noun ?? '';
    if (DEMONYM_LEMMA.test(lemma) && /(cy|anie|ów|om|ami|ach|an)$/u.test(first)) return 'PER';
    return 'LOC';
  }
  return words.length > 1 ? 'PER' : 'LOC';
}
