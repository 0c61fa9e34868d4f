/**
 * A lede's shape (src/synthesis/summary.ts chooseLead): a sentence leaning on the one before (a
 * connective in its first clause, an attribution whose speaker is in the sentence before) does not
 * open the summary. Real sentences of the tenth round's lead audit (unlabelled development stories, eval/data/lead-audit/), through the
 * real ingest and analysis layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { storyFeatures } from '../../src/synthesis/features.ts';
import { followsOn, headlineQuote, mainSubject, opensWithDroppedSubject, principalNames, reportsSaying, storyFrame, tellsCalendar, tellsRemark, tellsStanding } from '../../src/synthesis/summary.ts';

const analysed = (text: string, i: number, day?: string) =>
  analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, ...(day && { published: { value: day, precision: 'day' as const } }) }, '2026-01-01T00:00:00.000Z'));

/** Each sentence of the texts (one article each) → what `rule` says of it. */
function judged(rule: (s: ReturnType<typeof storyFeatures>['sentences'][number]) => boolean, ...texts: string[]): Record<string, boolean> {
  const features = storyFeatures(texts.map((t, i) => analysed(t, i)));
  return Object.fromEntries(features.sentences.map((s) => [s.sentence.text, rule(s)]));
}

/** One article per [publication day, text]. */
function story(...articles: readonly (readonly [string, string])[]) {
  return synthesizeStory({ id: 's', articles: articles.map(([day, text], i) => analysed(text, i, day)) });
}

// Ryanair's Polish crews (October–November 2018).
const BECAUSE = 'Ryanair odmawia bowiem uznania założonego w Polsce związku zawodowego CWR Poland.';
const UNION = 'W Polsce związek zawodowy pracowników pokładowych odmówił podpisywania nowych umów, jakie chce wprowadzić polska filia przewoźnika.';
const INSPECTION = 'Inspektorzy pracy z Okręgowego Inspektoratu Pracy wszczęli kontrolę w spółce Ryanair Sun, która ma przejąć w Polsce realizację rozkładowych rejsów największej taniej linii lotniczej w Europie.';

test('followsOn: a connective in the first clause ties the sentence to the one before; one after a comma does not', () => {
  assert.deepEqual(
    judged(
      followsOn,
      `${BECAUSE} ${UNION}`,
      'Anonimowe źródło agencji Reutera na Downing Street odrzuciło jednak spekulacje medialne, oceniając, że takie rozwiązanie byłoby "kompletnie nie do przyjęcia". Londyn obiecał Brukseli, że w Irlandii nie odrodzi się twarda granica, jednak rząd Theresy May wciąż nie ma pomysłu, jak tego dokonać.',
    ),
    {
      [BECAUSE]: true,
      [UNION]: false,
      'Anonimowe źródło agencji Reutera na Downing Street odrzuciło jednak spekulacje medialne, oceniając, że takie rozwiązanie byłoby "kompletnie nie do przyjęcia".': true,
      'Londyn obiecał Brukseli, że w Irlandii nie odrodzi się twarda granica, jednak rząd Theresy May wciąż nie ma pomysłu, jak tego dokonać.': false,
    },
  );
});

test('a sentence explaining the one before ("…odmawia bowiem…") never leads, though two outlets carry it', () => {
  const report = story(['2018-11-01', `${BECAUSE} ${UNION}`], ['2018-11-02', `${INSPECTION} ${BECAUSE}`], ['2018-10-18', UNION]);
  assert.notEqual(report.summary[0]!.text, BECAUSE, report.summary.map((s) => s.text).join('\n'));
});

test('opensWithDroppedSubject: "Jak zaznaczyła," names no speaker; "Jak podkreślił Marcin Makowski," and "Jak mówił europoseł," do', () => {
  const dropped = 'Jak zaznaczyła, w procesie jego tworzenia konsultowane są m.in. grupy obywateli UE w tym Polaków, pracodawcy i ambasady państw członkowskich.';
  const named = 'Jak podkreślił Marcin Makowski, plusem jest to, że Unia Europejska i Komisja Europejska uginają się pod argumentacją państw takich jak Polska.';
  const role = 'Jak mówił europoseł, po opuszczeniu UE przez Wielką Brytanię do budżetu Wspólnoty będzie wpływało rocznie mniej o 10-14 mld euro.';
  assert.deepEqual(judged(opensWithDroppedSubject, `${dropped} ${named} ${role}`), { [dropped]: true, [named]: false, [role]: false });
});

test('an attribution naming nobody ("Jak dodał, Nord Stream 2 destabilizuje…") is no summary sentence: the premier\'s opinion would read as the outlet\'s', () => {
  const added = 'Jak dodał, Nord Stream 2 destabilizuje Europę również od strony bezpieczeństwa.';
  const report = story(
    ['2018-07-12', `Bez wsparcia innych państw projekt budowy Nord Stream 2 będzie nam ciężko zablokować - powiedział w czwartek premier Mateusz Morawiecki. ${added}`],
    ['2018-07-12', `Premier Mateusz Morawiecki spotkał się w czwartek z mieszkańcami Szczecina. ${added}`],
    ['2018-06-28', 'Zgromadzenie przedstawicieli Parlamentu Europejskiego i parlamentów państw uczestniczących w Partnerstwie Wschodnim (Euronest) potępiło budowę gazociągu Nord Stream 2.'],
  );
  assert.ok(!report.summary.some((s) => added.endsWith(s.text)), report.summary.map((s) => s.text).join('\n'));
});

// The US sanctions threat against Nord Stream 2 (September 2018): a Russian agency's forecast of what
// the visit will bring, then the report of the visit.
const FORECAST = 'Źródło agencji rosyjskiej TASS przekonuje, że podczas wizyty sekretarza stanu USA w Rosji padnie temat spornego gazociągu Nord Stream 2.';
const THREAT = 'Chociaż sekretarz stanu USA grozi Rosji sankcjami wobec Nord Stream 2, to przyznaje też, że oba kraje nie chcą takiego scenariusza.';
const DIRECTIVE = 'Pod wpływem presji Polski pojawiła się szansa na przyspieszenie unijnych prac nad przepisami, które utrudnią powstanie Nord Stream 2.';

test('a perfective non-past is the Polish future: a forecast ("…padnie temat…") weighs as a plan, so the report of the visit leads', () => {
  const report = story(
    ['2018-09-13', `${FORECAST} Rick Perry ma odwiedzić Moskwę w czwartek 13 września.`],
    ['2018-09-14', `${THREAT} Nowy pakiet obostrzeń zostanie przedstawiony w listopadzie.`],
  );
  assert.equal(report.summary[0]?.text, THREAT, report.summary.map((s) => s.text).join('\n'));
});

test('a future in a relative clause ("przepisami, które utrudnią…") tells of a noun, not a plan: the sentence still leads', () => {
  const report = story(
    ['2018-06-18', `${DIRECTIVE} Bułgaria do tej pory hamowała prace nad zmianami w dyrektywie gazowej dotyczącymi Nord Stream 2.`],
    ['2018-06-28', 'Zgromadzenie Euronest wyraziło zaniepokojenie w związku z budową Nord Stream 2.'],
  );
  assert.equal(report.summary[0]?.text, DIRECTIVE, report.summary.map((s) => s.text).join('\n'));
});

// The Irish border in the Brexit talks (May 2018): three wire texts close with the same calendar line.
const CALENDAR = 'Wielka Brytania ma opuścić Unię Europejską 29 marca 2019 roku.';

