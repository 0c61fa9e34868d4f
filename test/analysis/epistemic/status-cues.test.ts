import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySentences, type SentenceStatus } from '../../../src/analysis/epistemic/index.ts';
import { findQuotes } from '../../../src/analysis/quotes/index.ts';
import { findTimeExpressions } from '../../../src/analysis/time/index.ts';
import { doc, withMention, withMentions, type Doc } from '../quotes/fixture.ts';

/** Statuses as the pipeline makes them: quotes and time expressions found by their own stages. */
function statuses(d: Doc): SentenceStatus[] {
  const input = { text: d.text, language: d.language, sentences: d.sentences };
  const quotes = findQuotes({ ...input, mentions: d.mentions });
  const times = findTimeExpressions({ ...input, published: undefined });
  return classifySentences({ ...input, quotes, times, mentions: d.mentions });
}

/** The status of each sentence of a Polish text. */
const pl = (text: string): string[] => statuses(doc(text, 'pl')).map((s) => s.status);

test('a denial in a quote is the speaker\'s denial: "To nieprawda — stwierdził sekretarz"', () => {
  assert.deepEqual(pl('To nieprawda, że rząd ukrywa raport — stwierdził sekretarz generalny związku.'), ['denied']);
});

test('a lexical hedge in a quote hedges; a modal or conditional in a quote is the speaker\'s reasoning', () => {
  assert.deepEqual(pl('„Możliwe, że w przyszłym tygodniu nastąpią kolejne strajki” – ocenił przewodniczący związku.'), ['hedged']);
  assert.deepEqual(pl('„Wtedy rynek zostałby mniej zakłócony” – podkreślił ekspert.'), ['attributed']);
});

test('the conditional or "może" in a relative clause describes a thing: "kraju, do którego miałaby się udać"', () => {
  assert.deepEqual(pl('Brat nie ujawnił nazwy kraju, do którego jego siostra miałaby się udać.'), ['asserted']);
  assert.deepEqual(pl('Wszystko, co mogło pójść nie tak, poszło nie tak.'), ['asserted']);
  // Outside a relative clause both still hedge.
  assert.deepEqual(pl('Jego siostra miałaby się udać do Kanady. Kierowca mógł zasnąć za kierownicą.'), ['hedged', 'hedged']);
});

test('the conditional of wanting is a wish, not a hedge: "46 proc. ankietowanych chciałoby powtórzenia referendum"', () => {
  assert.deepEqual(pl('46 proc. ankietowanych chciałoby powtórzenia referendum. Brytyjczycy woleliby nie podejmować decyzji.'), ['asserted', 'asserted']);
});

test('a negated infinitive after "może" is still a possibility: "może nie być tak łatwo"', () => {
  assert.deepEqual(pl('W Izbie Lordów może nie być tak łatwo.'), ['hedged']);
});

test('the future of "móc" in any person is an ability: "będziemy mogli wyjść"', () => {
  assert.deepEqual(pl('Po raz pierwszy będziemy mogli podpisywać nowe umowy handlowe.'), ['asserted']);
});

test('"móc" with a pronoun or particle before its infinitive hedges; after "by"/"aby" its past is the subjunctive', () => {
  assert.deepEqual(pl('Mogą oni próbować domagać się dalszych ustępstw. Organizatorzy mówili, że mogło w nim wziąć udział 100 tys. osób.'), ['hedged', 'hedged']);
  // Not hedged; attributed as Germany's stated aim ("chcą, by": the wish-clause test below).
  assert.deepEqual(pl('Niemcy chcą, by Ukraina mogła nadal zarabiać na tranzycie gazu.'), ['attributed']);
  // The present is no subjunctive: "aby omówić sprawę i może rozpocząć protesty" still hedges.
  assert.deepEqual(pl('Rada spotyka się w czwartek, aby omówić sprawę i może rozpocząć protesty.'), ['hedged']);
  // A right stays a right with a particle in between.
  assert.deepEqual(pl('Pasażerowie mogą również ubiegać się o odszkodowanie.'), ['asserted']);
});

test('an estimate hedges whoever makes it: "szacuje się", "Ryanair szacuje liczbę odwołanych lotów na 300"', () => {
  assert.deepEqual(pl('Szacuje się, że w demonstracji wzięło udział około 100 tys. osób. Według wstępnych szacunków w budżecie zabraknie 12 mld euro.'), ['hedged', 'hedged']);
  // A company's estimate of its own figures is still a forecast (eval/data/synthesis/GUIDELINE.md).
  assert.deepEqual(pl('Ryanair szacuje liczbę odwołanych lotów na nawet 300 każdego dnia strajku.'), ['hedged']);
  assert.deepEqual(pl('Przewoźnik nie szacuje strat.'), ['asserted']);
  // A comparison with an earlier estimate states the revised figure.
  assert.deepEqual(pl('Produkt krajowy brutto wzrósł o 0,4 proc., a nie o 0,5 proc., jak pierwotnie szacował urząd statystyczny.'), ['asserted']);
  assert.deepEqual(pl('Gospodarka rosła wolniej, niż szacowano.'), ['asserted']);
});

test('"wydaje się" hedges; "jak dowiedział się serwis" and "twierdząc, że" attribute', () => {
  assert.deepEqual(pl('Wydaje się, że słowa premiera już wylądowały na śmietniku historii.'), ['hedged']);
  assert.deepEqual(pl('Teraz, jak dowiedział się serwis branżowy, do strajku dołączyli Niemcy.'), ['attributed']);
  assert.deepEqual(pl('Minister bronił porozumienia, twierdząc, że jego celem jest ugaszenie pożaru.'), ['attributed']);
});

test('a press office confirms with any reporting verb; an outlet or a person named by role does not', () => {
  const d = doc('Biuro prasowe linii podaje, że wszyscy pasażerowie odwołanych lotów zostali poinformowani. Przywódcy rozmawiali dziś telefonicznie, poinformowały służby prasowe Kremla. Jak podaje gazeta, przewoźnik odwołał 250 lotów.', 'pl');
  assert.deepEqual(statuses(d).map((s) => s.status), ['confirmed', 'confirmed', 'attributed']);
  const confirm = statuses(d)[0]!.cues.find((c) => c.kind === 'confirm');
  assert.equal(confirm?.text, 'podaje');
});

test('an organisation assuring about its own affairs confirms: "Przewoźnik zapewnia, że…", not its CEO', () => {
  const company = withMention(doc('Ryanair zapewnia, że wszyscy pasażerowie zostali powiadomieni o utrudnieniach.', 'pl'), 'Ryanair', 'Ryanair', 'ORG');
  assert.deepEqual(statuses(company).map((s) => s.status), ['confirmed']);
  const chief = withMention(doc('Michael O\'Leary, prezes Ryanair oświadczył, że strajk był niepotrzebny.', 'pl'), 'Ryanair', 'Ryanair', 'ORG');
  assert.deepEqual(statuses(chief).map((s) => s.status), ['attributed']);
});

test('"ma być" + a passive participle is a planned action; with a state it stays hearsay', () => {
  assert.deepEqual(pl('Sprawa ma być omówiona podczas kolacji przywódców. Dane mają być przechowywane przez pięć lat.'), ['asserted', 'asserted']);
  assert.deepEqual(pl('Prezes ma być chory.'), ['hedged']);
});

test('a clock time names the schedule: "o 21.00 miał przylecieć samolot" is no hearsay', () => {
  assert.deepEqual(pl('Wieczorem o 21.00 miał przylecieć samolot z Barcelony. Samolot miał przylecieć z opóźnieniem.'), ['asserted', 'hedged']);
});

