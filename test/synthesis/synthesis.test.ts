import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeStory, renderHtml, renderMarkdown } from '../../src/synthesis/index.ts';
import { trimConnective } from '../../src/synthesis/summary.ts';
import { sameName } from '../../src/synthesis/slots.ts';
import { handArticle } from './helpers.ts';

const PEOPLE = [
  ['Donald Tusk', 'Donald Tusk', 'PER', 'dnld-tsk'],
  ['Olaf Scholz', 'Olaf Scholz', 'PER', 'olf-schlz'],
] as const;

test('claims: paraphrases from two outlets meet; a syndicated copy counts once', () => {
  const a = handArticle({ id: 'a', text: 'Rząd prawdopodobnie kupi dwieście nowych czołgów bojowych od Korei. Minister pojechał do Seulu.' });
  const b = handArticle({ id: 'b', text: 'Rząd kupi dwieście nowych czołgów bojowych od Korei Południowej. Pogoda była ładna w stolicy.' });
  const copy = handArticle({ id: 'c', duplicateOf: 'a', text: 'Rząd prawdopodobnie kupi dwieście nowych czołgów bojowych od Korei, podał portal. Minister pojechał do Seulu.' });
  const report = synthesizeStory({ id: 's', articles: [a, b, copy] });
  const tanks = report.claims.find((c) => c.text.includes('czołgów'));
  assert.ok(tanks);
  assert.deepEqual([...tanks.articles].sort(), ['a', 'b', 'c']);
  assert.equal(tanks.independentSources, 2);
  assert.equal(tanks.corroborated, true);
  assert.equal(report.counts.independentSources, 2);
  assert.equal(report.sources.find((s) => s.article === 'c')!.independent, false);
});

test('claims: sentences dated differently do not merge', () => {
  const a = handArticle({ id: 'a', text: 'Prezydent spotkał się z premierem w kwietniu 2019 roku w stolicy kraju.', times: [['w kwietniu 2019 roku', '2019-04']] });
  const b = handArticle({ id: 'b', text: 'Prezydent spotkał się z premierem we wtorek w stolicy kraju rano.', times: [['we wtorek', '2023-09-12']] });
  const report = synthesizeStory({ id: 's', articles: [a, b] });
  assert.ok(report.claims.every((c) => c.articles.length === 1), JSON.stringify(report.claims.map((c) => c.articles)));
});

test('conflicts: two cities are a contradiction; a city and its country a refinement', () => {
  const places = [
    ['Krakowie', 'Kraków', 'LOC', 'krkw'],
    ['Gdańsku', 'Gdańsk', 'LOC', 'gdnsk'],
    ['Polsce', 'Polska', 'LOC', 'geo-pl'],
  ] as const;
  const entities = [...PEOPLE, ...places];
  const articles = [
    handArticle({ id: 'a', entities, text: 'Szczyt Donald Tusk i Olaf Scholz odbędzie się w Krakowie w przyszłym tygodniu.' }),
    handArticle({ id: 'b', entities, text: 'Spotkanie, jak podano, odbędzie się w Gdańsku, a nie w stolicy.' }),
    handArticle({ id: 'c', entities, text: 'Rozmowy Donald Tusk i Olaf Scholz odbędą się w Polsce.' }),
  ];
  const report = synthesizeStory({ id: 's', articles });
  const pair = (x: string, y: string) =>
    report.conflicts.find((c) => c.slot === 'place' && c.values.some((v) => v.value === x) && c.values.some((v) => v.value === y));
  assert.equal(pair('Kraków', 'Gdańsk')?.kind, 'contradiction');
  assert.equal(pair('Kraków', 'Polska')?.kind, 'refinement');
  assert.equal(pair('Gdańsk', 'Polska')?.kind, 'refinement');
  const claims = report.claims.filter((c) => c.status === 'disputed');
  assert.ok(claims.some((c) => c.text.includes('Krakowie')));
});