/** Each sentence of one article published on `day` → whether it is a calendar line. */
function calendar(day: string, text: string): Record<string, boolean> {
  const features = storyFeatures([analysed(text, 0, day)]);
  return Object.fromEntries(features.sentences.map((s) => [s.sentence.text, tellsCalendar(s)]));
}

test('tellsCalendar: a day set months past publication, told with no past-tense verb, is a calendar line; within a month, or after a past verb, it is not', () => {
  const decided = 'Brytyjska premier wyrażała przekonanie, że nie spodziewa się znacznego napływu migrantów przed przewidzianym na 1 stycznia 2021 roku końcem tzw. okresu przejściowego, który oznacza też zakończenie swobody przepływu osób.';
  const news = 'Główny unijny negocjator ds. Brexitu Michel Barnier ostrzegł w poniedziałek w Brukseli, że od marca nie ma znaczących postępów w negocjacjach z Londynem o wyjściu Wielkiej Brytanii z UE.';
  assert.deepEqual(calendar('2018-05-21', `${news} ${decided} ${CALENDAR}`), { [news]: false, [decided]: false, [CALENDAR]: true });
  // Days before the date the same line is the news ahead: a scheduled happening, not the calendar.
  assert.deepEqual(calendar('2019-03-20', CALENDAR), { [CALENDAR]: false });
});

/** One article per [headline, text], published the same day. */
function titled(...articles: readonly (readonly [string, string])[]) {
  return articles.map(([title, text], i) =>
    analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, title, published: { value: '2018-06-22', precision: 'day' } }, '2026-01-01T00:00:00.000Z')),
  );
}

test('followsOn: an additive particle in the first clause ("Przybyli również…", "…opowiedział się także…") adds to the sentence before', () => {
  assert.deepEqual(
    judged(
      followsOn,
      // Asia Bibi 2018-02 (the Colosseum lit red) and Brexit 2018-06 (a minister resigns).
      'Przybyli również mąż i córka pakistańskiej chrześcijanki Asi Bibi, od 9 lat przebywającej w więzieniu i skazanej na karę śmierci za bluźnierstwo przeciwko Mahometowi.',
      'Niespodziewanie Lee opowiedział się także za drugim referendum w sprawie brexitu.',
      'Minister sprawiedliwości Wielkiej Brytanii Phillip Lee zrezygnował ze stanowiska w rządzie Theresy May.',
    ),
    {
      'Przybyli również mąż i córka pakistańskiej chrześcijanki Asi Bibi, od 9 lat przebywającej w więzieniu i skazanej na karę śmierci za bluźnierstwo przeciwko Mahometowi.': true,
      'Niespodziewanie Lee opowiedział się także za drugim referendum w sprawie brexitu.': true,
      'Minister sprawiedliwości Wielkiej Brytanii Phillip Lee zrezygnował ze stanowiska w rządzie Theresy May.': false,
    },
  );
});

// Brexit 2018-06 (Airbus's warning): the articles name the Union most, the headlines name Airbus.
const AIRBUS = [
  ['Airbus rozważa ograniczenie inwestycji w Wielkiej Brytanii. Powód? Brexit', 'Firma – która rocznie wpłaca do brytyjskiego budżetu blisko 2 mld funtów podatków, zatrudniając ok. 14 tys. osób, a 110 tys. w szerszym łańcuchu dostaw – rozważa przeniesienie produkcji do innego kraju europejskiego, Chin lub Stanów Zjednoczonych. Jak zaznaczono, latem szefostwo koncernu będzie podejmowało „szereg decyzji inwestycyjnych”, w których Wielka Brytania będzie na gorszej pozycji ze względu na obawy dotyczące przyszłych certyfikatów bezpieczeństwa i niepewność związaną z kontrolami granicznymi i celnymi w kontekście przyszłych relacji handlowych z UE.'],
  ['Airbus rozważa przeniesienie produkcji skrzydeł z Wielkiej Brytanii. Powód? Brexit', 'Airbus rozważa wycofanie się z planów produkcji skrzydeł do nowych samolotów w brytyjskich fabrykach. Powód to niestabilność związaną z Brexitem, czyli wyjściem Wielkiej Brytanii z Unii Europejskiej - informuje "The Times".'],
  ['Airbus ostrzega, że może odfrunąć z Wielkiej Brytanii', 'Airbus ostrzegł, że może opuścić Wielką Brytanię, jeśli kraj ten opuści Unię Europejską i unię celną bez satysfakcjonującej umowy przejściowej - informuje BBC. Airbus zatrudnia około 14 tys. osób w 25 lokalizacjach w Wielkiej Brytanii.'],
  ['Brexit odstraszył unijne inwestycje na Wyspach', 'Perspektywa wyjścia W. Bytanii z Unii Europejskiej sprawiła, że niemal połowa dużych firm z reszty bloku zmniejszyła inwestowanie w tym kraju — wynika z ankiety wśród 800 szefów przeprowadzonej w dwa lata po referendum.'],
  ['Brexit odstrasza i i zmniejsza eksport', 'Kolejna ankieta potwierdza spadek inwestycji firm europejskich w W. Brytanii z powodu Brexitu. Siemens i Airbus ogłosiły, że tzw. hard Brexit może zagrozić ich obecności na Wyspach. Unia Europejska pozostaje największym partnerem handlowym Wielkiej Brytanii.'],
] as const;

test('principalNames: a name the headlines give more often than the most named one is a principal of the story', () => {
  const articles = titled(...AIRBUS);
  const features = storyFeatures(articles);
  const airbus = features.sentences.flatMap((s) => s.mentions).find((m) => m.text === 'Airbus')?.key;
  assert.ok(airbus !== undefined);
  assert.notEqual(mainSubject(features), airbus, 'the most named name is the frame, so the rule is what admits Airbus');
  assert.deepEqual([...principalNames(features)], [airbus]);
});

test('principalNames: where the headlines name the most named one as often, there is none', () => {
  const features = storyFeatures(titled(...AIRBUS.map(([title, text]) => [`${title} Unia Europejska`, text] as const)));
  assert.equal(principalNames(features).size, 0);
});

// Brexit 2018-03 (Cambridge Analytica): three outlets give the 50 million users' data in three
// wordings, joined into one claim through the figure alone.
const DATA = [
  ['Cambridge Analytica: Czy firma, która wsparła kampanię Trumpa angażowała się też w brexit?', 'Po publikacjach „Observer” oraz „The New York Times” wyszło na jaw, że Cambridge Analytica nielegalnie wykorzystała dane na temat 50 mln użytkowników Facebooka. Przygotowała dzięki temu w USA materiały wyborcze dla sztabu Donalda Trumpa.'],
  ['Coraz większe kłopoty Facebooka. Audyt w firmie przeprowadzi Federalna Komisja Handlu', 'Brytyjski „Observer” opublikował w niedzielę szczegóły dziennikarskiego śledztwa dotyczącego działalności Cambridge Analytica. Podał, że firma naruszyła prawo, pozyskując i wykorzystując w celach komercyjnych dane dotyczące nawet 50 milionów osób zarejestrowanych na Facebooku.'],
  ['Facebook w tarapatach? Dane milionów użytkowników wykorzystane przez sztaby wyborcze', 'Gazety „Guardian” oraz „Observer” ujawniły aferę związaną z Facebookiem oraz firmą Cambridge Analytica, zajmującą się badaniem opinii społecznych. Aferę nagłośnił były szef działu badań Cambridge Analytica Chris Wylie, który ogłosił, że firma zdobyła nielegalnie dane około 50 milionów amerykańskich użytkowników Facebooka.'],
] as const;