test('"być może", "zapewne", "ponoć", "mało prawdopodobne" and impersonal expectations hedge', () => {
  assert.deepEqual(
    pl('Być może część banków przeniesie się do Frankfurtu. Ustawa wróci zapewne do Izby Gmin. Firma nie cofała się ponoć przed niczym. Jest mało prawdopodobne, aby Bruksela się zgodziła. Oczekuje się, że projekt ruszy przed końcem roku.'),
    ['hedged', 'hedged', 'hedged', 'hedged', 'hedged'],
  );
  // A named party's expectation is a forecast too; its demand ("Oczekujemy, że rząd…") is not.
  assert.deepEqual(pl('Zaznaczył również, że spodziewa się, iż szefowie krajów członkowskich zaakceptują uzgodnione wcześniej wytyczne.'), ['hedged']);
  assert.notDeepEqual(pl('Oczekujemy, że rząd Pakistanu będzie kontynuował ochronę chrześcijan – powiedział biskup.'), ['hedged']);
});

test('calling a claim false or rejecting a charge denies it; an action called unjustified does not', () => {
  assert.deepEqual(pl('Ich zdaniem zarzuty są fałszywe. Rząd odrzucił zarzuty Komisji. Nieprawdą jest, że lot odwołano.'), ['denied', 'denied', 'denied']);
  assert.notDeepEqual(pl('Przewoźnik twierdzi, że akcja strajkowa jest bezpodstawna.'), ['denied']);
});

test('English: "perhaps" hedges, allegations called false are denied', () => {
  const en = (text: string): string[] => statuses(doc(text, 'en')).map((s) => s.status);
  assert.deepEqual(en('Perhaps the talks will resume in May. The company dismissed the allegations as false.'), ['hedged', 'denied']);
});

test('a confirmation needed, or after "aby", is none: "wymaga formalnego potwierdzenia", "nie sądzimy, aby EBC ogłosił"', () => {
  // "ogłosił" still reports speech (attributed), it just confirms nothing.
  assert.deepEqual(pl('Nowy podział miejsc wciąż wymaga formalnego potwierdzenia. Nie sądzimy, aby bank ogłosił nowy plan.'), ['asserted', 'attributed']);
  assert.deepEqual(pl('Bank oficjalnie ogłosił nowy plan.'), ['confirmed']);
});

test('an embedded question asks, it does not hedge: "zapytany o to, czy inne kraje mogą pójść śladem"', () => {
  assert.deepEqual(pl('Minister został zapytany o to, czy inne kraje mogą pójść śladem Wielkiej Brytanii.'), ['asserted']);
});

test('a verb of claiming, fearing or promising with a "że" clause attributes; without one, or in a relative or concessive clause, it does not', () => {
  assert.deepEqual(pl('Rodzina Bibi i jej adwokat utrzymywali, że kobieta nigdy nie obraziła proroka.'), ['attributed']);
  assert.deepEqual(pl('Obrońcy praw człowieka obawiają się jednak, że nie zmieni to sytuacji kobiety.'), ['attributed']);
  assert.deepEqual(pl('Związkowcy grożą, że będą je powtarzać.'), ['attributed']);
  // No complementiser: the verb does something else.
  assert.deepEqual(pl('Firma utrzymuje bazę w Eindhoven. Dziennik ujawnił nazwisko ministra.'), ['asserted', 'asserted']);
  // Negated, or in a relative or concessive clause, it does not attribute the main clause.
  assert.deepEqual(pl('Agencje nie informowały, że doszło do zwolnienia kobiety.'), ['asserted']);
  assert.deepEqual(pl('Hafiz Saeed, którego USA oskarżają o to, że był mózgiem ataków, organizował protesty.'), ['asserted']);
  assert.deepEqual(pl('Mimo że Bibi cały czas utrzymywała, że jest niewinna, spędziła osiem lat w odosobnieniu.'), ['asserted']);
});

test('a reporting verb with no quote in a relative clause describes someone; "jak" + verb still reports the sentence', () => {
  assert.deepEqual(pl('Policjant zabił gubernatora prowincji, który opowiadał się za zwolnieniem kobiety.'), ['asserted']);
  assert.deepEqual(pl('Pracownicy zorganizowali dwie akcje strajkowe, które - jak przyznały linie - mocno odbiły się na wynikach.'), ['attributed']);
});

test('"oficjalnie" confirms only beside a reporting verb; elsewhere it tells how a thing happened', () => {
  assert.deepEqual(pl('Pierwszy etap rozmów zakończył się oficjalnie w grudniu.'), ['asserted']);
  assert.deepEqual(pl('Kreml oficjalnie poinformował o wizycie.'), ['confirmed']);
});

test('a spokesperson announcing speaks for the office; a confirmation still required confirms nothing', () => {
  assert.deepEqual(pl('Rzeczniczka lotniska poinformowała, że odwołano łącznie 116 odlotów.'), ['confirmed']);
  assert.deepEqual(pl('Nowy podział miejsc wymaga wciąż formalnego potwierdzenia przez szefów państw.'), ['asserted']);
});

test('an institution set off in mid-sentence by "jak" is relayed, not announcing; "Jednak, jak informuje …" still announces', () => {
  const aside = withMention(doc('W przypadku pilotów — jak informuje związek Aerpil— chodzi o brak zgody co do systemu awansów.', 'pl'), 'Aerpil', 'Aerpil', 'ORG');
  assert.deepEqual(statuses(aside).map((s) => s.status), ['attributed']);
  const opening = withMention(doc('Jednak, jak informuje Komisja Europejska, wyjście kraju z Unii oznacza odcięcie go od prac nad systemem.', 'pl'), 'Komisja Europejska', 'Komisja Europejska', 'ORG');
  assert.deepEqual(statuses(opening).map((s) => s.status), ['confirmed']);
});

test('the Speaker of a chamber announcing speaks for the chamber, whatever the quote stage takes for his name', () => {
  const d = withMention(doc('O tym, że królowa udzieliła ustawie zgody, poinformował spiker Izby Gmin John Smith.', 'pl'), 'Izby Gmin John Smith', 'Izba Gmin John Smith', 'ORG');
  assert.deepEqual(statuses(d).map((s) => s.status), ['confirmed']);
});

test('a dash quote starting lower-case inside a sentence and running on is narration, even with a reporting verb at its end', () => {
  const text = 'Protest dotyka około 55 tys. pasażerów, w tym prawie 42 tys. – w Niemczech. W tym kraju odwołano wszystkie 250 lotów. „Ryanair wykluczył podwyżki” – zaznaczył Locher.';
  assert.deepEqual(pl(text), ['asserted', 'asserted', 'attributed']);
});

test('a name and a colon open that person\'s words; a caption label or a place does not', () => {
  const colon = (text: string, type: 'PER' | 'LOC'): string => {
    const name = text.slice(0, text.indexOf(':'));
    const d = withMention(doc(text, 'pl'), name, name, type);
    return statuses(d)[0]!.status;
  };
  assert.equal(colon('Sturgeon: Nie zablokujemy umowy brexitowej w Izbie Gmin.', 'PER'), 'attributed');
  assert.equal(colon('Holandia: sąd przeciw likwidacji bazy Ryanaira w Eindhoven.', 'LOC'), 'asserted');
  assert.deepEqual(pl('Źródło: PAP.'), ['asserted']);
});

test('a source after "wynika z" or a source\'s information after "według" attributes, as "z raportu X wynika" does', () => {
  assert.deepEqual(pl('Jak wynika z niedawnego sondażu ICM, za takim rozwiązaniem opowiada się 47 proc.'), ['attributed']);
  assert.deepEqual(pl('Według informacji gazety raport został przygotowany przez urzędników.'), ['attributed']);
});

test('rebutting an accusation denies it: "Ryanair odpiera te zarzuty"', () => {
  assert.deepEqual(pl('Ryanair odpiera te zarzuty. Blair odrzucił jednak zarzut, że przyczyną była migracja.'), ['denied', 'denied']);
});