test('conflicts: one source giving two days is uncertainty, not a conflict', () => {
  const articles = [
    handArticle({ id: 'a', text: 'Do spotkania może dojść we wtorek lub w środę w stolicy.', times: [['we wtorek', '2023-09-12'], ['w środę', '2023-09-13']] }),
    handArticle({ id: 'b', text: 'Spotkanie odbędzie się już we wtorek, podały media w stolicy.', times: [['we wtorek', '2023-09-12']] }),
  ];
  const report = synthesizeStory({ id: 's', articles });
  assert.deepEqual(report.conflicts.filter((c) => c.slot === 'date'), []);
  const entities = PEOPLE;
  const disagree = synthesizeStory({
    id: 't',
    articles: [
      handArticle({ id: 'a', entities, text: 'Spotkanie Donald Tusk i Olaf Scholz odbędzie się we wtorek w stolicy kraju.', times: [['we wtorek', '2023-09-12']] }),
      handArticle({ id: 'b', entities, text: 'Spotkanie Donald Tusk i Olaf Scholz odbędzie się w piątek w stolicy kraju.', times: [['w piątek', '2023-09-15']] }),
    ],
  });
  assert.equal(disagree.conflicts.find((c) => c.slot === 'date')?.kind, 'contradiction');
  // Two meetings of different people on different days are two happenings, not a date dispute.
  const two = synthesizeStory({
    id: 'u',
    articles: [
      handArticle({ id: 'a', entities, text: 'Spotkanie Donald Tusk z rolnikami odbędzie się we wtorek w stolicy kraju.', times: [['we wtorek', '2023-09-12']] }),
      handArticle({ id: 'b', entities, text: 'Spotkanie Olaf Scholz z rolnikami odbędzie się w piątek w stolicy kraju.', times: [['w piątek', '2023-09-15']] }),
    ],
  });
  assert.deepEqual(two.conflicts, []);
});

test('conflicts: different counts in paraphrases of one claim', () => {
  const report = synthesizeStory({
    id: 's',
    articles: [
      handArticle({ id: 'a', text: 'W wypadku autobusu pod miastem zginęło 12 osób, podała policja.' }),
      handArticle({ id: 'b', text: 'W wypadku autobusu pod miastem zginęło 14 osób, jak podała policja.' }),
    ],
  });
  const numbers = report.conflicts.filter((c) => c.slot === 'number');
  assert.equal(numbers.length, 1);
  assert.deepEqual(numbers[0]!.values.map((v) => v.value).sort(), ['12 osób', '14 osób']);
  assert.equal(numbers[0]!.kind, 'contradiction');
});

test('summary: status marks, hedges kept, size clamped to 5–8', () => {
  const text = [
    'Parlament przyjął ustawę o ochronie lasów po długiej debacie.',
    'Ustawa prawdopodobnie wejdzie w życie w styczniu przyszłego roku.',
    'Z kolei opozycja zapowiedziała skargę do trybunału w tej sprawie.',
    'Minister środowiska oficjalnie potwierdził podpisanie dokumentu wczoraj.',
    'Ekolodzy od lat domagali się nowych przepisów dotyczących wycinki.',
    'Leśnicy obawiają się kosztów wdrożenia nowych zasad w nadleśnictwach.',
    'Samorządy dostaną dodatkowe pieniądze na nasadzenia drzew w miastach.',
    'Prezydent ma teraz trzy tygodnie na podpisanie ustawy o lasach.',
  ].join(' ');
  const a = handArticle({ id: 'a', text, statuses: { 1: 'hedged', 3: 'confirmed' } });
  const small = synthesizeStory({ id: 's', articles: [a] }, { summarySentences: 2 });
  assert.equal(small.summary.length, 5);
  const big = synthesizeStory({ id: 's', articles: [a] }, { summarySentences: 20 });
  assert.equal(big.summary.length, 8);
  for (const s of big.summary) assert.equal(text.slice(s.citations[0]!.start, s.citations[0]!.end), s.text);
  assert.equal(big.summary.length, 8, 'all eight sentences fit');
  const hedged = big.summary.find((s) => s.text.includes('prawdopodobnie'));
  assert.equal(hedged?.hedged, true);
  assert.ok(big.summary.some((s) => s.text.startsWith('opozycja zapowiedziała')), 'leading connective trimmed');
  assert.ok(big.confirmed.some((c) => c.text.startsWith('Minister środowiska')));
  assert.ok(big.speculation.some((c) => c.text.startsWith('Ustawa prawdopodobnie')));
});