test('a claim joined through a figure alone may lead, weighed as its own wording\'s one source', () => {
  const report = synthesizeStory({ id: 's', articles: titled(...DATA) });
  const lead = report.summary[0]!;
  const claim = report.claims.find((c) => c.sentences.some((x) => x.article === lead.citations[0]!.article && x.end === lead.citations[0]!.end));
  assert.match(lead.text, /50 (?:mln|milionów)/u, report.summary.map((s) => s.text).join('\n'));
  assert.ok(claim !== undefined && claim.articles.length > 1);
});

// The second Brexit referendum Nigel Farage suggested (January 2018): the 2016 vote, recalled.
const FARAGE_THURSDAY = 'Były lider eurosceptycznej Partii Niepodległości Zjednoczonego Królestwa Nigel Farage i współzałożyciel wpływowej kampanii Leave.EU na rzecz wyjścia W. Brytanii z UE Arron Banks zasugerowali w czwartek poparcie dla powtórzenia referendum ws. Brexitu.';
const VOTE_2016 = 'W 2016 roku za wyjściem z UE opowiedziało się 52 proc. Brytyjczyków, a przeciwnego zdania było 48 proc.';
const FIRST_VOTE = 'W pierwszym referendum w sprawie Brexitu za opuszczeniem Wspólnoty głosowało 52 procent osób.';
const FARAGE_DEBATE = 'Nigel Farage, były przywódca Partii Niepodległości Zjednoczonego Królestwa (UKIP) ponownie rozpoczął debatę nad możliwym drugim referendum w sprawie Brexitu.';

test('an undated wording of what two outlets date before the story ("W pierwszym referendum … 52 procent") is history recalled: it never leads', () => {
  const report = story(
    ['2018-01-11', `${FARAGE_THURSDAY} ${VOTE_2016}`],
    ['2018-01-14', `Przywódca brytyjskiej opozycyjnej Partii Pracy Jeremy Corbyn powiedział w niedzielę w wywiadzie telewizyjnym, że jego ugrupowanie nie popiera pomysłu rozpisania drugiego referendum ws. Brexitu. ${VOTE_2016}`],
    ['2018-01-12', `${FIRST_VOTE} ${FARAGE_DEBATE}`],
    ['2018-01-12', `${FIRST_VOTE} Farage powiedział w porannym programie telewizji Channel 5, że może poprzeć drugie referendum.`],
  );
  assert.notEqual(report.summary[0]?.text, FIRST_VOTE, report.summary.map((s) => s.text).join('\n'));
  // Still in the summary when it has room: it is recalled, not dropped.
  assert.ok(report.summary.some((s) => s.text === FIRST_VOTE || s.text === VOTE_2016), report.summary.map((s) => s.text).join('\n'));
});

test('one outlet dating a noun of its sentence ("decyzji dyrekcji z grudnia") does not make another wording of its figure history', () => {
  const agreed = 'Ryanair, największy europejski tani przewoźnik lotniczy, zgodził się po raz pierwszy od 32 lat negocjować z brytyjskim związkiem pilotów kwestie dotyczące wynagrodzeń i urlopów, donosi Reuters.';
  const report = story(
    ['2018-01-30', `${agreed} Ryanair zwrócił się do pilotów w rodzimej bazie w Dublinie, by pominęli związek zawodowy.`],
    ['2018-01-31', 'Zmiana stanowiska nastąpiła po zaskakującej wszystkich decyzji dyrekcji z grudnia o uznaniu po raz pierwszy od 32 lat związków zawodowych, dla uniknięcia powszechnych strajków w okresie świąt. Związki zawodowe w Europie zwróciły się do Ryanaira o wspólne spotkanie z dyrekcją.'],
  );
  assert.equal(report.summary[0]?.text, agreed, report.summary.map((s) => s.text).join('\n'));
});

test('tellsStanding: a present verb of state the outlet states, with no past verb and no day, tells how things stand; a dynamic present, a past act or someone\'s view does not', () => {
  const lives = 'W Wielkiej Brytanii na stałe mieszka ok. 3,2 mln obywateli 27 państw Unii Europejskiej, w tym ponad milion Polaków.';
  const prisons = 'W pakistańskich więzieniach nadal przebywa wielu chrześcijan oskarżanych o bluźnierstwo przeciwko Mahometowi.';
  const candidate = 'W tym roku kandydatką jest Asia Bibi, pakistańska chrześcijanka, skazana na śmierć za bluźnierstwo, która przebywa w więzieniu od niemal ośmiu lat.';
  const considers = 'Wielka Brytania rozważa stworzenie własnego systemu nawigacji satelitarnej (GPS), który byłby konkurencyjny wobec realizowanego przez Unię Europejską projektu Galileo.';
  const presented = 'Home Office przedstawiło w czwartek założenia nowego systemu, w którym będą mogli rejestrować się ekspaci z Unii, chcący dalej żyć na Wyspach po brexicie.';
  const threatens = 'Chociaż sekretarz stanu USA grozi Rosji sankcjami wobec Nord Stream 2, to przyznaje też, że oba kraje nie chcą takiego scenariusza.';
  // Experts' view of a state: their judgement is the news.
  const judgement = 'Obwarowania planowane przez Komisję Europejską w sprawie budowy drugiej nitki gazociągu Nord Stream 2 są zdaniem ekspertów niedopuszczalne.';
  assert.deepEqual(judged(tellsStanding, `${lives} ${prisons} ${candidate} ${considers} ${presented} ${threatens} ${judgement}`), {
    [lives]: true,
    [prisons]: true,
    [candidate]: true,
    [considers]: false,
    [presented]: false,
    [threatens]: false,
    [judgement]: false,
  });
});

test('a standing state the headlines share ("W pakistańskich więzieniach nadal przebywa…") gives the lead to the story\'s act', () => {
  const prisons = 'W pakistańskich więzieniach nadal przebywa wielu chrześcijan oskarżanych o bluźnierstwo przeciwko Mahometowi.';
  // pl-asia-extra-1's first sentence up to its dash (its rest repeats the prisons sentence's words).
  const rejected = 'Najwyższy Sąd Pakistanu odrzucił we wtorek wniosek o ponowne rozpatrzenie sprawy Asii Bibi.';
  const report = synthesizeStory({
    id: 's',
    articles: titled(
      ['Wyrok śmierci za SMS-y. Chrześcijanie są oskarżeni o bluźnierstwo', `${prisons} Źródła kościelne mówią nawet od 187 takich przypadkach.`],
      ['Asia Bibi spędziła 10 lat w pakistańskim więzieniu. Teraz ukrywa się w Kanadzie', 'Prawnik kobiety poinformował, że zarówno Asia Bibi, jak i jej mąż przylecieli właśnie do tego kraju, w którym mieszkają ich dwie córki.'],
      ['Decyzja Sądu Najwyższego Pakistanu o podtrzymaniu wyroku uniewinniającego Asię Bibi', rejected],
    ),
  });
  assert.equal(report.summary[0]?.text, rejected, report.summary.map((s) => s.text).join('\n'));
});

// A warning on record (brexit-2018-06-08-johnson-tape; the lead audit's h1-regions-fund, file 1530):
// the speaker's act of saying is stated, only what was said is uncertain.
const JOHNSON_WARNS = 'Boris Johnson, szef brytyjskiego MSZ, na wykonanym potajemnie nagraniu ostrzega, że po po brexicie Londyn może "pozostać w przedpokoju Unii, bez wolności handlowej, bez możliwości ustalania ceł czy własnych regulacji".';
const REGIONS_WARN = 'Jak ostrzega Komitet Regionów, wyjście Wielkiej Brytanii z Unii Europejskiej może przynieść liczne problemy wielu regionom i miastom w Europie.';