test('denying a link denies: "dyskusje nie mają nic wspólnego z Brexitem"', () => {
  assert.deepEqual(pl('Rzeczniczka firmy zaznaczyła, że dyskusje na ten temat nie mają nic wspólnego z Brexitem.'), ['denied']);
  assert.deepEqual(pl('Zdaniem Niemców nowy gazociąg nie ma nic wspólnego z polityką.'), ['denied']);
});

test('a speaker named by a web address is an outlet: "– informuje next.gaztea.pl" confirms nothing', () => {
  const text = 'Piloci żądają zmian w polityce płac – informuje next.gaztea.pl.';
  const d = withMention(doc(text, 'pl'), 'next.gaztea.pl', 'next.gaztea.pl', 'ORG');
  assert.deepEqual(statuses(d).map((s) => s.status), ['attributed']);
  // A company's own announcement still confirms.
  const own = 'Loty zostaną odwołane – poinformował Ryanair.';
  assert.deepEqual(statuses(withMention(doc(own, 'pl'), 'Ryanair', 'Ryanair', 'ORG')).map((s) => s.status), ['confirmed']);
});

test('information called unofficial hedges in any case: "Takie są nieoficjalne informacje, jakie uzyskał portal"', () => {
  assert.deepEqual(pl('Takie są nieoficjalne informacje, jakie uzyskał portal od źródła w centrali firmy.'), ['hedged']);
  // An unofficial visit is a fact about the visit.
  assert.deepEqual(pl('Minister złożył nieoficjalną wizytę w Berlinie.'), ['asserted']);
});

test('a chance weighed hedges: "Jest więc duża szansa, że…"; a bare chance is an opportunity', () => {
  assert.deepEqual(pl('Jest więc duża szansa, że pozostałe loty obędą się bez problemów.'), ['hedged']);
  assert.deepEqual(pl('Większość ekspertów ocenia, że największe szanse na zwycięstwo przeciwnicy rządu mają przy tej poprawce.'), ['hedged']);
  assert.deepEqual(pl('Absolwenci mają szansę na pracę w Londynie.'), ['asserted']);
});

test('a forecast of a crowd or trade hedges, and so does a named party\'s estimate', () => {
  assert.deepEqual(pl('Komentatorzy spodziewają się, że rząd będzie dysponował większością. Brytyjskie media ostrożnie szacują, że w demonstracji wzięły udział dziesiątki tysięcy osób.'), ['hedged', 'hedged']);
  assert.deepEqual(pl('Analitycy spodziewali się dochodu w wysokości 2,04 mld euro.'), ['hedged']);
  assert.deepEqual(pl('Ekonomiści banku Berenberg szacują, że gospodarka straciła 35 mld funtów.'), ['hedged']);
  // "przewidywać" with a named subject is often what a text provides: it needs the crowd.
  assert.deepEqual(pl('Projekt przewiduje, że okres przejściowy potrwa do końca 2020 roku.'), ['asserted']);
});

test('citing someone\'s words attributes: "przytacza portal BuzzFeed", "Dpa odnotowuje, że…"', () => {
  assert.deepEqual(pl('Wypowiedź szefa dyplomacji, nagraną podczas kolacji, przytacza portal BuzzFeed.'), ['attributed']);
  assert.deepEqual(pl('Dpa odnotowuje, że rzecznik wypowiedział się powściągliwie na temat żądań.'), ['attributed']);
});

test('calling something by a quoted name or "jako" a name attributes; naming or defining does not', () => {
  assert.deepEqual(pl('Ryanair nazwał żądania "bezcelowymi".'), ['attributed']);
  assert.deepEqual(pl('Premier Theresa May określiła przyjęcie ustawy jako "kluczowy krok" w przeprowadzaniu Brexitu.'), ['attributed']);
  assert.deepEqual(pl('Rodzice nazwali syna Janem. Rząd określił termin wyborów.'), ['asserted', 'asserted']);
});

test('an organisation as the subject of an institutional verb with no quote confirms; a name between, or a genitive phrase, does not', () => {
  const own = 'Tanie linie lotnicze Ryanair poinformowały we wtorek o odwołaniu 150 lotów.';
  assert.deepEqual(statuses(withMention(doc(own, 'pl'), 'Ryanair', 'Ryanair', 'ORG')).map((s) => s.status), ['confirmed']);
  const person = 'Przewodniczący Rady Europejskiej Donald Tusk poinformował o terminie szczytu.';
  assert.deepEqual(statuses(withMention(doc(person, 'pl'), 'Rady Europejskiej', 'Rada Europejska', 'ORG')).map((s) => s.status), ['attributed']);
  const genitive = 'W piątek odbędzie się strajk pilotów tanich linii lotniczych Ryanair poinformowały w czwartek związki zawodowe.';
  assert.deepEqual(statuses(withMention(doc(genitive, 'pl'), 'Ryanair', 'Ryanair', 'ORG')).map((s) => s.status), ['attributed']);
});

test('a company\'s management speaks for it: "Dyrekcja Ryanaira zapowiedziała, że…"', () => {
  assert.deepEqual(pl('Dyrekcja Ryanaira zapowiedziała, że pasażerowie będą na bieżąco informowani o odwołanych lotach.'), ['confirmed']);
});

test('"ewentualnie" after a comma joins alternatives; inside a clause it hedges', () => {
  assert.deepEqual(pl('Ryanair oferuje im zwrot pieniędzy, ewentualnie bezpłatną zmianę rezerwacji.'), ['asserted']);
  assert.deepEqual(pl('Spotkanie odbędzie się ewentualnie w piątek.'), ['hedged']);
});

test('threatening with something attributes: "Zagroziły również zwolnieniami"; endangering something does not', () => {
  assert.deepEqual(pl('Zagroziły również zwolnieniami, jeżeli protesty będą kontynuowane. Islamiści grożą protestami.'), ['attributed', 'attributed']);
  assert.deepEqual(pl('Gazociąg zagrozi rozwojowi rynku w regionie.'), ['asserted']);
});

test('a conditional in a reported "że" clause is the speaker\'s judgement of a hypothetical: attributed', () => {
  assert.deepEqual(pl('Hammond również odniósł się do komentarzy szefa dyplomacji i powiedział, że podejście do brexitu w stylu Trumpa byłoby mniej skuteczne niż współpraca z europejskimi partnerami.'), ['attributed']);
  assert.deepEqual(pl('Sturgeon uważa, że gdyby tak się nie stało, Szkocja znalazłaby się w bardzo nierównej sytuacji.'), ['attributed']);
  // A conditional of possibility or of hearsay still leaves the reported fact uncertain, and a
  // conditional with no reporting verb is the article's own hypothesis.
  assert.deepEqual(pl('Przewodniczący Parlamentu Europejskiego wspomniał na Twitterze, że mogłaby przybyć z mężem do Brukseli.'), ['hedged']);
  assert.deepEqual(pl('Przyjęcie takich przepisów osłabiłoby zatem rentowność gazociągu.'), ['hedged']);
  // A proposal's terms in the clause of a verb of providing are what it provides.
  assert.deepEqual(pl('Londyn zaproponował w czwartek rozwiązanie kwestii granicy, przewidujące, że Wielka Brytania pozostałaby związana unią celną z UE przez kolejny rok.'), ['asserted']);
  // What would be confirmed is not: the conditional of "potwierdzić" confirms nothing.
  assert.deepEqual(pl('Farage uznał, że powtórzenie tego głosowania potwierdziłoby wolę większości Brytyjczyków.'), ['attributed']);
});