test('trimConnective: drops discourse glue, never hedges', () => {
  assert.deepEqual(trimConnective('Z kolei biuro prezydenta Korei Południowej stwierdziło coś ważnego.', 'pl'), {
    text: 'biuro prezydenta Korei Południowej stwierdziło coś ważnego.',
    offset: 8,
  });
  assert.equal(trimConnective('Przypomnijmy, że w listopadzie pociągi miały zacząć kursować.', 'pl').text, 'w listopadzie pociągi miały zacząć kursować.');
  assert.equal(trimConnective('Prawdopodobnie rozmowy odbędą się we wtorek w stolicy.', 'pl').offset, 0);
  assert.equal(trimConnective('Zkolei to nie jest spójnik, tylko literówka w tekście.', 'pl').offset, 0);
});

test('HTML escapes article text: no <script> survives', () => {
  const text = 'Haker wstawił <script>alert("x")</script> do strony urzędu miasta wczoraj. Policja szuka sprawcy ataku na serwery urzędu od rana.';
  const report = synthesizeStory({ id: 's', title: 'Atak <script>', articles: [handArticle({ id: 'a', text })] });
  const html = renderHtml(report);
  assert.ok(!html.includes('<script>'), html);
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.match(html, /<style>/);
  const md = renderMarkdown(report);
  assert.ok(!md.includes('<script>'));
});

test('Markdown: article text cannot become a link or emphasis; citation numbers stay readable', () => {
  const text = 'Rzecznik podał [szczegóły](javascript:alert(1)) w komunikacie dla mediów wczoraj. Komunikat *oficjalny* opublikowano na stronie ministerstwa rano.';
  const md = renderMarkdown(synthesizeStory({ id: 's', title: 'Komunikat', articles: [handArticle({ id: 'a', text })] }));
  assert.ok(!md.includes('](javascript'), md);
  assert.ok(md.includes('[szczegóły]\\(javascript'), 'the link syntax is broken up, the words kept');
  assert.ok(md.includes('\\*oficjalny\\*'));
  assert.match(md, /\[1\]$/m, 'citations print as [1]');
});

test('conflicts: containment read from the text ("Zalesie w Krainie Dolnej") makes a refinement', () => {
  const entities = [
    ['Zalesiu', 'Zalesie', 'LOC', 'zls'],
    ['Zalesie', 'Zalesie', 'LOC', 'zls'],
    ['Krainie Dolnej', 'Kraina Dolna', 'LOC', 'krn-dln'],
    ['Borku', 'Borek', 'LOC', 'brk'],
  ] as const;
  const articles = [
    handArticle({ id: 'a', entities, text: 'Spotkanie odbędzie się w Zalesiu, podały władze regionu.' }),
    handArticle({ id: 'b', entities, text: 'Spotkanie odbędzie się w Krainie Dolnej, podało radio. Zalesie w Krainie Dolnej to małe miasto nad rzeką.' }),
    handArticle({ id: 'c', entities, text: 'Spotkanie odbędzie się w Borku, napisał dziennik lokalny.' }),
  ];
  const report = synthesizeStory({ id: 's', articles });
  const kinds = new Map(report.conflicts.map((c) => [c.values.map((v) => v.value).sort().join(' / '), c.kind]));
  assert.equal(kinds.get('Kraina Dolna / Zalesie'), 'refinement');
  assert.equal(kinds.get('Borek / Zalesie'), 'contradiction');
  assert.equal(kinds.get('Borek / Kraina Dolna'), 'contradiction');
});