test('reportsSaying: a hedge only in what a named speaker said leaves the saying stated; a view ("uważa, że") or a hedge of the outlet\'s own does not', () => {
  const said = 'Szef Ministerstwa Spraw Zagranicznych Wielkiej Brytanii Boris Johnson powiedział, że po brexicie może nastąpić zapaść, ale nie należy panikować.';
  // A view, not an act: the Cambridge Analytica story's "uważa".
  const view = 'Christopher Wylie, który ujawnił nielegalne praktyki swojej byłej firmy Cambridge Analytica (CA), uważa, że wynik referendum w sprawie brexitu mógł być inny.';
  // A poll's conditional: no speaker's act, the source is a survey named after the hedge.
  const poll = 'Gdyby doszło do drugiego referendum - jak wynika z sondażu - 51 proc. głosujących opowiedziałoby się za pozostaniem w UE.';
  // Whose view it is, no verb of saying (spare window brexit 2018-04-05…20, file 1480).
  const opinion = 'W opinii Tomasza Wróblewskiego, punktem odniesienia dla rozmów Polska – KE mogą być negocjacje wokół Brexitu jeszcze sprzed referendum.';
  // Nobody's words: the outlet's own hedge.
  const own = 'Wszystkie prace przy budowie gazociągu mogą się opóźnić o kilka miesięcy.';
  assert.deepEqual(judged(reportsSaying, `${JOHNSON_WARNS} ${said} ${REGIONS_WARN} ${view} ${opinion} ${poll} ${own}`), {
    [JOHNSON_WARNS]: true,
    [said]: true,
    [REGIONS_WARN]: true,
    [view]: false,
    [opinion]: false,
    [poll]: false,
    [own]: false,
  });
});

test('a warning on record leads its article: the lede "Jak ostrzega Komitet Regionów, … może przynieść…" over the committee\'s later statements', () => {
  // brexit_pl.txt_file_1530.txt (euractiv.pl, 24 May 2018), its first, third, eighth and thirteenth sentences.
  const report = synthesizeStory({
    id: 's',
    articles: titled([
      'Komitet Regionów chce utworzenia funduszu stabilizacyjnego dla regionów, które ucierpią z powodu brexitu',
      `${REGIONS_WARN} Komitet Regionów przeprowadził ostatnio badania nad tym jaki wpływ będzie miał brexit na sytuację poszczególnych miast i regionów w Unii. Komitet Regionów obawia się cięć w funduszach spójności. Komitet Regionów bronił swojego przekonania, że „silna polityka spójności, łącznie z wzmocnionymi programami europejskiej współpracy terytorialnej tj. Interreg, jest dla władz lokalnych i regionalnych UE niezbędna w przezwyciężeniu skutków wyjścia Wielkiej Brytanii z UE”.`,
    ]),
  });
  assert.equal(report.summary[0]?.text, REGIONS_WARN, report.summary.map((s) => s.text).join('\n'));
});

// Ryanair 2018-11 (a US shareholder lawsuit) and Nord Stream 2 2018-11 (Perry in Warsaw): one
// article each, its headline naming the frame, its news told by the actor's act without it.
const LAWSUIT = [
  'Prezes Ryanair i spółka pozwani w USA',
  'Fundusz emerytalny ze stanu Alabama zarzuca pozwanym oszukanie akcjonariuszy spółki i zawyżenie ceny jej akcji przez zapewnienia dotyczące kontroli nad stosunkami pracy w firmie i utrzymanie niskich kosztów.\n\n- Bez wiedzy inwestorów historyczny wzrost zysków spółki był budowany na nieujawnionych i niedających się utrzymać fundamentach eksploatacji i rotacji pracowników. Spadek ceny kwitów Ryanair był bezpośrednim skutkiem natury i skali oszustwa oskarżonego, które ostatecznie zostało ujawnione inwestorom i rynkowi – głosi pozew. Pozywający chce nadania sprawie statusu pozwu zbiorowego, co oznacza możliwość przyłączenia się innych akcjonariuszy. Domaga się odszkodowania dla posiadaczy kwitów depozytowych Ryanair w okresie 30 maja 2017 - 28 września 2018 r. Przez ostatni rok Ryanair borykał się z problemem strajków i protestów pracowników. W grudniu 2017 roku został zmuszony po raz pierwszy do uznania związków zawodowych, a latem obecnego roku doszło do strajków, których skutkiem było uwięzienie tysięcy pasażerów taniej linii w portach lotniczych wielu krajów. Reuters przypomina, że 1 października irlandzki przewoźnik obniżył prognozę wyników tłumacząc to problemami wynikającymi z relacji pracy.',
] as const;
const PERRY = [
  '"Nord Stream 2 to nie projekt komercyjny, to polityczny gambit"',
  '- Nord Stream 2 to nie jest projekt komercyjny, to polityczny gambit - mówił w piątek w Warszawie podczas konferencji prasowej sekretarz ds. energii USA Rick Perry. Dodał, że USA zachęcają Europejczyków do odrzucenia tego projektu. Perry i Piotr Naimski, sekretarz stanu w KPRM podpisali porozumienie między Polską i USA o strategicznym dialogu w obszarze energii.\n\nNaimski podkreślił, że współpraca Polski i Stanów Zjednoczonych w obszarze energii otwiera bardzo szerokie możliwości. Naimski dodał, że porozumienie umożliwi dialog energetyczny, strategiczny pomiędzy Polską a Stanami Zjednoczonymi. Podczas spotkania poruszono też temat Nord Stream 2. - Potrzebna jest konsekwentna opozycja wobec tego projektu - mówił sekretarz Perry.\n\nPolska jest jednym z największych przeciwników budowy gazociągu Nord Stream 2. Partnerami rosyjskiego Gazpromu w tym projekcie jest pięć zachodnich firm energetycznych: austriacka OMV, niemieckie BASF-Wintershall i Uniper (wydzielona z E.On), francuska Engie i brytyjsko-holenderska Royal Dutch Shell.\n\nRosyjski Gazprom zapowiada, że po wybudowaniu Nord Stream 2 tranzyt przez Ukrainę może być utrzymany w "pewnej skali", przy czym strona ukraińska powinna uzasadnić "celowość ekonomiczną nowego kontraktu" tranzytowego.',
] as const;

test('storyFrame: under a headline naming the frame, the article\'s opening sentence leads though it names only the actor', () => {
  const features = storyFeatures(titled(LAWSUIT));
  const frame = storyFrame(features, mainSubject(features));
  assert.deepEqual([...frame.ledes].map((s) => s.sentence.text), [features.byArticle[0]![0]!.sentence.text]);
  const report = synthesizeStory({ id: 's', articles: titled(LAWSUIT) });
  assert.match(report.summary[0]!.text, /^Fundusz emerytalny ze stanu Alabama zarzuca pozwanym/u, report.summary.map((s) => s.text).join('\n'));
});

test('storyFrame: a person the opening names beside the frame is its actor, and the actor\'s act leads', () => {
  const features = storyFeatures(titled(PERRY));
  const frame = storyFrame(features, mainSubject(features));
  assert.deepEqual([...frame.actors].map((k) => features.sentences.flatMap((s) => s.mentions).find((m) => m.key === k)?.text), ['Rick Perry']);
  const report = synthesizeStory({ id: 's', articles: titled(PERRY) });
  assert.match(report.summary[0]!.text, /^Perry i Piotr Naimski, sekretarz stanu w KPRM podpisali porozumienie/u, report.summary.map((s) => s.text).join('\n'));
});