test('"móc" in a relative clause about a name adds a happening of its own and hedges; about a common noun it may only narrow the noun down', () => {
  const named = 'W oddzielnych grupach mają protestować członkowie radykalnie prawicowej Ligi Obrony Anglii, które mogą spotkać się z marszem przeciwko Brexitowi.';
  assert.deepEqual(statuses(withMention(doc(named, 'pl'), 'Ligi Obrony Anglii', 'Liga Obrony Anglii', 'ORG')).map((s) => s.status), ['hedged']);
  const pipeline = 'Po pierwsze z powodu samego Nord Stream 2, którego budowa może się opóźnić.';
  assert.deepEqual(statuses(withMention(doc(pipeline, 'pl'), 'Nord Stream 2', 'Nord Stream 2', 'PRO')).map((s) => s.status), ['hedged']);
  // A name that is a common noun's genitive leaves the clause about the noun.
  const genitive = 'Dotyczy to np. obywateli EU, którzy mogą mieć trudności z wypełnieniem nowych formularzy.';
  assert.deepEqual(statuses(withMention(doc(genitive, 'pl'), 'EU', 'UE', 'ORG')).map((s) => s.status), ['asserted']);
  assert.deepEqual(pl('Operator musi wpłacić depozyt, by pokryć potencjalne szkody, które mogą wyniknąć z wykonania umowy.'), ['asserted']);
});

test('calling a claim false with a degree adverb between denies: "twierdzenie o … jest całkowicie fałszywe"', () => {
  assert.deepEqual(pl('Przewoźnik przestrzega przepisów, a twierdzenie o 12-godzinnych zmianach jest całkowicie fałszywe.'), ['denied']);
  assert.deepEqual(pl('Rzecznik dodał, że te informacje są zupełnie nieprawdziwe.'), ['denied']);
});

test('a spokesperson the quotes stage finds further from the verb still announces for the office', () => {
  assert.deepEqual(pl('Spółka rozpoczęła we wtorek w Niemczech prace nad budową gazociągu - poinformował zapytany w tej sprawie przez agencję dpa rzecznik firmy.'), ['confirmed']);
  // A spokesperson who only said something, with no institutional verb, is attributed.
  assert.deepEqual(pl('Spółka rozpoczęła we wtorek w Niemczech prace nad budową gazociągu - powiedział zapytany w tej sprawie przez agencję dpa rzecznik firmy.'), ['attributed']);
});

test('a government body named by a common noun announcing its own decision confirms; in the reported clause or a concessive one it does not', () => {
  assert.deepEqual(pl('Tamtejsze władze zapowiedziały, że na to nie pozwolą. Rząd zapowiedział sprzeciw wobec tej zmiany.'), ['confirmed', 'confirmed']);
  assert.deepEqual(pl('Pakistańskie władze poinformowały w sobotę o aresztowaniu radykalnego duchownego.'), ['confirmed']);
  assert.deepEqual(pl('Przywódca partii poinformował, że policja zatrzymała wielu członków jego partii.'), ['attributed']);
  assert.deepEqual(pl('Mimo, że rząd zapewnia, że nie ma się czego obawiać, Brytyjczycy zauważają, że brakuje rąk do pracy.'), ['attributed']);
});

test('"według założeń" gives a plan, not a source: a schedule stays asserted', () => {
  assert.deepEqual(pl('Według założeń, nowy gazociąg pod dnem Bałtyku ma zostać oddany do użytku pod koniec przyszłego roku.'), ['asserted']);
  assert.deepEqual(pl('Według prawnika kobiety, Bibi została zwolniona z więzienia w środę.'), ['attributed']);
});

test('"móc" after a legal basis in its clause is a power the law gives, no hedge', () => {
  assert.deepEqual(pl('Zgodnie z ustawą CAATSA prezydent USA może nałożyć sankcje także na firmy z Europy czy Azji.'), ['asserted']);
  assert.deepEqual(pl('Na mocy tego porozumienia obywatele UE mogą swobodnie wjeżdżać i podejmować pracę w Szwajcarii.'), ['asserted']);
  // Without one, or with the basis in another clause, "móc" still hedges.
  assert.deepEqual(pl('Prezydent USA może nałożyć sankcje także na firmy z Europy. Zgodnie z prawem, opóźnienie może potrwać miesiąc.'), ['hedged', 'hedged']);
});

test('a source\'s information with a possessive before the noun attributes: "Z ich informacji wynika, że…"', () => {
  assert.deepEqual(pl('Z ich informacji wynika, że politycy bali się wycieku tak bardzo, że zabronili ministrom sporządzania kopii dokumentu.'), ['attributed']);
});

test('a union named by the verb states its side of a dispute: attributed, even with an institutional verb', () => {
  assert.deepEqual(pl('Zapowiedź zwolnień "jeszcze bardziej utwierdziła pilotów w ich decyzji" – oświadczył związek zawodowy irlandzkich pilotów Forsa.'), ['attributed']);
  const union = 'Związek holenderskich pilotów poinformował jednak, że otrzymał jedynie ustną obietnicę, a nie na piśmie.';
  assert.deepEqual(statuses(withMention(doc(union, 'pl'), 'Związek holenderskich pilotów', 'Związek holenderskich pilotów', 'ORG')).map((s) => s.status), ['attributed']);
  // Named far from the verb, the union is in the speaker's description.
  const representatives = 'Przedstawiciele związku zawodowego pracowników pokładowych ZZPP poinformowali, że zamierzają strajkować z powodu warunków pracy, które ich zdaniem są gorsze niż gdzie indziej.';
  assert.deepEqual(statuses(withMention(doc(representatives, 'pl'), 'ZZPP', 'ZZPP', 'ORG')).map((s) => s.status), ['attributed']);
});

test('a "co" clause on the whole main clause with its own "może" hedges: ", co może trwać kilka miesięcy"', () => {
  assert.deepEqual(pl('Jakiekolwiek zmiany będą musiały jednak uzyskać ponowną aprobatę ze strony członków Izby Gmin, co może doprowadzić do potencjalnego konfliktu między obiema izbami.'), ['hedged']);
  assert.deepEqual(pl('Tamtejszy związek zawodowy nie porozumiał się z zarządem linii, co może skończyć się opóźnieniami i odwołanymi lotami.'), ['hedged']);
  // The past names what it follows; so does "co" after a pronoun whose content it gives.
  assert.deepEqual(pl('Wszystko, co mogło pójść źle, poszło źle.'), ['asserted']);
  assert.deepEqual(pl('Ludzie czują się naprawdę niepewnie wobec tego, co ich może czekać.'), ['asserted']);
});

test('a report whose source is unnamed is hedged: "Źródła rządowe poinformowały", "Media podkreślają, że…"', () => {
  assert.deepEqual(pl('Źródła rządowe poinformowały, że będzie mogła opuścić kraj dopiero wówczas, gdy Sąd Najwyższy odrzuci odwołanie.'), ['hedged']);
  assert.deepEqual(pl('Źródła agencji prasowej AP informują, że ze względów bezpieczeństwa kobieta została wywieziona do stolicy kraju.'), ['hedged']);
  assert.deepEqual(pl('Media podkreślają, że wyliczenia te nie uwzględniają krótkoterminowych kosztów opuszczenia Unii Europejskiej.'), ['hedged']);
  assert.deepEqual(pl('Według źródeł PAP, w brytyjskiej administracji oświadczenie Davisa jest związane z narastającą frustracją.'), ['hedged']);
  assert.deepEqual(pl('12 państw, w tym Polska, a także Komisja Europejska, stwierdziło, że ta propozycja nie może zostać zaakceptowana i należy wrócić do poprzedniej - powiedziało PAP polskie źródło dyplomatyczne.'), ['hedged']);
  // A source of something, a credit line and the media as whom one told are no informants.
  assert.deepEqual(pl('Gazociąg ograniczy możliwości dywersyfikacji źródeł energii – powiedziała Oudkirk.'), ['attributed']);
  // (Not hedged: the minister tells his own planned meeting, which confirms it, src/analysis/epistemic/confirmers.ts officeHolderActs.)
  assert.deepEqual(pl('Minister poinformował media, że na 24 stycznia zaplanował spotkanie z wiceprzewodniczącym Komisji.'), ['confirmed']);
  assert.deepEqual(pl('Zbigniew Boniek mocno mu odpowiedział Źródło: express.co.uk.'), ['attributed']);
  assert.notDeepEqual(pl('Rzecznik prasowy Kremla Dymitri Pieskow cytowany przez rosyjskie media powiedział, że rozmowy trwają.'), ['hedged']);
  const en = (text: string): string[] => statuses(doc(text, 'en')).map((s) => s.status);
  assert.deepEqual(en('A source familiar with the talks said the meeting took place in Vladivostok.'), ['hedged']);
  assert.deepEqual(en('The plant is the main source of energy for the region, the company said.'), ['attributed']);
});