test('conflicts: one quote pinned on two different people is a person conflict', () => {
  const quote = 'Nie pozwolimy na żadne ustępstwa w tej sprawie';
  const make = (id: string, speaker: string) => {
    const text = `„${quote}” – powiedział ${speaker} na konferencji prasowej.`;
    const base = handArticle({ id, text });
    const start = text.indexOf(quote);
    return { ...base, quotes: [{ start, end: start + quote.length, text: quote, kind: 'direct', speaker: { name: speaker }, sentence: 0 }] };
  };
  const report = synthesizeStory({ id: 's', articles: [make('a', 'Jan Kowalski'), make('b', 'Adam Nowak'), make('c', 'Jana Kowalskiego')] });
  const person = report.conflicts.filter((c) => c.slot === 'person');
  assert.equal(person.length, 1, JSON.stringify(report.conflicts));
  assert.deepEqual(person[0]!.values.map((v) => v.value).sort(), ['Adam Nowak', 'Jan Kowalski']);
  assert.equal(person[0]!.kind, 'contradiction');
});

test('English: same rules from the en resources (summit in Geneva vs Vienna, Geneva in Switzerland)', () => {
  const entities = [
    ['Geneva', 'Geneva', 'LOC', 'gnv'],
    ['Vienna', 'Vienna', 'LOC', 'vn'],
    ['Switzerland', 'Switzerland', 'LOC', 'geo-ch'],
  ] as const;
  const articles = [
    handArticle({ id: 'a', language: 'en', entities, text: 'The summit will take place in Geneva next week, officials said. Geneva in Switzerland hosted talks before.' }),
    handArticle({ id: 'b', language: 'en', entities, text: 'The summit will be held in the Austrian capital Vienna, the ministry said.' }),
    handArticle({ id: 'c', language: 'en', entities, text: 'The summit is expected in Switzerland, according to diplomats.' }),
  ];
  const report = synthesizeStory({ id: 's', articles });
  const kinds = new Map(report.conflicts.map((c) => [c.values.map((v) => v.value).sort().join(' / '), c.kind]));
  assert.equal(kinds.get('Geneva / Vienna'), 'contradiction');
  assert.equal(kinds.get('Geneva / Switzerland'), 'refinement');
});

test('summary: background dated before the story gets one place, at most a third, and comes last', () => {
  const news = [
    'Parlament przyjął ustawę o ochronie lasów po długiej debacie w nocy.',
    'Opozycja zapowiedziała skargę do trybunału w sprawie nowej ustawy.',
    'Samorządy dostaną dodatkowe pieniądze na nasadzenia drzew w miastach.',
    'Leśnicy obawiają się kosztów wdrożenia nowych zasad w nadleśnictwach.',
    'Prezydent ma teraz trzy tygodnie na podpisanie ustawy o lasach.',
    'Ekolodzy przyszli pod Sejm z transparentami i zielonymi flagami.',
  ];
  const past = [
    'Parlament odrzucił projekt ustawy o ochronie lasów w marcu 2019 roku.',
    'Sejm ponownie debatował o ustawie o lasach w maju 2020 roku.',
    'Opozycja złożyła własny projekt ochrony lasów w czerwcu 2021 roku.',
    'Prezydent zawetował poprzednią ustawę o lasach w lipcu 2022 roku.',
  ];
  const times = [['w marcu 2019 roku', '2019-03'], ['w maju 2020 roku', '2020-05'], ['w czerwcu 2021 roku', '2021-06'], ['w lipcu 2022 roku', '2022-07']] as const;
  const a = handArticle({ id: 'a', published: '2023-09-12', text: [...past, ...news].join(' '), times });
  const report = synthesizeStory({ id: 's', articles: [a] }, { summarySentences: 6 });
  const background = report.summary.filter((s) => past.includes(s.text));
  assert.ok(background.length >= 1, 'no background sentence');
  assert.ok(background.length <= 2, `background takes ${background.length} of 6`);
  assert.ok(past.includes(report.summary.at(-1)!.text), `last sentence is not background: ${report.summary.at(-1)!.text}`);
  const onlyNews = synthesizeStory({ id: 's', articles: [handArticle({ id: 'b', published: '2023-09-12', text: news.join(' ') })] });
  assert.equal(onlyNews.summary.length, 6, 'no background: every place goes to the news');
});

