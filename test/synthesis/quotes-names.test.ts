/**
 * Speakers' names in the story's quotes (src/synthesis/quotes.ts): the quote layer's name stands
 * when it only cuts a possessor the entity stage glued before the person ("Liberałów Vince Cable").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityNames, rankQuotes } from '../../src/synthesis/quotes.ts';
import { handArticle } from './helpers.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';

test('a speaker named without the genitive glued before the name keeps that name', () => {
  const text = 'Lider Liberałów Jan Cabel mówił telewizji, że "nadszedł czas, by zatrzymać bałagan".';
  const a = handArticle({ id: 'a', text, entities: [['Liberałów Jan Cabel', 'Liberałów Jan Cabel', 'PER', 'per-glued']] });
  const words = 'nadszedł czas, by zatrzymać bałagan';
  const start = text.indexOf(words);
  const article = { ...a, quotes: [{ start, end: start + words.length, text: words, kind: 'mixed', speaker: { name: 'Jan Cabel', key: 'per-glued', type: 'PER' as const }, sentence: 0 }] };
  assert.equal(rankQuotes([article])[0]?.speaker, 'Jan Cabel');
});

test('a lone surname the entity stage typed as an organisation is the person the story names in full', () => {
  const words = 'Jest to decydujący krok w naszych negocjacjach';
  const text = `„${words}” – powiedział Barnet.`;
  const a = handArticle({ id: 'a', text, entities: [['Barnet', 'Barnet', 'ORG', 'org-barnet']] });
  const b = handArticle({ id: 'b', text: 'Negocjator Michał Barnet przyjechał do Brukseli.', entities: [['Michał Barnet', 'Michał Barnet', 'PER', 'per-barnet']] });
  const start = text.indexOf(words);
  const article = { ...a, quotes: [{ start, end: start + words.length, text: words, kind: 'direct', speaker: { name: 'Barnet', key: 'org-barnet', type: 'ORG' as const }, sentence: 0 }] };
  assert.equal(rankQuotes([article, b])[0]?.speaker, 'Michał Barnet');
});

test('one person spelled two ways by two outlets is named as most articles spell him', () => {
  const words = 'to nie leczenie, ale gaszenie pożaru';
  const text = `Minister Fawad Chaudry ocenił, że ${words}.`;
  const a = handArticle({ id: 'a', text, entities: [['Fawad Chaudry', 'Fawad Chaudry', 'PER', 'per-chaudry']] });
  const b = handArticle({ id: 'b', text: 'Minister Fawad Chaudhry przemawiał w parlamencie.', entities: [['Fawad Chaudhry', 'Fawad Chaudhry', 'PER', 'per-chaudhry']] });
  const c = handArticle({ id: 'c', text: 'Fawad Chaudhry odpowiadał na pytania.', entities: [['Fawad Chaudhry', 'Fawad Chaudhry', 'PER', 'per-chaudhry']] });
  const start = text.indexOf(words);
  const article = { ...a, quotes: [{ start, end: start + words.length, text: words, kind: 'indirect', speaker: { name: 'Fawad Chaudry', key: 'per-chaudry', type: 'PER' as const }, sentence: 0 }] };
  const quote = rankQuotes([article, b, c])[0]!;
  assert.equal(quote.speaker, 'Fawad Chaudhry');
  assert.equal(quote.speakerKey, 'per-chaudhry');
  // Another first name is another person.
  const d = handArticle({ id: 'd', text: 'Ahmed Chaudhry przemawiał.', entities: [['Ahmed Chaudhry', 'Ahmed Chaudhry', 'PER', 'per-ahmed']] });
  assert.equal(rankQuotes([article, d, { ...d, article: { ...d.article, id: 'e' } }])[0]!.speaker, 'Fawad Chaudry');
});

test('a lone surname is the person whose name the entity stage glued to the organisation before it', () => {
  const words = 'Projekt jest wielkim zagrożeniem dla bezpieczeństwa';
  const text = `Wicemarszałek Senatu Adam Bielik przyjechał do Brukseli. „${words}” – powiedział Bielik.`;
  const a = handArticle({ id: 'a', text, entities: [['Senatu Adam Bielik', 'Senat Adam Bielik', 'ORG', 'org-glued'], ['Bielik', 'Bielik', 'PER', 'per-bielik']] });
  const start = text.indexOf(words);
  const article = { ...a, quotes: [{ start, end: start + words.length, text: words, kind: 'direct', speaker: { name: 'Bielik', key: 'per-bielik', type: 'PER' as const }, sentence: 1 }] };
  assert.equal(rankQuotes([article])[0]?.speaker, 'Adam Bielik');
  // A common word before the name is no given name: "Boże Narodzenie Aerolot" names no one.
  const holiday = `Na Boże Narodzenie Aerolot odwołał loty. „${words}” – przekazał Aerolot.`;
  const b = handArticle({ id: 'b', text: holiday, entities: [['Boże Narodzenie Aerolot', 'Boże Narodzenie Aerolot', 'EVT', 'evt-glued'], ['Aerolot', 'Aerolot', 'ORG', 'org-aerolot']] });
  const at = holiday.indexOf(words);
  const airline = { ...b, quotes: [{ start: at, end: at + words.length, text: words, kind: 'direct', speaker: { name: 'Aerolot', key: 'org-aerolot', type: 'ORG' as const }, sentence: 1 }] };
  assert.equal(rankQuotes([airline])[0]?.speaker, 'Aerolot');
});

test('a name the quote layer corrected stands over the entity stage\'s base form', () => {
  const words = 'Realizacja planów nie ma na celu pozbawienia nikogo tranzytu';
  const text = `- ${words} - zapewniła Kowalowa.`;
  const a = handArticle({ id: 'a', text, entities: [['Kowalowa', 'Kowalow', 'ORG', 'org-kowalow']] });
  const start = text.indexOf(words);
  const article = { ...a, quotes: [{ start, end: start + words.length, text: words, kind: 'direct', speaker: { name: 'Kowalowa', key: 'org-kowalow', type: 'PER' as const }, sentence: 0 }] };
  assert.equal(rankQuotes([article])[0]?.speaker, 'Kowalowa');
});

test('two surnames the entity stage glued into one name are no full name; a name read out of an organisation yields to the person\'s own', () => {
  // "Według Johnsona Hammond usiłuje …" glued "Johnsona Hammond", keyed with every "Johnson" of the
  // article; "grupy Conservative Way Forward Johnson" read a "Forward Johnson" out of a group's name.
  const words = 'Może być zapaść, ale w końcu będzie dobrze';
  const text = `„${words}” – mówił Jonson podczas kolacji. Według Jonsona Hamond usiłuje zablokować handel. Jonson przemawiał do grupy Conservative Way Forward Jonson.`;
  const a = handArticle({
    id: 'a',
    text,
    entities: [
      ['Jonson', 'Jonson', 'PER', 'per-glued'],
      ['Jonsona Hamond', 'Jonson Hamond', 'PER', 'per-glued'],
      ['Conservative Way Forward Jonson', 'Conservative Way Forward Jonson', 'ORG', 'org-cwf'],
    ],
  });
  const b = handArticle({ id: 'b', text: 'Minister Borys Jonson i minister Filip Hamond spotkali się w Londynie.', entities: [['Borys Jonson', 'Borys Jonson', 'PER', 'per-jonson'], ['Filip Hamond', 'Filip Hamond', 'PER', 'per-hamond']] });
  const start = text.indexOf(words);
  const article = { ...a, quotes: [{ start, end: start + words.length, text: words, kind: 'direct', speaker: { name: 'Jonson', key: 'per-glued', type: 'PER' as const }, sentence: 0 }] };
  assert.equal(rankQuotes([article, b])[0]?.speaker, 'Borys Jonson');
});

test('an office described with its holder\'s name ("biuro prezydenta … Yoon Suk Yeol") speaks as the office, not as the person', () => {
  const words = 'wiele krajów z niepokojem obserwuje szczyt w Rosji';
  const text = `Z kolei biuro prezydenta Korei Południowej Yoon Suk Yeol stwierdziło, że ${words}.`;
  const a = handArticle({ id: 'a', text, entities: [['Yoon Suk Yeol', 'Yoon Suk Yeol', 'PER', 'per-yoon']] });
  const start = text.indexOf(words);
  const description = 'biuro prezydenta Korei Południowej Yoon Suk Yeol';
  const article = { ...a, quotes: [{ start, end: start + words.length, text: words, kind: 'indirect', speaker: { name: description, description }, sentence: 0 }] };
  assert.equal(rankQuotes([article])[0]?.speaker, description);
  // A person's role among the first words keeps the rule that names the holder.
  const role = 'koreański prezydent Yoon Suk Yeol';
  const held = { ...a, quotes: [{ ...article.quotes[0]!, speaker: { name: role, description: role } }] };
  assert.equal(rankQuotes([held])[0]?.speaker, 'Yoon Suk Yeol');
});

test('an organisation the entity stage also met as its role noun alone ("Agencja zaznaczyła") keeps its longer name', () => {
  const words = 'wniosek zostanie rozpatrzony w ciągu kilku miesięcy';
  const text = `Duńska Agencja Energii poinformowała o wniosku. Agencja zaznaczyła, że ${words}. Agencja nie podała szczegółów.`;
  const a = handArticle({ id: 'a', text, entities: [['Agencja Energii', 'Agencja Energii', 'ORG', 'org-dea'], ['Agencja', 'Agencja', 'ORG', 'org-dea']] });
  const start = text.indexOf(words);
  const article = { ...a, quotes: [{ start, end: start + words.length, text: words, kind: 'indirect', speaker: { name: 'Agencja', key: 'org-dea', type: 'ORG' as const }, sentence: 1 }] };
  assert.equal(rankQuotes([article])[0]?.speaker, 'Agencja Energii');
});

test('a person\'s name glued to the surname of one the story names more often is the person\'s own (real text, asia_bibi, dw.com 2018-11-11)', () => {
  const text = [
    'Niemieckie władze zasygnalizowały gotowość przyjęcia Asii Bibi i jej rodziny.',
    'Gotowość taką przejawiają także Niemcy – zaznaczono w Berlinie.',
    'Wcześniej adwokat Bibi Saif-ul-Malook przekazał życzenie swojej klientki, by wyjechać do Niemiec.',
    '– Moja klientka byłaby szczęśliwa, gdyby mogła wyjechać wraz z rodziną do Niemiec – powiedział w rozmowie z „Bild am Sonntag”.',
    'Przewodnicząca klubu poselskiego Zielonych w Bundestagu Katrin Goering-Eckardt wezwała niemiecki rząd, by spełnił życzenie pakistańskiej kobiety.',
    'Asia Bibi spędziła w więzieniu osiem lat.',
  ].join(' ');
  const a = analyzeArticle(toArticle({ origin: 'https://dw.example/a', format: 'text', text }, '2026-01-01T00:00:00.000Z'));
  const quote = rankQuotes([a]).find((q) => q.text.startsWith('Moja klientka'));
  assert.equal(quote?.speaker, 'Saif-ul-Malook');
  // The possessor's own full name, mentioned more often, is never cut: "Asia Bibi" stays whole.
  assert.ok(!rankQuotes([a]).some((q) => q.speaker === 'Bibi'));
});

test('a role before a surname names the person the story names in full, not a person of its own', () => {
  const words = 'Obecnie mamy sytuację, w której do krajów Europy Wschodniej napływa dużo pieniędzy';
  const text = `„${words}” – powiedział kanclerz Kurc dziennikowi.`;
  const a = handArticle({ id: 'a', text, entities: [['kanclerz Kurc', 'Kanclerz Kurc', 'PER', 'per-titled']] });
  const b = handArticle({ id: 'b', text: 'Sebastian Kurc chce przyjrzeć się wydatkom. Kurc mówił o budżecie.', entities: [['Sebastian Kurc', 'Sebastian Kurc', 'PER', 'per-kurc'], ['Kurc', 'Kurc', 'PER', 'per-kurc']] });
  const start = text.indexOf(words);
  const quote = (speaker: { name: string; key: string; type: 'PER' }) => ({ ...a, quotes: [{ start, end: start + words.length, text: words, kind: 'direct', speaker, sentence: 0 }] });
  const ranked = rankQuotes([quote({ name: 'Kanclerz Kurc', key: 'per-titled', type: 'PER' }), b]);
  assert.equal(ranked[0]?.speaker, 'Sebastian Kurc');
  assert.equal(ranked[0]?.speakerKey, 'per-kurc');
  // The surname alone still finds him: "Kanclerz Kurc" is no second person of that surname.
  assert.equal(rankQuotes([quote({ name: 'Kurc', key: 'per-lone', type: 'PER' }), b, handArticle({ id: 'c', text, entities: [['kanclerz Kurc', 'Kanclerz Kurc', 'PER', 'per-titled']] })])[0]?.speaker, 'Sebastian Kurc');
  // A role before a surname no one in the story bears stays as written.
  const alone = rankQuotes([quote({ name: 'Kanclerz Kurc', key: 'per-titled', type: 'PER' })]);
  assert.equal(alone[0]?.speaker, 'Kanclerz Kurc');
});

test('of two spellings as frequent, the one an article writes as it is names the person', () => {
  // The genitive "Aleksandra Miedwiediewa" may lemmatise to "Aleksander" or "Aleksandr"; the
  // nominative another outlet wrote settles it, whichever comes first in the alphabet.
  const named = handArticle({ id: 'a', text: 'Wiceprezes Gazpromu Aleksandr Miedwiediew wspomniał o gazociągu.', entities: [['Aleksandr Miedwiediew', 'Aleksandr Miedwiediew', 'PER', 'per-m']] });
  const inflected = handArticle({ id: 'b', text: 'Według Aleksandra Miedwiediewa trasa jest korzystniejsza.', entities: [['Aleksandra Miedwiediewa', 'Aleksander Miedwiediew', 'PER', 'per-m']] });
  assert.equal(entityNames([named, inflected]).get('per-m')?.name, 'Aleksandr Miedwiediew');
  assert.equal(entityNames([inflected, named]).get('per-m')?.name, 'Aleksandr Miedwiediew');
  // Frequency still comes first: two inflected mentions outweigh one written as it is.
  const again = handArticle({ id: 'c', text: 'Zdaniem Aleksandra Miedwiediewa to korzystne.', entities: [['Aleksandra Miedwiediewa', 'Aleksander Miedwiediew', 'PER', 'per-m']] });
  assert.equal(entityNames([named, inflected, again]).get('per-m')?.name, 'Aleksander Miedwiediew');
});