test('"miał" + infinitive with a timetable word or a clock time ending the sentence is a schedule: "miał planowo wystartować … o godz. 9.40."', () => {
  assert.deepEqual(pl('Samolot miał planowo wystartować z wrocławskiego lotniska o godz. 9.40.'), ['asserted']);
  assert.deepEqual(pl('Obie maszyny miały wystartować w południe.'), ['asserted']);
  // Without a time it stays hearsay.
  assert.deepEqual(pl('Miał on przekazywać rosyjskim służbom informacje o planowanych działaniach polskiego rządu.'), ['hedged']);
});

test('a possibility not ruled out, a rated likelihood and a suspicion hedge: "nie jest wykluczone, że", "Jest duże prawdopodobieństwo, że"', () => {
  assert.deepEqual(pl('W ocenie sygnalisty nie jest wykluczone, że było tak w przypadku referendum w sprawie opuszczenia Unii Europejskiej przez Wielką Brytanię.'), ['hedged']);
  assert.deepEqual(pl('Nie możemy tego wykluczyć, ale będą one raczej małych rozmiarów.'), ['hedged']);
  assert.deepEqual(pl('Jest duże prawdopodobieństwo, że na takie "przyjemności" narażeni będą pasażerowie Ryanair.'), ['hedged']);
  assert.deepEqual(pl('- Ludzie podejrzewali, że został otruty - mówił.'), ['hedged']);
  // A suspect named by the participle is no suspicion of the sentence's fact.
  assert.deepEqual(pl('Podejrzewany o szpiegostwo urzędnik został zatrzymany w czwartek.'), ['asserted']);
});

test('"zwrócić się do kogoś" turns to someone with a request, it reports no speech: "Ryanair zwrócił się do pilotów, by…"', () => {
  assert.deepEqual(pl('Ryanair zwrócił się do pilotów w rodzimej bazie w Dublinie, by pominęli związek zawodowy i zaakceptowali bezpośrednio proponowane podwyżki.'), ['asserted']);
  assert.deepEqual(pl('Rosyjski oddział Greenpeace zwrócił się do Prokuratury Generalnej Federacji Rosyjskiej z wnioskiem o wstrzymanie budowy gazociągu.'), ['asserted']);
  // "zwrócił uwagę, że" still reports.
  assert.deepEqual(pl('Ekspert zwrócił uwagę, że podwyżki obejmą tylko część pilotów.'), ['attributed']);
});

test('a news agency or an outlet relaying a body\'s act does not confirm it: "informuje agencja Prime", "Gazeta ogłosiła, że"', () => {
  assert.deepEqual(pl('Duńska Agencja Energetyczna wyznaczyła na 14 listopada publiczne wysłuchanie w sprawie alternatywnej trasy gazociągu Nord Stream-2 na duńskich wodach, informuje agencja Prime.'), ['attributed']);
  assert.deepEqual(pl('Pracownicy brytyjskiego urzędu ochrony danych osobowych przeszukali w piątek wieczorem londyńską centralę firmy doradczej Cambridge Analytica - poinformowała brytyjska agencja prasowa PA.'), ['attributed']);
  assert.deepEqual(pl('Gazeta ogłosiła, że w tym miesiącu planuje rozpocząć ogólnokrajową kampanię reklamową.'), ['attributed']);
});

test('a press office named after the verb, or a company named by a common noun, announces its own affairs: "poinformowało Biuro Prasowe", "spółka … poinformowała"', () => {
  assert.deepEqual(pl('O papieskiej audiencji, bez podawania szczegółów poinformowało Biuro Prasowe Stolicy Apostolskiej.'), ['confirmed']);
  assert.deepEqual(pl('Z drugiej strony konsorcjum Nord Stream 2 zapowiada, że już niedługo zacznie kłaść gazociąg po dnie Bałtyku.'), ['confirmed']);
  assert.deepEqual(pl('W październiku irlandzki przewoźnik zapowiedział, że 5 listopada zamknie bazę w Eindhoven.'), ['confirmed']);
  // Whom the company told is not the speaker; a company's head speaks as a person.
  assert.deepEqual(pl('Piloci poinformowali przewoźnika, że nie przyjdą do pracy.'), ['attributed']);
  assert.deepEqual(pl('Prezes spółki powiedział, że budowa przebiega zgodnie z planem.'), ['attributed']);
});

test('a speaker\'s own forecast in the first person hedges inside a quote; "jest zdania, że" reports an opinion', () => {
  assert.deepEqual(pl('„W wyniku nieuzasadnionego strajku, spodziewamy się także opóźnień w lotach do oraz z Francji” – apeluje Ryanair.'), ['hedged']);
  assert.deepEqual(pl('– Nasze szacunki wskazują, że strajki dotykają w Europie ponad 1,5 miliona pasażerów rocznie – mówi Marius Stonkus, prezes Skycop.'), ['hedged']);
  assert.deepEqual(pl('Aleksiej Miller prezes Gazpromu jest zdania, że zgoda Niemiec jest kluczowa i otwiera drogę do rozpoczęcia budowy.'), ['attributed']);
  // A poll's share "jest zdania przeciwnego" is what respondents answered, no one's report.
  assert.deepEqual(pl('48 proc. obywateli Unii zgodziło się, że ich głos się liczy, podczas gdy 46 jest zdania przeciwnego.'), ['asserted']);
});

test('an assurance that a past act did not happen denies it; a negated present or future after it is a pledge', () => {
  assert.deepEqual(pl('Obie firmy zapewniają, że nie uczestniczyły w żadnych nielegalnych działaniach.'), ['denied']);
  assert.deepEqual(pl('Ryanair zapewnia, że pracownicy nie musieli spać na podłodze.'), ['denied']);
  assert.notDeepEqual(pl('Premier zapewnił, że Polska nie zmieni swojego stanowiska w tej sprawie.'), ['denied']);
});

test('a statement of what would happen confirms nothing: "Ten scenariusz zmusiłby Airbusa…" – stwierdzono w komunikacie; a wish or a comparison still may', () => {
  assert.deepEqual(pl('"Ten scenariusz zmusiłby Airbusa do ponownego rozważenia inwestycji i długofalowej obecności w Wielkiej Brytanii" - stwierdzono w komunikacie.'), ['attributed']);
  assert.deepEqual(pl('„Oczekujemy, że rząd Pakistanu będzie kontynuował podejmowanie odpowiednich środków, tak jak robiłby to w przypadku każdego obywatela Pakistanu” – napisała w oświadczeniu Frederica Mogherini.'), ['confirmed']);
});

test('an epistemic "może" in reported speech hedges, inside a direct or a mixed quote (GUIDELINE: a modal in reported speech)', () => {
  assert.deepEqual(pl('- Tysiące pasażerów mogą ucierpieć, setki lotów mogą zostać odwołane - powiedział O’Leary w wywiadzie dla telewizji Sky News.'), ['hedged']);
  assert.deepEqual(pl('Austriackie OMV przyznało, że po sankcjach USA finansowanie projektu może stać się "praktycznie niemożliwe".'), ['hedged']);
  // The conditional in a quote stays the speaker's judgement of a hypothetical.
  assert.deepEqual(pl('„Ale ten projekt jest wyłącznie komercyjny i jego powstrzymywanie mogłoby naruszać zasady swobodnej konkurencji” – oświadczył.'), ['attributed']);
});