test('origins: one outlet, a declared reprint ("PAP."), and verbatim copies count once', () => {
  const pap = 'Przewoźnik odwołał dziś ponad trzysta lotów z powodu strajku personelu pokładowego w trzech krajach Europy. Związki zawodowe domagają się podwyżek płac i umów zawieranych na podstawie prawa lokalnego.';
  const articles = [
    { ...handArticle({ id: 'a', text: `${pap}\n\nPAP.` }), article: { ...handArticle({ id: 'a', text: `${pap}\n\nPAP.` }).article, outlet: 'gazeta.pl', origin: 'https://gazeta.pl/1' } },
    { ...handArticle({ id: 'b', text: pap }), article: { ...handArticle({ id: 'b', text: pap }).article, outlet: 'tvp.info', origin: 'https://tvp.info/2' } },
    { ...handArticle({ id: 'c', text: 'Strajk w liniach lotniczych trwa od rana. Pasażerowie czekają na lotniskach na informacje.' }), article: { ...handArticle({ id: 'c', text: 'x' }).article, id: 'c', text: 'Strajk w liniach lotniczych trwa od rana. Pasażerowie czekają na lotniskach na informacje.', outlet: 'gazeta.pl', origin: 'https://gazeta.pl/3' } },
    { ...handArticle({ id: 'd', text: 'Inny portal pisze o strajku własnymi słowami i podaje własne liczby pasażerów.' }), article: { ...handArticle({ id: 'd', text: 'x' }).article, id: 'd', text: 'Inny portal pisze o strajku własnymi słowami i podaje własne liczby pasażerów.', outlet: 'rp.pl', origin: 'https://rp.pl/4' } },
  ];
  const report = synthesizeStory({ id: 's', articles });
  // a (declares PAP) and b (copies its text) are one origin; c is gazeta.pl's own piece; d stands alone.
  assert.equal(report.counts.independentSources, 3, JSON.stringify(report.sources.map((s) => [s.article, s.independentOrigin])));
  assert.equal(report.sources.find((s) => s.article === 'a')!.independentOrigin, 'PAP');
});

test('claims: "100 tys. pasażerów" and "50 tys." are not one claim; figures and a negation keep claims apart', () => {
  const report = synthesizeStory({
    id: 's',
    articles: [
      handArticle({ id: 'a', text: 'Odwołane loty dotkną w sumie 100 tysięcy pasażerów linii w Europie.' }),
      handArticle({ id: 'b', text: 'Odwołane loty dotkną w sumie 50 tysięcy pasażerów linii w Europie.' }),
      handArticle({ id: 'c', text: 'Związkowcy nie zgadzają się na nowe umowy o pracę w firmie.' }),
      handArticle({ id: 'd', text: 'Związkowcy zgadzają się na nowe umowy o pracę w firmie.' }),
    ],
  });
  for (const c of report.claims) assert.equal(c.articles.length, 1, `${c.text} ← ${c.articles.join(',')}`);
  const numbers = report.conflicts.filter((c) => c.slot === 'number');
  assert.deepEqual(numbers.map((c) => c.values.map((v) => v.value).sort()), [['100 tysięcy pasażerów', '50 tysięcy pasażerów']]);
});

test('conflicts: a later count updates an earlier expectation; a different measure and a part are no conflict', () => {
  const day = (d: string) => ({ published: d });
  const articles = [
    handArticle({ id: 'a', ...day('2018-09-18'), text: 'Przewoźnik odwoła w piątek ponad 600 lotów z powodu strajku.' }),
    handArticle({ id: 'b', ...day('2018-09-28'), text: 'Przewoźnik odwołał w piątek 250 lotów z powodu strajku.' }),
    handArticle({ id: 'c', ...day('2018-09-28'), text: 'Przewoźnik odwołał 120 lotów każdego dnia strajku w całej Europie.' }),
    handArticle({ id: 'd', ...day('2018-09-28'), text: 'Przewoźnik odwołał cztery loty z lotniska w naszym mieście.' }),
  ].map((a) => ({ ...a, article: { ...a.article, published: { value: a.article.published!.value, precision: 'day' as const } } }));
  const report = synthesizeStory({ id: 's', articles });
  const numbers = report.conflicts.filter((c) => c.slot === 'number');
  assert.equal(numbers.length, 1, JSON.stringify(numbers.map((c) => [c.kind, c.values.map((v) => v.value)])));
  assert.equal(numbers[0]!.kind, 'update');
  assert.deepEqual(numbers[0]!.values.map((v) => [v.value, v.state]), [['ponad 600 lotów', 'superseded'], ['250 lotów', 'current']]);
  assert.ok(!numbers.some((c) => c.values.some((v) => /120|cztery/.test(v.value))), 'a per-day figure and a local count are other measures');
  const expected = report.claims.flatMap((c) => c.sentences).find((s) => s.article === 'a')!;
  assert.equal(expected.status, 'superseded');
});