test('storyFrame: no frame where a headline does not name the subject, nor where the subject is a person', () => {
  // The opening names Nord Stream 2 beside Perry, but the headline does not name the pipeline.
  const untitled = storyFeatures(titled(['Amerykański sekretarz ds. energii w Warszawie', PERRY[1]]));
  const none = storyFrame(untitled, mainSubject(untitled));
  assert.equal(none.ledes.size + none.actors.size, 0);
  // Asia Bibi 2018-11 (her release): the person is the actor of her own news.
  const person = storyFeatures(titled(['Asia Bibi opuściła więzienie', 'Asia Bibi, pakistańska chrześcijanka skazana na śmierć za bluźnierstwo, a następnie uniewinniona przez Sąd Najwyższy, opuściła więzienie w Multanie - poinformował w czwartek jej prawnik Saif-ul-Mulook. Asia Bibi spędziła w więzieniu osiem lat.']));
  assert.equal(mainSubject(person) !== undefined && person.sentences.some((s) => s.mentions.some((m) => m.key === mainSubject(person) && m.type === 'PER')), true);
  const own = storyFrame(person, mainSubject(person));
  assert.equal(own.ledes.size + own.actors.size, 0);
});

// Verhofstadt's letter to Javid (two outlets, 30 April 2018) and the US sanctions threat against
// Nord Stream 2 (September 2018): the lead audit's twelfth- and fourteenth-round stories.
const LETTER = 'Główny negocjator ds. Brexitu z ramienia PE Guy Verhofstadt napisał list do ministra spraw wewnętrznych Wielkiej Brytanii Sajida Javida, w którym apeluje o zabezpieczenie praw obywateli UE w Wielkiej Brytanii po wyjściu z Unii Europejskiej.';
const PROCEDURE = 'W kwestii samej procedury Vershofstadt podkreśla, że techniczne i organizacyjne rozwiązania zaproponowane przez stronę brytyjska, jak np. skanowanie dowodów tożsamości, powinny być dostępne dla wszystkich obywateli UE w Wielkiej Brytanii.';

test('tellsRemark: a verb of emphasis or addition in the first clause tells a remark; an admission, an act or the outlet\'s "Przypomnijmy," does not', () => {
  const olbrycht = 'Olbrycht podkreślił, że spośród państw unijnych tylko Dania przystępując do Wspólnoty nie zobowiązywała się do przyjęcia wspólnej waluty.';
  const farage = 'Farage przyznał, że jego dzieci mają niemieckie paszporty w transmitowanej w internecie rozmowie z byłym wicepremierem Nickiem Cleggiem.';
  const reminder = 'Przypomnijmy, Najwyższy Sąd Pakistanu odrzucił we wtorek wniosek o ponowne rozpatrzenie sprawy Asii Bibi.';
  assert.deepEqual(judged(tellsRemark, `${olbrycht} ${farage}`, `${reminder} ${LETTER} ${PROCEDURE}`), {
    [olbrycht]: true,
    [farage]: false,
    [reminder]: false,
    [LETTER]: false,
    [PROCEDURE]: true,
  });
});