test('in reported speech a question, a negated "że" clause, a continuing right and a choice of options do not hedge', () => {
  assert.deepEqual(pl('Mieszkaniec pytał: „Bo co może zmienić zniszczenie pustych budynków?”'), ['attributed']);
  assert.deepEqual(pl('Sąd ocenił, że fakt ten nie oznacza, że przewoźnik "może pozbawiać swych pracowników ochrony zapewnianej im przez prawo holenderskie".'), ['attributed']);
  // (Without the speaker's "Jestem pewna, że", which forecasts: see the conviction test below.)
  assert.deepEqual(pl('„Ogłoszone szczegóły upewnią Polaków i ich rodziny, że nadal mogą żyć w Wielkiej Brytanii” - zakończyła.'), ['attributed']);
  assert.deepEqual(pl('"Nasi partnerzy stoją przed wyborem: mogą traktować nas jako państwo trzecie lub mogą przyjąć bardziej elastyczne podejście" - powiedziała.'), ['attributed']);
});

test('counting on something or a conviction about what will be is a forecast; a conviction about what is, a wish or a sought certainty is not', () => {
  // brexit 110 and nord stream 1113 (labelled hedged): "liczy na" / "liczy, iż" expect what has not happened.
  assert.deepEqual(pl('Davis dodał, że liczy także na ostateczne dopracowanie warunków okresu przejściowego do 13 marca, gdy zaplanowany jest szczyt UE.'), ['hedged']);
  // brexit 144 (labelled hedged): a conviction with a future verb ("dojdą") in its "że" clause.
  assert.deepEqual(pl('Davis wyraził również przekonanie, że obie strony w najbliższych tygodniach dojdą do porozumienia w sprawie okresu przejściowego.'), ['hedged']);
  // A conviction about what is: an opinion, no forecast (and no reporting verb: the article's sentence).
  assert.deepEqual(pl('Obrońca jest przekonany, że jego klientka jest niewinna.'), ['asserted']);
  // A certainty sought, not held (nord stream 513): no forecast.
  assert.deepEqual(pl('Berlin chce być pewien, że Moskwa będzie kontynuowała przesyłanie gazu przez Ukrainę - powiedziała kanclerz.'), ['attributed']);
  // "liczy się" matters; "liczy 500 stron" counts.
  assert.deepEqual(pl('Dokument liczy 500 stron.'), ['asserted']);
});

test('a report called false is denied, whatever the degree word; an act called wrong is judged, not denied', () => {
  // brexit-2018-06-03-no-deal-secret-report 1206 (labelled denied).
  assert.deepEqual(pl('Rzecznik ministerstwa ds. brexitu potwierdził, że w resorcie prowadzono dyskusje na temat możliwych konsekwencji wyjścia z UE bez porozumienia, powiedział jednak, że ostrzeżenia gazety są "całkowicie błędne".'), ['denied']);
  assert.notDeepEqual(pl('Jego zdaniem decyzja o wyjściu z UE była błędna.'), ['denied']);
  assert.notDeepEqual(pl('Ostrzeżenie Williamsona nie jest bezpodstawne.'), ['denied']);
});

test('an interlocutor or informant the article does not name is an unnamed source; the outlet\'s own interviewee is not', () => {
  // brexit-2018-06-03-no-deal-secret-report 1206 and nord stream 595 (labelled hedged).
  assert.deepEqual(pl('Jeden z rozmówców "Timesa" zastrzegł, że pełna treść dokumentu jest tak wstrząsająca, że została udostępniona zaledwie kilku ministrom i jest przechowywana w sejfie.'), ['hedged']);
  assert.deepEqual(pl('Według informatora PAP główny cel spotkania to dyskusja na temat Nord Stream 2.'), ['hedged']);
  assert.deepEqual(pl('Jak podkreśla nasz rozmówca, teraz zbiedniał, ale tylko teoretycznie.'), ['attributed']);
});

test('wanting with a "by" clause states someone\'s aim: "Premier Theresa May chce, by ten okres trwał"', () => {
  // brexit eu27-transition-guidelines 722 and settled-status-registration 721 (labelled attributed).
  assert.deepEqual(pl('Bruksela chce, by ten okres przejściowy potrwał maksymalnie do 31 grudnia 2020 r.'), ['attributed']);
  // With an object or an infinitive it says what someone wants to do; negated, no one's aim.
  assert.deepEqual(pl('Nikt nie chce, by ten okres trwał dłużej.'), ['asserted']);
});

test('a spokesperson heading the verb\'s subject, their office named between, confirms; one named as whom someone spoke of does not', () => {
  // brexit farage-second-referendum 234 and customs-union-exit 144, 110 (labelled confirmed).
  assert.deepEqual(pl('Rzecznik szefowej rządu Zjednoczonego Królestwa Theresy May zapowiedział, że „nie będzie kolejnego referendum” w sprawie Brexitu.'), ['confirmed']);
  assert.deepEqual(pl('Rzecznik prasowy premier May – James Slack oświadczył wczoraj, że Londyn definitywnie zamierza opuścić unię celną.'), ['confirmed']);
  // "rzecznika" is no subject, and a spokesperson in the reported clause speaks for no one here.
  assert.deepEqual(pl('Po wystąpieniu rzecznika rządu Zjednoczonego Królestwa Theresy May posłowie opozycji poinformowali, że rozmowa trwała godzinę.'), ['attributed']);
  assert.deepEqual(pl('Poseł opozycji powiedział, że rzecznik rządu zapowiedział zmiany.'), ['attributed']);
  // An office named by a country reporting what another country does: not its own fact (seed 004).
  const kirby = 'Rzecznik Rady Bezpieczeństwa Narodowego Stanów Zjednoczonych John Kirby przekazał pod koniec ubiegłego miesiąca, że Rosja prowadzi tajne rozmowy z Koreą Północną.';
  const office = withMentions(doc(kirby, 'pl'), ['Rady Bezpieczeństwa Narodowego Stanów Zjednoczonych', 'Rada Bezpieczeństwa Narodowego Stanów Zjednoczonych', 'ORG'], ['John Kirby', 'John Kirby', 'PER'], ['Rosja', 'Rosja', 'LOC']);
  assert.deepEqual(statuses(office).map((s) => s.status), ['attributed']);
});

test('plans with their holder\'s adjective and a pronoun for the documents just named attribute: "Według rządowych planów", "Wynikało z nich, że"', () => {
  // brexit customs-union-exit 144, settled-status-registration 511, tusk-juncker-open-door 250 (labelled attributed).
  assert.deepEqual(pl('Według rządowych planów kraj zachowa jeszcze obecne warunki członkostwa w ramach okresu przejściowego.'), ['attributed']);
  assert.deepEqual(pl('Wynikało z nich, że UE zamierza zastosować wobec Wielkiej Brytanii zaostrzenia dotyczące umów handlowych.'), ['attributed']);
  assert.deepEqual(pl('Zgodnie z planem kraj zachowa obecne warunki członkostwa.'), ['asserted']);
});