test('conflicts: a denial of another source\'s account of where someone is makes a dispute', () => {
  const entities = [['Pakistanu', 'Pakistan', 'LOC', 'geo-pk'], ['Asia Bibi', 'Asia Bibi', 'PER', 'as-b']] as const;
  const articles = [
    handArticle({ id: 'a', entities, text: 'Asia Bibi jest w samolocie, ale nikt nie wie, gdzie wyląduje.' }),
    handArticle({ id: 'b', entities, text: 'Asia Bibi została przewieziona w bezpieczne miejsce na terenie Pakistanu, dementując informacje o wyjeździe.', statuses: { 0: 'denied' } }),
  ];
  const report = synthesizeStory({ id: 's', articles });
  const dispute = report.conflicts.find((c) => c.kind === 'dispute');
  assert.ok(dispute, JSON.stringify(report.conflicts));
  assert.deepEqual(dispute.values.map((v) => v.value), ['samolot', 'Pakistan']);
  assert.equal(report.claims.find((c) => c.articles.includes('a'))!.status, 'disputed');
});

test('conflicts: an acronym or the first words of a name are the same name, not a second place', () => {
  assert.equal(sameName('UE', 'Unia Europejska'), true);
  assert.equal(sameName('Federalny Urząd', 'Federalny Urząd Żeglugi'), true);
  assert.equal(sameName('Wyborg', 'Ust-Ługa'), false);
  assert.equal(sameName('Irlandia', 'Dublin'), false);
});

test('claims: a wording that opens pointing back ("Ten w środę…") shows a claim only when no other wording states it', () => {
  const pointer = 'Ten w środę uniewinnił oskarżoną nauczycielkę z miasta Lahaur.';
  const a = handArticle({ id: 'a', text: `${pointer} Inne wieści.` });
  const b = handArticle({ id: 'b', text: `${pointer} Jeszcze inne wieści.` });
  const c = handArticle({ id: 'c', text: 'Sąd Najwyższy w środę uniewinnił oskarżoną nauczycielkę z miasta Lahaur. Koniec.' });
  const report = synthesizeStory({ id: 's', articles: [a, b, c] });
  const claim = report.claims.find((x) => x.text.includes('uniewinnił'));
  assert.ok(claim);
  assert.deepEqual([...claim.articles].sort(), ['a', 'b', 'c']);
  assert.match(claim.text, /^Sąd Najwyższy/);
  const alone = synthesizeStory({ id: 's', articles: [a] }).claims.find((x) => x.text.includes('uniewinnił'));
  assert.equal(alone?.text, pointer, 'the only wording is still shown');
});

test('features: a story name followed by where it is ("Sąd Najwyższy w Pakistanie") is that name for comparing claims', async () => {
  const { storyFeatures } = await import('../../src/synthesis/features.ts');
  const a = handArticle({ id: 'a', text: 'W środę Sąd Najwyższy w Pakistanie uchylił wyrok.', entities: [['Sąd Najwyższy w Pakistanie', 'Sąd Najwyższy w Pakistanie', 'ORG', 'sn-w-pk']] });
  const b = handArticle({ id: 'b', text: 'Sąd Najwyższy uchylił w środę wyrok.', entities: [['Sąd Najwyższy', 'Sąd Najwyższy', 'ORG', 'sn']] });
  const c = handArticle({ id: 'c', text: 'Minister w rządzie podał się do dymisji.', entities: [['Minister w rządzie', 'Minister w rządzie', 'PER', 'mnstr-w-rz']] });
  const features = storyFeatures([a, b, c]);
  assert.deepEqual([...features.sentences[0]!.entityKeys], ['sn']);
  assert.deepEqual([...features.sentences[2]!.entityKeys], ['mnstr-w-rz'], 'no shorter name of the story: the key stays');
});