// The two outlets' articles (lead audit g3: files 264 and 493 of the BSNLP brexit topic, paragraphs as read).
const LETTER_ARTICLES = [
  ["Verhofstadt „obawia się” się o los obywateli UE po Brexicie. Skierował list do szefa MSW Wielkiej Brytanii", "Główny negocjator ds. Brexitu z ramienia PE Guy Verhofstadt napisał list do ministra spraw wewnętrznych Wielkiej Brytanii Sajida Javida, w którym apeluje o zabezpieczenie praw obywateli UE w Wielkiej Brytanii po wyjściu z Unii Europejskiej. Javid został w poniedziałek powołany na szefa resortu spraw wewnętrznych Wielkiej Brytanii po niedzielnej dymisji Amber Rudd. CZYTAJ TAK ŻE: Pokłosie poważnego skandalu. Brytyjska minister spraw wewnętrznych podała się do dymisji W ostatnich tygodniach polityk ostro krytykował działania rządu wobec tzw. pokolenia Windrush, czyli około 500 tys. osób, które po\n\nII wojnie światowej przypłynęły na pokładzie statku Empire Windrush w celu uzupełnienia siły roboczej w powojennej Wielkiej Brytanii. Zgodnie z przyjętą w 1971 roku ustawą migracyjną wszyscy obywatele Wspólnoty Narodów mieszkający w kraju otrzymali bezterminowe prawo rezydencji. Jednak dwa tygodnie temu dziennik The Guardian” ujawnił, że w wyniku błędów administracyjnych części z nich odmówiono dostępu do publicznej służby zdrowia lub rynku pracy, a nawet grożono deportacją. To właśnie do tej kwestii odwołuje się w swoim liście Verhofstadt - obawia się, czy taka sytuacja nie powtórzy się w przypadku obywateli UE po Brexicie. Verhofstadt przypomina wspólne ustalenia przedstawicieli PE i strony brytyjskiej z 24 kwietnia, które miały zostać uwzględnione przed wprowadzeniem nowych brytyjskich regulacji, a które dotyczyły zarówno samej procedury rejestracyjnej, jak środków towarzyszących jej wprowadzaniu i stosowaniu. Zaznacza przy tym, że szczególnie ważne w tym kontekście jest wzięcie pod uwagę interesów tzw. najsłabszych grup społecznych, dla których zorientowanie się i dostosowanie do nowej sytuacji prawnej może być niezwykle trudne. Dotyczy to np. obywateli EU , którzy mogą mieć trudności z wypełnieniem nowych formularzy czy dostarczeniem odpowiedniej dokumentacji, jak np. osoby, które przyjechały do Wielkiej Brytanii dawno temu, uzyskały prawo stałego pobytu, ale zgubiły dokumenty, albo z jakiegoś powodu nie wiedzą o nowych procedurach i obowiązkach, jakie z nich wynikają”. W kwestii samej procedury Vershofstadt podkreśla, że techniczne i organizacyjne rozwiązania zaproponowane przez stronę brytyjska, jak np. skanowanie dowodów tożsamości, powinny być dostępne dla wszystkich obywateli UE w Wielkiej Brytanii. Szczególne obawy” PE wiążą się zwłaszcza z tymi obywatelami Unii, którzy nie mają nowoczesnych dowodów z elektronicznymi czipami, a także dziećmi poniżej 16. roku życia, które nie mogą mieć jeszcze paszportów biometrycznych. Belgijski europoseł podkreśla, że strona unijna ze zdumieniem przyjęła informację, że na urządzeniach z systemem operacyjnym IOS firmy Apple nie będzie można wykonać niektórych czynności i starający się będzie musiał pożyczyć od kogoś urządzenie z Androidem, aby móc wypełnić formularze.\n\n— argumentuje europoseł, na administracji brytyjskiej spoczywa obowiązek zaproponowania alternatywnych rozwiązań praktycznych, np. możliwości rejestracji online”. Inne proponowane przez PE praktyczne rozwiązania, to np. rozsiane po całym kraju punkty obsługi w bibliotekach publicznych czy biurach administracji lokalnej, gdzie starający się, w tym także osoby starsze, z niepełnosprawnością czy nieumiejące posługiwać się technologią cyfrową będą mogły bezpiecznie zeskanować swoje paszporty i inne dowody tożsamości. Europoseł domaga się również, by system pozwalał na wspólną rejestrację rodzin, co obecnie nie jest możliwe. Wynika to m.in. z obawy, że osobne podania każdego z członków rodziny mogą zostać potraktowane w odmienny sposób.\n\nJestem przekonany, że podzieli pan mój pogląd, że powinniśmy tego uniknąć.\n\n— argumentuje Verhofstadt. Oprócz elektronicznej formy rejestracji powinna być również dostępna rejestracja tradycyjna, w postaci dokumentów pisanych na papierze, co może się okazać szczególnie ważne dla osób słabo obeznanych z elektronicznym wypełnianiem formularzy. Verhofstadt podkreśla też, że sam proces rejestracji nie powinien wywoływać niepotrzebnych obaw”, dlatego też odpowiednie urzędy powinny informować o wyniku starań w możliwie krótkim czasie. Jego zdaniem należy wprowadzić niedługi, np. dwudniowy termin, po upływie którego brak odpowiedzi ze strony urzędu będzie oznaczać milczącą zgodę na przyjęcie dokumentów rejestracyjnych.\n\nJest to jedyny sposób na zastosowanie automatyczności kontynuacji praw obywateli UE w Wielkiej Brytanii, do której rząd tego kraju wielokrotnie się zobowiązywał.\n\n— czytamy w liście. Dodatkowego wyjaśnienia wymaga też według Verhofstadta sytuacja, w której rejestrująca się osoba przyznaje, że widnieje w rejestrach karnych, i zapewnienie, że tego rodzaju weryfikacja nie będzie miała żadnych innych konsekwencji niż te, jakie wynikają obecnie dla obywatela jednego kraju UE w innym. List przypomina również o obowiązkach, jakie spoczywają na stronie brytyjskiej w związku z zapisami unijnego Ogólnego rozporządzenia o ochronie danych ( RODO ) i wszystkich innych pokrewnych regulacji o ochronie danych obywateli. Verhofstadt zaznacza, że wszystkie te rozwiązania i procedury muszą być bezkosztowe.\n\nJest rzeczą nie do przyjęcia, by obywatele, którzy nigdy nie byli pytani o Brexit, musieli płacić za utrzymanie swoich praw.\n\n— wyjaśnia. W podsumowaniu listu szef Grupy Sterującej PE ds. Brexitu przypomina, że Bruksela domaga się, by strona techniczna operacji przebiegała sprawnie, by starający się o rejestrację mieli również możliwość kontaktu z przedstawicielami administracji i by ochrona najsłabszych grup społecznych była odpowiednio finansowana, zważywszy że według wstępnych szacunków w procesie rejestracji może uczestniczyć ok. 3,5 mln osób. ak/ PAP."],
  ["Brexit: Verhofstadt pisze list ws. ochrony praw obywateli UE", "Javid został w poniedziałek powołany na szefa resortu spraw wewnętrznych Wielkiej Brytanii po niedzielnej Amber Rudd. dymisji W ostatnich tygodniach polityk ostro krytykował działania rządu wobec tzw. pokolenia Windrush, czyli około 500 tys. osób, które po II wojnie światowej przypłynęły na pokładzie statku Empire Windrush w celu uzupełnienia siły roboczej w powojennej Wielkiej Brytanii. Zgodnie z przyjętą w 1971 roku ustawą migracyjną wszyscy obywatele Wspólnoty Narodów mieszkający w kraju otrzymali bezterminowe prawo rezydencji. Jednak dwa tygodnie temu dziennik \"The Guardian\" ujawnił, że w wyniku błędów administracyjnych części z nich odmówiono dostępu do publicznej służby zdrowia lub rynku pracy, a nawet grożono deportacją.\n\nTo właśnie do tej kwestii odwołuje się w swoim liście Verhofstadt - obawia się, czy taka sytuacja nie powtórzy się w przypadku obywateli po Brexicie. UE Verhofstadt przypomina wspólne ustalenia przedstawicieli PE i strony brytyjskiej z 24 kwietnia, które miały zostać uwzględnione przed wprowadzeniem nowych brytyjskich regulacji, a które dotyczyły zarówno samej procedury rejestracyjnej, jak środków towarzyszących jej wprowadzaniu i stosowaniu. Zaznacza przy tym, że szczególnie ważne w tym kontekście jest wzięcie pod uwagę interesów tzw. najsłabszych grup społecznych, dla których zorientowanie się i dostosowanie do nowej sytuacji prawnej może być niezwykle trudne. Dotyczy to np. obywateli EU, którzy mogą mieć trudności z wypełnieniem nowych formularzy czy dostarczeniem odpowiedniej dokumentacji, jak np. \"osoby, które przyjechały do Wielkiej Brytanii dawno temu, uzyskały prawo stałego pobytu, ale zgubiły dokumenty, albo z jakiegoś powodu nie wiedzą o nowych procedurach i obowiązkach, jakie z nich wynikają\". W kwestii samej procedury Vershofstadt podkreśla, że techniczne i organizacyjne rozwiązania zaproponowane przez stronę brytyjska, jak np. skanowanie dowodów tożsamości, powinny być dostępne dla wszystkich obywateli UE w Wielkiej Brytanii. \"Szczególne obawy\" PE wiążą się zwłaszcza z tymi obywatelami Unii, którzy nie mają nowoczesnych dowodów z elektronicznymi czipami, a także dziećmi poniżej 16. roku życia, które nie mogą mieć jeszcze paszportów biometrycznych. Belgijski europoseł podkreśla, że strona unijna ze zdumieniem przyjęła informację, że na urządzeniach z systemem operacyjnym IOS firmy Apple nie będzie można wykonać niektórych czynności i starający się będzie musiał pożyczyć od kogoś urządzenie z Androidem, aby móc wypełnić\n\n\"Ponieważ jasne jest, że techniczne rozwiązania zaproponowane przez Home Office nie będą miały powszechnego zastosowania\", argumentuje europoseł, na administracji brytyjskiej spoczywa obowiązek zaproponowania \"alternatywnych rozwiązań praktycznych, np. możliwości rejestracji online\". Inne proponowane przez PE praktyczne rozwiązania, to np. rozsiane po całym kraju punkty obsługi w bibliotekach publicznych czy biurach administracji lokalnej, gdzie starający się, w tym także osoby starsze, z niepełnosprawnością czy nieumiejące posługiwać się technologią cyfrową będą mogły bezpiecznie zeskanować swoje i inne dowody tożsamości. paszporty Europoseł domaga się również, by system pozwalał na wspólną rejestrację rodzin, co obecnie nie jest możliwe. Wynika to m.in. z obawy, że osobne podania każdego z członków rodziny mogą zostać potraktowane w odmienny sposób. \"Jestem przekonany, że podzieli pan mój pogląd, że powinniśmy tego uniknąć\" - argumentuje Verhofstadt. Oprócz elektronicznej formy rejestracji powinna być również dostępna rejestracja tradycyjna, w postaci dokumentów pisanych na papierze, co może się okazać szczególnie ważne dla osób słabo obeznanych z elektronicznym wypełnianiem formularzy. Verhofstadt podkreśla też, że sam proces rejestracji nie powinien wywoływać \"niepotrzebnych obaw\", dlatego też odpowiednie urzędy powinny informować o wyniku starań w możliwie krótkim czasie. Jego zdaniem należy wprowadzić niedługi, np. dwudniowy termin, po upływie którego brak odpowiedzi ze strony urzędu będzie oznaczać milczącą zgodę na przyjęcie dokumentów rejestracyjnych. \"Jest to jedyny sposób na zastosowanie automatyczności kontynuacji praw obywateli UE w Wielkiej Brytanii, do której rząd tego kraju wielokrotnie się zobowiązywał\" - czytamy w liście. Dodatkowego wyjaśnienia wymaga też według Verhofstadta sytuacja, w której rejestrująca się osoba przyznaje, że widnieje w rejestrach karnych, i zapewnienie, że tego rodzaju weryfikacja nie będzie miała żadnych innych konsekwencji niż te, jakie wynikają obecnie dla obywatela jednego kraju UE w innym. List przypomina również o obowiązkach, jakie spoczywają na stronie brytyjskiej w związku z zapisami unijnego Ogólnego rozporządzenia o ochronie danych (RODO) i wszystkich innych pokrewnych regulacji o ochronie danych obywateli. Verhofstadt zaznacza, że wszystkie te rozwiązania i procedury muszą być bezkosztowe. \"Jest rzeczą nie do przyjęcia, by obywatele, którzy nigdy nie byli pytani o Brexit, musieli płacić za utrzymanie swoich praw\" - wyjaśnia. W podsumowaniu listu szef Grupy Sterującej PE ds. Brexitu przypomina, że Bruksela domaga się, by strona techniczna operacji przebiegała sprawnie, by starający się o rejestrację mieli również możliwość kontaktu z przedstawicielami administracji i by ochrona najsłabszych grup społecznych była odpowiednio finansowana, zważywszy że według wstępnych szacunków w procesie rejestracji może uczestniczyć ok. 3,5 mln osób."],
] as const;