test('"mieć" with a verb of a state or relation is hearsay, with an act a plan, and in a "jeśli" condition neither', () => {
  // asia bibi deal-and-departures 20, brexit customs-union-exit 1801, nord stream morawiecki-berlin-dispute 1463 (labelled hedged).
  assert.deepEqual(pl('Wypracowane stanowisko ma oznaczać, że zwolennicy twardego brexitu przekonali do swoich racji.'), ['hedged']);
  assert.deepEqual(pl('Niemoc Europy ma wynikać głównie z postawy rządu Niemiec.'), ['hedged']);
  assert.deepEqual(pl('Ma ona przewidywać, że w zamian za zakończenie protestów władze rozpoczną procedurę.'), ['hedged']);
  assert.deepEqual(pl('Premier ma się spotkać z prezydentem w Soczi.'), ['asserted']);
  // A development sentence (brexit 1508): what a repeated vote would take, not what is said to be.
  assert.deepEqual(pl('Wylie wyjaśnił, że jeśli ma to oznaczać ponowne głosowanie, to tak należy zrobić.'), ['attributed']);
});

test('predicative likelihood and doubt in any form and a first-person suspicion hedge; negated doubt does not', () => {
  // nord stream morawiecki-berlin-dispute 1482, 1463 and brexit farage-second-referendum 566 (labelled hedged).
  assert.deepEqual(pl('Podkreśla, że po wybudowaniu gazociągu, wielka wojna rosyjsko-ukraińska stanie się bardziej prawdopodobna.'), ['hedged']);
  assert.deepEqual(pl('Polityk twierdzi jednak, że "jest wątpliwe", by udało się zatrzymać jego budowę.'), ['hedged']);
  assert.deepEqual(pl('„Podejrzewam, że rząd będzie próbował wykonać manewr” – powiedział.'), ['hedged']);
  assert.deepEqual(pl('Polityk twierdzi, że nie jest wątpliwe, kto zawinił.'), ['attributed']);
});

test('a company or government body named by a common noun stating its own point confirms: "zaznaczyła spółka"', () => {
  // nord stream denmark-alternative-route 500 (labelled confirmed).
  assert.deepEqual(pl('To trasa alternatywna, nieprzechodząca przez terytorialne wody Danii - zaznaczyła spółka.'), ['confirmed']);
  assert.deepEqual(pl('Przewoźnik zaznaczył, że wszyscy podróżni, których to dotyczy, zostali już powiadomieni.'), ['confirmed']);
  // A person stating a point speaks for no one.
  assert.deepEqual(pl('To trasa alternatywna - zaznaczył ekspert.'), ['attributed']);
});

test('"według" an unnamed source hedges with no reporting verb; "może dojść" with words between is the epistemic modal', () => {
  // asia bibi death-row-before-appeal pl-asia-wiki-1 and brexit tusk-juncker-open-door 1918 (labelled hedged).
  assert.deepEqual(pl('Według niektórych źródeł rzeczywistym powodem incydentu był spór między sąsiadkami.'), ['hedged']);
  assert.deepEqual(pl('Może do tego dojść w marcu przyszłego roku.'), ['hedged']);
  // A source of something, not an informant.
  assert.deepEqual(pl('Kraj uniezależni się od źródeł energii z Rosji.'), ['asserted']);
});

test('a report that "appeared" with no one named is an unofficial one: "pojawiły się informacje, że"', () => {
  // brexit eu27-guidelines 1240 (labelled hedged).
  assert.deepEqual(pl('W piątek pojawiły się informacje, że wyłączenie będzie czasowe – ma obowiązywać do maja.'), ['hedged']);
  assert.deepEqual(pl('W piątek pojawiły się nowe przepisy.'), ['asserted']);
});

test('a conditional framed by "jak twierdzi" is the speaker\'s judgement of a hypothetical; inside a fear\'s "że" clause or with no frame it hedges', () => {
  // brexit soros-best-for-britain 1794 (labelled attributed) and development sentence brexit 255.
  assert.deepEqual(pl('Drugie referendum - jak twierdzi - oddaliłoby także groźbę powstania dziury w unijnym budżecie.'), ['attributed']);
  assert.deepEqual(pl('Jak argumentował, byłby on nieskuteczny, bo zabranie pieniędzy skutkowałoby wzrostem nastrojów antyunijnych.'), ['attributed']);
  // The conditional of a possibility still leaves the fact open, and with no frame the outlet's own conditional hedges.
  assert.deepEqual(pl('Jak twierdzi, premier miałaby zrezygnować jeszcze w tym tygodniu.'), ['hedged']);
  assert.deepEqual(pl('Drugie referendum oddaliłoby groźbę powstania dziury w budżecie.'), ['hedged']);
});

test('a conclusion reached is the claim of whoever reached it: "doszli do wniosku, że"', () => {
  // nord stream lex-nord-stream-council-opinion 306 (labelled attributed).
  assert.deepEqual(pl('Eksperci w zakresie prawa z Rady Unii Europejskiej doszli do wniosku, że tego rodzaju nowe przepisy nie mogłyby zostać zastosowane w przypadku Nord Stream 2.'), ['attributed']);
  assert.deepEqual(pl('Do wniosku dołączono mapy trasy.'), ['asserted']);
});

test('a speaker\'s own "we" acting is their side confirming its act: "Dlatego prowadzimy aktywne działania – oświadczył premier"', () => {
  // nord-stream-2-2018-02-16-morawiecki-berlin-dispute 657 and brexit-2018-02-23-eu-budget-gap 1954 (labelled confirmed).
  assert.deepEqual(pl('- Dlatego prowadzimy aktywne działania, jak i wspieramy działania instytucji europejskich, mające na celu zablokowanie budowy Nord Stream 2 - oświadczył premier.'), ['confirmed']);
  assert.deepEqual(statuses(withMention(doc('"Zgodziliśmy się, że UE przeznaczy więcej pieniędzy na obronę" - poinformował po rozmowach Tusk.', 'pl'), 'Tusk', 'Tusk', 'PER')).map((s) => s.status), ['confirmed']);
  // A relative or temporal clause is passed over to the main verb (nord-stream-2-2018-05-18-ukraine-transit 924).
  assert.deepEqual(pl('"W czasie, gdy prowadzimy rozmowy na ten temat, z Turcją już wkrótce zakończymy analogiczny projekt" - podkreślił prezydent.'), ['confirmed']);
});

test('a "we" of a view, need, request, condition or subordinate clause confirms nothing', () => {
  // A duty and a wish are a stance (brexit tusk-juncker-open-door, nord-stream denmark: labelled attributed).
  assert.deepEqual(pl('- Musimy utrzymać jedność w każdym scenariuszu i osobiście nie mam wątpliwości, że tak zrobimy - podkreślał przewodniczący Rady Europejskiej.'), ['attributed']);
  assert.deepEqual(pl('– Chcemy mieć możliwość powiedzenia tak lub nie – powiedział wtedy duński minister energii.'), ['attributed']);
  assert.deepEqual(pl('– Prosimy wszystkich użytkowników Zatoki Greifswaldzkiej o zachowanie szczególnej ostrożności – napisał kierownik budowy.'), ['attributed']);
  // A condition is a judgement of a hypothetical; a "we" only in a relative clause is not the quote's verb.
  assert.deepEqual(pl('- Jeśli nie podejmiemy radykalnego działania, to brakiem reakcji dopuścimy do fałszywego brexitu - ostrzegł minister.'), ['attributed']);
  assert.deepEqual(pl('– Inny temat, o którym mówimy całkiem dużo, jest Nord Stream 2 – powiedziała przedstawicielka Departamentu Stanu.'), ['attributed']);
  // A commentator's "we" speaks for no side that acts.
  assert.deepEqual(pl('– Prowadzimy analizy tego rynku od lat – powiedział ekspert.'), ['attributed']);
});

test('an office-holder announcing with no subject of the clause but their own tells their own act: "minister … oświadczył, że dąży do"', () => {
  // brexit-2018-01-29-eu27-transition-guidelines 503 and brexit-2018-03-07-tusk-fta-guidelines 965 (labelled confirmed).
  const davis = 'Brytyjski minister ds. wyjścia z Unii Europejskiej David Davis oświadczył w piątek, że dąży do szybkiego sfinalizowania umowy w sprawie okresu przejściowego.';
  assert.deepEqual(statuses(withMention(doc(davis, 'pl'), 'David Davis', 'David Davis', 'PER')).map((s) => s.status), ['confirmed']);
  assert.deepEqual(pl('Premier Wielkiej Brytanii zapowiada, że nie będzie kolejnego referendum ws. brexitu.'), ['confirmed']);
});