test('origins: a reprint takes the agency from that article only; a shared background paragraph is no copy; three uncredited prints are the credited wire', () => {
  const at = (id: string, outlet: string, text: string, published = '2018-11-03'): ReturnType<typeof handArticle> => {
    const h = handArticle({ id, text, published });
    return { ...h, article: { ...h.article, outlet, origin: `https://${outlet}/${id}` } };
  };
  const agency = 'Sąd najwyższy uniewinnił w środę kobietę skazaną wcześniej na karę śmierci za bluźnierstwo. Po ogłoszeniu wyroku w kilku miastach wybuchły gwałtowne protesty radykalnych ugrupowań religijnych.';
  const wire = 'Rząd zawarł w piątek porozumienie z przywódcami protestujących ugrupowań, którzy blokowali drogi. Zgodnie z porozumieniem władze wszczną procedurę zakazu opuszczania kraju przez uniewinnioną kobietę.';
  const background = 'Kobieta została aresztowana w 2009 roku po kłótni z sąsiadkami przy pracy w polu. Dwóch polityków wysokiego szczebla, którzy chcieli jej pomóc, zostało zamordowanych.';
  const protests = [
    'Tysiące zwolenników radykalnej partii zablokowały w czwartek główne drogi w Lahaurze.',
    'Policja otoczyła budynek sądu i ustawiła zapory na ulicach prowadzących do parlamentu.',
    'Demonstranci palili opony i domagali się odwołania sędziów, którzy wydali wyrok.',
    'Szkoły w największych miastach pozostały zamknięte przez dwa kolejne dni tygodnia.',
    'Operatorzy komórkowi wyłączyli sieć w kilku dzielnicach na prośbę władz lokalnych.',
    'Przywódca partii wezwał swoich zwolenników do pozostania na ulicach aż do skutku.',
  ].join(' ');
  const talks = [
    'Minister spraw wewnętrznych spotkał się w piątek z przedstawicielami duchownych w Islamabadzie.',
    'Rozmowy trwały kilka godzin i zakończyły się podpisaniem dokumentu liczącego pięć punktów.',
    'Opozycja zarzuciła premierowi ustępstwa wobec ekstremistów i zapowiedziała debatę w parlamencie.',
    'Obrońca kobiety powiedział dziennikarzom, że obawia się o swoje życie i wyjedzie za granicę.',
    'Organizacje praw człowieka zaapelowały do władz o zapewnienie ochrony całej rodzinie.',
    'Ambasady kilku krajów europejskich nie skomentowały doniesień o możliwym azylu dla kobiety.',
  ].join(' ');
  const report = synthesizeStory({
    id: 's',
    articles: [
      at('p1', 'wgospodarce.pl', `${agency}\n\nPAP.`),
      at('t1', 'tvp.info', agency),
      at('t2', 'tvp.info', 'Telewizja pokazała w sobotę nagrania z demonstracji w Lahaurze i w Karaczi. Reporterzy rozmawiali z mieszkańcami, którzy obawiają się dalszych zamieszek.'),
      at('x', 'tvn24.pl', `${protests} ${background}`),
      at('y', 'rp.pl', `${talks} ${background}`),
      at('u1', 'onet.pl', wire),
      at('u2', 'interia.pl', wire),
      at('u3', 'rmf24.pl', wire),
    ],
  });
  const origin = (id: string): string => report.sources.find((s) => s.article === id)!.independentOrigin;
  // tvp.info printing the agency's text takes PAP for that article; its own report stays its own.
  assert.equal(origin('t1'), 'PAP');
  assert.equal(origin('t2'), 'tvp.info');
  // Two long reports sharing one background paragraph are two origins.
  assert.notEqual(origin('x'), origin('y'));
  // One text three outlets print with no credit is the wire the story's articles credit.
  assert.deepEqual(['u1', 'u2', 'u3'].map(origin), ['PAP', 'PAP', 'PAP']);
  assert.equal(report.counts.independentSources, 4, JSON.stringify(report.sources.map((s) => [s.article, s.independentOrigin])));
});