test('a speaker\'s remark ("…Verhofstadt podkreśla, że…", both outlets) gives the lead to the act it elaborates ("…napisał list…")', () => {
  const report = synthesizeStory({ id: 's', articles: titled(...LETTER_ARTICLES) });
  assert.ok(report.summary[0]!.text.startsWith('Główny negocjator ds. Brexitu'), report.summary.map((s) => s.text).join('\n'));
});

const SANCTIONS_THREAT = 'Chociaż sekretarz stanu USA grozi Rosji sankcjami wobec Nord Stream 2, to przyznaje też, że oba kraje nie chcą takiego scenariusza.';
const CROSSHEAD = 'Perry: Nie chcemy sankcji wobec Nord Stream 2.';

test('headlineQuote: a name, then a colon within four words, is a headline\'s "who: what"; a colon further in, or after no name, is not', () => {
  const interview = 'RG: Nord Stream 2 na pewno nie będzie w pełni operacyjny już 1 stycznia 2020 roku.';
  const dublin = 'Przemawiając w Dublinie Donald Tusk stwierdził: „Brexit mi się nie podoba.”';
  assert.deepEqual(judged(headlineQuote, `${SANCTIONS_THREAT} ${CROSSHEAD}`, `${interview} ${dublin}`), { [SANCTIONS_THREAT]: false, [CROSSHEAD]: true, [interview]: true, [dublin]: false });
});