test('no office, a commentator, or a clause with its own subject: the announcement stays attributed', () => {
  // A private person's stated intention (asia-bibi-2018-02-24-colosseum-red 44, labelled attributed).
  assert.deepEqual(pl('Już wcześniej, przed audiencją zapowiedziała, że poprosi papieża o modlitwę za wszystkie dziewczęta.'), ['attributed']);
  assert.deepEqual(pl('Ekspert zapowiedział, że opublikuje raport o rynku gazu.'), ['attributed']);
  // The subject after the verb is another's act ("ruszy budowa"), and so is a named one before it.
  assert.deepEqual(pl('Minister poinformował, że pod koniec przyszłego roku ruszy budowa gazociągu.'), ['attributed']);
  assert.deepEqual(pl('Minister poinformował, że Rosja wstrzyma dostawy gazu.'), ['attributed']);
});

test('a spokesperson or representative saying "powiedział, że" speaks for their office: confirmed', () => {
  // asia-bibi-2018-11-asylum-offers 8 and nord-stream-2-2018-05-15-construction-start 1461 (labelled confirmed).
  assert.deepEqual(pl('Rzeczniczka niemieckiego ministerstwa spraw zagranicznych powiedziała, że jeśli Bibi zdecyduje się przyjechać do Niemiec, są one gotowe ją przyjąć.'), ['confirmed']);
  assert.deepEqual(pl('Przedstawiciel Gazpromu powiedział niemieckiej agencji dpa, że budowa gazociągu przebiega zgodnie z planem.'), ['confirmed']);
  assert.deepEqual(pl('Rzecznik niemieckiego rządu powiedział wczoraj, że stanowisko Niemiec w sprawie budowy gazociągu pozostaje niezmienione.'), ['confirmed']);
});

test('"powiedział" stays attributed for words set off by a dash, a union\'s or party\'s spokesperson, or anyone else', () => {
  assert.deepEqual(pl('Demonstracja przebiega pokojowo – powiedział rzecznik stołecznej policji.'), ['attributed']);
  assert.deepEqual(pl('– To realne ryzyko dla pięciu europejskich członków konsorcjum – powiedział przedstawiciel Unipera.'), ['attributed']);
  assert.deepEqual(pl('Rzecznik związku zawodowego pilotów powiedział, że piloci nie wrócą do pracy.'), ['attributed']);
  assert.deepEqual(pl('Prawnik kobiety powiedział, że jego klientka przyleciała już do Kanady.'), ['attributed']);
  // With an institutional verb a representative is as often a staff's side in a dispute.
  assert.deepEqual(pl('Pracownicy przewoźnika zamierzają zorganizować strajk - poinformowali przedstawiciele personelu pokładowego.'), ['attributed']);
});

test('"ma być" after its predicate in the instrumental assigns a role, a plan: "Kluczowym argumentem ma być zagrożenie"', () => {
  // nord-stream-2-2018-02-16-morawiecki-berlin-dispute 611, 1463 and brexit-2018-01-09-eu-budget-gap 312 (labelled asserted).
  assert.deepEqual(pl('Kluczowym argumentem ma być zagrożenie dla niepodległości Ukrainy.'), ['asserted']);
  assert.deepEqual(pl('Alternatywą wobec Nord Stream 2 ma być Baltic Pipe, który przez Danię i Bałtyk ma dostarczać norweski gaz do Polski.'), ['asserted']);
  assert.deepEqual(pl('Nowym źródłem dochodów dla Brukseli mają być wpływy z unijnego systemu handlu uprawnieniami do emisji.'), ['asserted']);
});

test('"ma być" stays hearsay with its subject first, a cause fronted, or in the past', () => {
  assert.deepEqual(pl('Sprawca ma być obywatelem Polski.'), ['hedged']);
  assert.deepEqual(pl('Powodem mają być niekorzystne zasady rozliczania stażu i dni urlopowych.'), ['hedged']);
  // A purpose too (eval/data/seeds-labels: hedged).
  assert.deepEqual(pl('Celem spotkania Kim-Putin ma być omówienie dostaw broni dla rosyjskiej armii.'), ['hedged']);
  assert.deepEqual(pl('Mózgiem operacji miał być Steve Bannon, były szef kampanii wyborczej.'), ['hedged']);
  assert.deepEqual(pl('Przed sądem ma być również jego brat.'), ['hedged']);
});

test('a negated report is no hedge: "nie skomentowali na razie doniesień", "nie potwierdziła w piątek PAP, kiedy"', () => {
  // brexit-2018-03-19-cambridge-analytica 1225, nord-stream-2-2018-03-05-lex-nord-stream-council-opinion 1113 (labelled asserted).
  assert.deepEqual(pl('Przedstawiciele komisji nie skomentowali na razie doniesień Bloomberga.'), ['asserted']);
  assert.deepEqual(pl('Bułgarska prezydencja nie potwierdziła w piątek PAP, kiedy projekt może trafić na posiedzenie ministrów.'), ['asserted']);
  // Not negated, the reports still hedge.
  assert.deepEqual(pl('Według doniesień rząd może upaść jeszcze w tym tygodniu.'), ['hedged']);
});

test('a statement against what others reported denies it: "wbrew doniesieniom Financial Times"', () => {
  // nord-stream-2-2018-08-10-denmark-alternative-route 959 (labelled denied).
  assert.deepEqual(pl('Dowodzi to, że budowa jeszcze nie ruszyła, wbrew doniesieniom Financial Times.'), ['denied']);
});

test('an adverbial participle reports with the main clause\'s subject, as its finite verb does: "Rzecznik rządu odrzucił apel, zapewniając, że…"', () => {
  // A spokesperson, a government body and an office-holder on their own act confirm with the
  // participle as with the finite verb (src/analysis/epistemic/confirmers.ts, participleSpeaker).
  const pairs: [string, string][] = [
    ['Rzecznik rządu stanowczo odrzucił apel opozycji, zapewniając, że premier nie bierze takiego scenariusza pod uwagę.', 'Rzecznik rządu zapewnił, że premier nie bierze takiego scenariusza pod uwagę.'],
    ['Policja wzywa mieszkańców do ostrożności, informując, że zostaną wprowadzone nowe środki bezpieczeństwa.', 'Policja poinformowała, że zostaną wprowadzone nowe środki bezpieczeństwa.'],
  ];
  for (const [participle, finite] of pairs) assert.deepEqual(pl(participle), pl(finite), participle);
  assert.deepEqual(pl(pairs[0]![0]), ['confirmed']);
  assert.deepEqual(pl(pairs[1]![0]), ['confirmed']);
  assert.deepEqual(pl('Minister finansów Jan Nowak odrzucił krytykę, zapewniając, że dąży do szybkiego porozumienia.'), ['confirmed']);
  // A commentator states a view, and "podkreślając" confirms no more than "podkreślił" does.
  assert.deepEqual(pl('Ekspert Jan Nowak skrytykował plan, zapewniając, że dąży do szybkiego porozumienia.'), ['attributed']);
  assert.deepEqual(pl('Rzecznik rządu odrzucił apel opozycji, podkreślając, że premier nie bierze takiego scenariusza pod uwagę.'), ['attributed']);
  // After a reported clause the participle's subject is not known ("…, że ministerstwo zrealizowało…, zapewniając").
  assert.deepEqual(pl('Posłanka zaznaczyła, że ministerstwo zrealizowało obietnicę, zapewniając, że opłaty są niskie.'), ['attributed']);
});