// The US sanctions threat (lead audit m2: files 938, 517, 1257 and 964 of the BSNLP nord_stream topic, paragraphs as read).
const SANCTIONS_ARTICLES = [
  ["Za udział w Nord Stream 2 firmy mogą dostać kary", "Minister spraw zagranicznych Jacek Czaputowicz powiedział dziennikarzom na konferencji po szczycie NATO w Brukseli, że ewentualne amerykańskie sankcje wobec firm, które są zaangażowane w projekt Nord Stream 2, byłyby możliwe z punktu widzenia prawa Słyszałem od przedstawicieli administracji amerykańskiej, żebyśmy nie wierzyli w taki argument, że projekt (Nord Stream 2) został rozpoczęty i już nie można go cofnąć. Nie, nieprawda. Myślę, że jest tworzona taka narracja mówiąca o tym, że już nic nie da się zrobić, że dyrektywy nie można zmienić. Nie, jeszcze wszystkie decyzje nie zostały wydane. Dania ma tu coś do powiedzenia - oświadczył. Władze fińskie, szwedzkie i niemieckie wydały już zgodę na to, by gazociąg przebiegał przez wody terytorialne tych krajów. Takiej zgody nie wydali jeszcze Duńczycy. Jak dodał, dużo w tej sprawie zależy od determinacji Stanów Zjednoczonych. Nie upatrywałbym nadziei w oddziaływaniu na prezydenta Rosji Władimira Putina, a raczej na sojuszników w ramach NATO , którzy są zaangażowani w ten projekt - powiedział. Polska uważa - jak mówił - że USA mają bardzo prawidłową ocenę sytuacji w sprawie NS2 Wielu naszych partnerów w UE się z tym zgadza, chciałoby to objąć dyrektywą gazową, a tym niemniej są tacy, którzy pomimo wszystko chcą kontynuować ten projekt. Muszą tu być bardzo poważne interesy - dodał. Pytany o ewentualne amerykańskie sankcje wobec firm, które zaangażowane są w ten projekt, odpowiedział, że byłoby to możliwe Występuje możliwość prawna - powiedział. Zaznaczył, że obecnie widoczne są w tej sprawie naciski polityczne. Podczas popołudniowej sesji w czwartek Sojusz koncentrował się na działaniach zewnętrznych, w tym na działaniach w Afganistanie. Czaputowicz powiedział, że Polska uznaje konieczność zapewnienia bezpieczeństwa także na południowej flance. Jeżeli oczekujemy od innych, że będą solidarni z nami, jeśli chodzi o zapewnienie bezpieczeństwa Polski ze wschodu, musimy wykazywać wrażliwość na potrzeby innych sojuszników na południu - oświadczył. Przypomniał, że polskie wojsko uczestniczy w sojuszniczej misji Resolute Support w Afganistanie. Teraz, gdy kończy się debata dotycząca walki koalicji przeciwko +Państwu Islamskiemu+, również bierzemy w tym udział. Zasięg +Państwa Islamskiego+ został znacznie ograniczony, ale nie jest to sukces ostateczny, należy dalej prowadzić działania i Polska będzie w dalszym ciągu uczestniczyć, biorąc udział w przygotowaniu irackich sił, szkoleniach; tym, czego się oczekuje od członków koalicji - mówił minister. Podkreślił znaczenie debaty nad zwiększeniem wydatków obronnych, do czego sojusznicy zobowiązali się w 2014 r. i czego na szczycie ponownie domagał się od Kanady i Europy prezydent USA Donald Trump. To jest dyskusja dość istotna, bo dotyczy podziału ciężarów na obronę. Argumentacja jest uzasadniona. Stany Zjednoczone zapewniają bezpieczeństwo państwom europejskim, one za to nie płacą, dzięki temu mogą te środki inwestować w gospodarkę, sprawy społeczne i w związku z tym także konkurują ze Stanami Zjednoczonymi. Chodziłoby o równiejszy podział ciężarów obronnych - powiedział Czaputowicz. PAP , mw."],
  ["Niemcy liczą na to, że USA oszczędzą Nord Stream 2", "Niemiecki Handelsblatt cytuje dyplomatów niemieckich, którzy krytykują pomysł sankcji wobec partnerów europejskich Nord Stream 2, wśród których są firmy z Niemiec. Liczą na to, że USA ich oszczędzą. Niepewność wokół Nord Stream 2. Dziennikarze gazety piszą, że Amerykanie nie zatrzymają się na ograniczeniach wobec własnych firm i będą dążyć do „zmuszenia europejskich firm do utrzymania tej samej linii”. Dyplomaci niemieccy, z którymi rozmawiał Handelsblatt przekonują, że polityka USA jest obecnie „zdeinstytucjonalizowana” i zależy od humorów prezydenta Donalda Trumpa. Utrudnia to jakiekolwiek rozmowy o sankcjach z użyciem kanałów oficjalnych. Amerykanie mają obecnie dwie równoległe polityki wobec Rosji – prezydencką i kongresową. Chociaż prezydent Trump powstrzymuje się od krytyki Kremla, senat prowadzi własną politykę zmierzającą do ukarania Rosjan. W grę wchodzą sankcje wobec projektu gazociągu Nord Stream 2, przez co rośnie niepewność, która spowodowała, że niemiecki partner finansowy Uniper przyznał, że mógłby wycofać się z projektu, jeśli weszłyby w życie sankcje USA , o czym pisaliśmy w BiznesAlert.pl.\n\nNowe sankcje w Senacie USA. Nowe sankcje USA mogą jednak pójść w innym kierunku i objąć sektor finansowy. W senacie znajduje się kilka projektów ustaw, które wprowadzałyby nowe obostrzenia. Obawia się ich niemiecki biznes, z którym rozmawiał Handelsblatt. Część z nich liczy na to, że nawet jeśli pojawią się sankcje wobec Nord Stream 2, nigdy nie zostaną implementowane . Taką możliwość sugerowaliśmy w BiznesAlert.pl w marcu 2018 roku. Niemiecki minister gospodarki Peter Altmaier ocenił, że jego kraj nie może sobie pozwolić na to, aby USA dyktowały mu politykę energetyczną. Spór narasta a los Nord Stream 2 pozostaje niejasny."],
  ["TASS: Nord Stream 2 w rozmowach Rosja-USA?", "Źródło agencji rosyjskiej TASS przekonuje, że podczas wizyty sekretarza stanu USA w Rosji padnie temat spornego gazociągu Nord Stream 2. Rozmowy USA-Rosja. Rick Perry ma odwiedzić Moskwę w czwartek 13 września, by rozmawiać z jego odpowiednikiem, ministrem energetyki Rosji Aleksandrem Nowakiem. BiznesAlert.pl informował , że wśród tematów pojawią się sankcje wobec Iranu oraz LNG. Według TASS tematem ma być także Nord Stream 2. Amerykanie rozważają objęcie sankcjami jego uczestników.\n\nNord Stream 2. Nord Stream 2 to projekt gazociągu z Rosji do Niemiec o przepustowości 55 mld m sześc. rocznie. Ma wsparcie finansowe pięciu firm europejskich. Grozi mu opóźnienie ze względu na rosnący opór w Europie. Jego zwolennicy liczą na nowe źródło taniego gazu z Rosji, a przeciwnicy obawiają się, że ugruntuje pozycję rosyjskiego Gazpromu. Do tej pory Amerykanie deklarowali, że nie wprowadzą sankcji za Nord Stream 2 dopóki nie zrobi tego Europa. TASS/Wojciech Jakóbik"],
  ["USA znów grożą sankcjami wobec Nord Stream 2. Nowy pakiet w listopadzie", "Chociaż sekretarz stanu USA grozi Rosji sankcjami wobec Nord Stream 2, to przyznaje też, że oba kraje nie chcą takiego scenariusza. Nowy pakiet obostrzeń zostanie przedstawiony w listopadzie. Sekretarz energii USA Rick Perry odwiedził Moskwę, gdzie rozmawiał ze swoim odpowiednikiem rosyjskim Aleksandrem Nowakiem. Pochwalił kraje porozumienia naftowego za przeciwdziałanie zbyt wysokiej cenie ropy poprzez zwiększanie wydobycia tego surowca. W listopadzie wracają sankcje USA wobec Iranu, które mogą zmniejszyć podaż ropy na rynku. Z tego powodu Amerykanie apelowali do pozostałych producentów o zwiększenie produkcji. Fundusz USA-Rosja? – Królestwo (Arabii Saudyjskiej – przyp. red.), kraje OPEC, które dostosowują swe wydobycie, aby mieć pewność, że obywatele świata nie odczują wzrostu cen ropy, powinni być podziwiani i docenieni, a Rosja jest jednym z nich – powiedział dziennikarzom. Kraje OPEC oraz jedenastu producentów spoza kartelu, tzw. OPEC+, spotkają się w Algierii by omówić sytuację na rynku. Zdaniem Perryego jego kraj mógłby stworzyć we współpracy z Rosją wspólny fundusz inwestycyjny z wykorzystaniem Rosyjskiego Bezpośredniego Funduszu Inwestycyjnego. Fundusz poparł ten pomysł i ma niebawem przedstawić propozycję parametrów takiego rozwiązania. Perry i Nowak rozmawiali także o spornym projekcie gazociągu Nord Stream 2. Amerykański sekretarz powtórzył ostrzeżenie, że projekt dzieli Europejczyków, a firmy europejskie, które zaangażowały się w jego finansowanie są zagrożone ryzykiem sankcji. Perry przypomniał, że gazociąg skoncentruje dostawy do Europy w jednym szlaku „wrażliwym na przerwy i zwiększający ryzyko zależności klientów europejskich” – powiedziała rzecznik Shaylyn Hynes. – Moskwa nie może dłużej używać energetyki jako broni ekonomicznej – zadeklarował Amerykanin. Perry: Nie chcemy sankcji wobec Nord Stream 2. Zdaniem przedstawiciela USA sankcje przeciwko Nord Stream 2 są jedną z opcji, ale żaden z przywódców jego kraju i Rosji nie chce dojść do punktu, w którym ich wprowadzenie będzie konieczne. Wezwał Rosjan do bycia „uczciwymi dostawcami” i zakończenia wykorzystania surowców do „presji i tworzenia zamętu”. – Waszyngton może zrealizować groźbę wprowadzenia sankcji wobec projektu budowy podmorskiego gazociągu z Rosji do Niemiec – powiedział sekretarz. – Minister Nowak i ja zgadzamy się, że nie chcemy dojść do tego punktu. Aleksander Nowak przekonywał, że Nord Stream 2 ma charakter ekonomiczny, a działania USA zmierzają ku promocji amerykańskiego gazu skroplonego w Europie. Nowe sankcje w listopadzie. Tymczasem Manisha Singh z Departamentu Stanu USA zapowiedziała, że w listopadzie zostanie ujawniony nowy pakiet sankcji wobec Rosji w związku z jej próbą zabójstwa z użyciem broni chemicznej na terenie Wielkiej Brytanii. – Planujemy wprowadzić bardzo dotkliwą, drugą rundę sankcji – zapowiedziała Singh w Kongresie. – Sankcje wobec banków, zakaz handlu towarami sektora obronnego i pomoc finansowa: oto lista rzeczy, którymi ukarzemy rząd rosyjski – dodała. Nie wspomniała Nord Stream 2. Radio Wolna Europa/Reuters/Bloomberg/Wojciech Jakóbik"],
] as const;

test('a crosshead in a headline\'s quote form ("Perry: Nie chcemy sankcji…") never leads; the article\'s stated threat does', () => {
  const report = synthesizeStory({ id: 's', articles: titled(...SANCTIONS_ARTICLES) });
  assert.equal(report.summary[0]!.text, SANCTIONS_THREAT, report.summary.map((s) => s.text).join('\n'));
});
