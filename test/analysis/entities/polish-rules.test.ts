/**
 * General Polish entity rules, each on made-up sentences (none copied from the BSNLP dev data):
 * base forms of people's names, types, spans.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMentions, linkAcrossArticles, type Mention } from '../../../src/analysis/entities/index.ts';
import { analyzeText } from '../../../src/text/index.ts';

function mentions(text: string): Mention[] {
  return findMentions(text, 'pl', analyzeText(text, 'pl'));
}

/** `surface=base/TYPE` of every mention. */
function described(text: string): string[] {
  return mentions(text).map((m) => `${m.text}=${m.base}/${m.type}`);
}

function mentionOf(text: string, surface: string): Mention {
  const m = mentions(text).find((x) => x.text === surface);
  assert.ok(m, `no mention "${surface}" in: ${described(text).join(' | ')}`);
  return m;
}

test('nominative foreign names ending in -a stay whole', () => {
  assert.equal(mentionOf('Do Lizbony przyleciała Condoleezza Rice.', 'Condoleezza Rice').base, 'Condoleezza Rice');
  assert.equal(mentionOf('Rozmawiano z Condoleezzą Rice o handlu.', 'Condoleezzą Rice').base, 'Condoleezza Rice');
});

test('female -ska/-cka surnames stay female in every case', () => {
  const text = 'Wniosek złożyła Anna Nowakowska. Posłanka Nowakowska dodała, że Marii Zawadzkiej nie było, a z Ewą Kowalską nikt nie rozmawiał.';
  assert.equal(mentionOf(text, 'Anna Nowakowska').base, 'Anna Nowakowska');
  assert.equal(mentionOf(text, 'Nowakowska').base, 'Nowakowska');
  assert.equal(mentionOf(text, 'Marii Zawadzkiej').base, 'Maria Zawadzka');
  assert.equal(mentionOf(text, 'Ewą Kowalską').base, 'Ewa Kowalska');
});

test('given names take the gender of the surname: "Pawła" → Paweł, "Jarosława Nowickiego" → Jarosław', () => {
  const text = 'Słowa Pawła Kowalskiego potwierdził rzecznik. Z Pawłem Kowalskim rozmawiał wcześniej wójt. List Jarosława Nowickiego trafił do sądu.';
  assert.equal(mentionOf(text, 'Pawła Kowalskiego').base, 'Paweł Kowalski');
  assert.equal(mentionOf(text, 'Pawłem Kowalskim').base, 'Paweł Kowalski');
  assert.equal(mentionOf(text, 'Jarosława Nowickiego').base, 'Jarosław Nowicki');
});

test('oblique forms of foreign names lose their case ending, the given name too', () => {
  const text = 'Wizyta Justina Trudeau i Emmanuela Macrona trwała dwa dni. Notatkę Roberta Fishera czytano z uwagą, podobnie jak list Guya Hendersona.';
  assert.equal(mentionOf(text, 'Justina Trudeau').base, 'Justin Trudeau');
  assert.equal(mentionOf(text, 'Emmanuela Macrona').base, 'Emmanuel Macron');
  assert.equal(mentionOf(text, 'Roberta Fishera').base, 'Robert Fisher');
  assert.equal(mentionOf(text, 'Guya Hendersona').base, 'Guy Henderson');
});

test('lone and full adjectival surnames are people, not places or institutions', () => {
  const text = 'Wczoraj głos zabrał Wiśniewski. Zdaniem Zielińskiego projekt jest gotowy, ale Paweł Kowalski ma wątpliwości.';
  assert.equal(mentionOf(text, 'Wiśniewski').type, 'PER');
  assert.equal(mentionOf(text, 'Zielińskiego').type, 'PER');
  assert.equal(mentionOf(text, 'Zielińskiego').base, 'Zieliński');
  assert.equal(mentionOf(text, 'Paweł Kowalski').type, 'PER');
  // A place's genitive in -ska is no surname.
  assert.equal(mentionOf('Pociąg z Gdańska spóźnił się.', 'Gdańska').type, 'LOC');
});

test('a name typed only by default takes the type a cue gives one of its mentions (one sense per key)', () => {
  // The dictionary knows "Wawel" as a place; "Spółka" says this one is a company, in every mention.
  const company = described('Spółka Wawel podniosła ceny czekolady. Wawel tłumaczy to kosztami kakao, a akcjonariusze Wawelu są spokojni.');
  assert.deepEqual(company, ['Wawel=Wawel/ORG', 'Wawel=Wawel/ORG', 'Wawelu=Wawel/ORG']);
  // Without a cue it stays the place.
  assert.deepEqual(described('Wawel przyciąga turystów. Na Wawelu było tłumnie.'), ['Wawel=Wawel/LOC', 'Wawelu=Wawel/LOC']);
});

test('across articles, a cue in one article types the guessed mentions in the others', () => {
  const docs = [
    { articleId: 'a', mentions: mentions('Spółka Wawel podniosła ceny czekolady.') },
    { articleId: 'b', mentions: mentions('Zarząd uważa, że Wawel obroni marżę.') },
  ];
  const linked = linkAcrossArticles(docs);
  assert.equal(linked[1]!.mentions[0]!.type, 'ORG');
});

test('a person named right after a place in an oblique case or an acronym is a name of its own', () => {
  assert.deepEqual(
    described('Relację przesłał nasz korespondent w Sewilli Jakub Nowak.'),
    ['Sewilli=Sewilla/LOC', 'Jakub Nowak=Jakub Nowak/PER'],
  );
  assert.ok(described('Głównym negocjatorem KE Michel Barnier był od lat.').includes('Michel Barnier=Michel Barnier/PER'));
});

test('"<country>exit" names are events in any case and in lower case', () => {
  assert.deepEqual(
    described('Debata o polexicie trwa. Zwolennicy Polexitu milczą, a Grexit nie nastąpił.'),
    ['polexicie=Polexit/EVT', 'Polexitu=Polexit/EVT', 'Grexit=Grexit/EVT'],
  );
});

test('an abbreviated first word still finds the known name, and the base keeps the abbreviation', () => {
  const m = mentionOf('Eksport do Wlk. Brytanii spadł.', 'Wlk. Brytanii');
  assert.equal(m.base, 'Wlk. Brytania');
  assert.equal(m.type, 'LOC');
  assert.equal(m.key, mentionOf('Eksport do Wielkiej Brytanii spadł.', 'Wielkiej Brytanii').key);
});

test('institutions keep their seat and a second genitive after "i" inside the name', () => {
  assert.deepEqual(
    described('Sprawą zajmie się Sąd Okręgowy w Krakowie. Decyzję wydało Ministerstwo Rolnictwa i Rozwoju Wsi.'),
    ['Sąd Okręgowy w Krakowie=Sąd Okręgowy w Krakowie/ORG', 'Ministerstwo Rolnictwa i Rozwoju Wsi=Ministerstwo Rolnictwa i Rozwoju Wsi/ORG'],
  );
  // Two names joined by "i" stay two.
  const two = described('Ministerstwo Zdrowia i Komisja Europejska wydały komunikat.').map((d) => d.split('=')[0]);
  assert.deepEqual(two, ['Ministerstwo Zdrowia', 'Komisja Europejska']);
});

test('an institution head opening a sentence stays in the name; a kind noun before a name does not', () => {
  assert.equal(mentionOf('Prokuratura Okręgowa w Gdyni wszczęła śledztwo.', 'Prokuratura Okręgowa w Gdyni').type, 'ORG');
  assert.equal(mentionOf('Sąd Rejonowy oddalił pozew.', 'Sąd Rejonowy').base, 'Sąd Rejonowy');
  assert.ok(described('Agencja Reuters podała, że rozmowy trwają.').some((d) => d.startsWith('Reuters=')));
});

test('roman numerals and common words in capitals are not organisations', () => {
  assert.deepEqual(described('W XX wieku i w XXI wieku było inaczej. UWAGA: TEŻ tak sądzimy, MUSISZ TO WIEDZIEĆ.'), []);
  // Acronyms and names in capitals stay.
  assert.deepEqual(described('Samolot LOT wylądował, a NATO milczy.').map((d) => d.split('=')[0]), ['LOT', 'NATO']);
});

test('events: diseases with their number, numbered wars', () => {
  const found = described('Epidemia COVID-19 zamknęła szkoły. Po II wojnie światowej miasto odbudowano.');
  assert.ok(found.includes('COVID-19=COVID-19/EVT'), found.join(' | '));
  assert.ok(found.includes('II wojnie światowej=II wojna światowa/EVT'), found.join(' | '));
});

test('a region named by an adjective and a proper noun is a place', () => {
  assert.equal(mentionOf('Wybory w Dolnej Saksonii wygrała opozycja.', 'Dolnej Saksonii').type, 'LOC');
  assert.equal(mentionOf('Wybory w Dolnej Saksonii wygrała opozycja.', 'Dolnej Saksonii').base, 'Dolna Saksonia');
});

test('lower-case administrative units with their adjective are places', () => {
  assert.deepEqual(
    described('Drogi w województwie podlaskim są zamknięte, a w powiecie bocheńskim spadł grad.'),
    ['województwie podlaskim=województwo podlaskie/LOC', 'powiecie bocheńskim=powiat bocheński/LOC'],
  );
});

test('party members keep their number; a party named in the plural is an organisation', () => {
  assert.deepEqual(
    described('Torysi stracili większość, laburzyści zyskali, a głosy ludowców przesądziły. Poparcie Zielonych rośnie.'),
    ['Torysi=torysi/PER', 'laburzyści=laburzyści/PER', 'ludowców=ludowcy/PER', 'Zielonych=Zieloni/ORG'],
  );
});

test('streets are places without their house number; an adjective name agrees with the street noun', () => {
  assert.deepEqual(
    described('Biuro mieści się przy ul. Kolejowej 5. Spotkanie było na placu Zamkowym, a sklep stoi przy ul. Mickiewicza 12.'),
    ['Kolejowej=Kolejowa/LOC', 'Zamkowym=Zamkowy/LOC', 'Mickiewicza=Mickiewicza/LOC'],
  );
});

// PoliMorf's tags (src/analysis/entities/dictionary-tags.ts): what the hunspell readings alone got wrong.

test('a woman named by her forename keeps a surname that does not inflect like an adjective', () => {
  const text = 'Wypowiedź Katarzyny Słupek zacytowano w raporcie, a z Agnieszką Bochniarz nikt nie rozmawiał.';
  assert.equal(mentionOf(text, 'Katarzyny Słupek').base, 'Katarzyna Słupek');
  assert.equal(mentionOf(text, 'Agnieszką Bochniarz').base, 'Agnieszka Bochniarz');
});

test('plural-only place names and plural phrases keep their number', () => {
  assert.equal(mentionOf('Na Węgrzech padał śnieg przez cały tydzień.', 'Węgrzech').base, 'Węgry');
  const islands = mentionOf('Fabryka powstanie w Dolnej Saksonii, a nie na Wyspach Brytyjskich.', 'Wyspach Brytyjskich');
  assert.equal(islands.base, 'Wyspy Brytyjskie');
  assert.equal(islands.type, 'LOC');
});

test('nationalities in the plural are people in the plural, not their country', () => {
  const text = 'Po meczu Włosi i Hiszpanie długo świętowali na ulicach.';
  assert.deepEqual([mentionOf(text, 'Włosi').base, mentionOf(text, 'Włosi').type], ['Włosi', 'PER']);
  assert.deepEqual([mentionOf(text, 'Hiszpanie').base, mentionOf(text, 'Hiszpanie').type], ['Hiszpanie', 'PER']);
});

test('a lone name the dictionary knows only as a man is a person', () => {
  const text = 'Rysunek przedstawiał Mahometa. Do katedry przyjechał Franciszek.';
  assert.deepEqual([mentionOf(text, 'Mahometa').base, mentionOf(text, 'Mahometa').type], ['Mahomet', 'PER']);
  assert.equal(mentionOf(text, 'Franciszek').type, 'PER');
  // A place the dictionary also lists as a plural of a man's name stays a place.
  assert.equal(mentionOf('Pociąg do Krakowa odjechał punktualnie.', 'Krakowa').type, 'LOC');
});

test('a sentence-initial word the dictionary lists only in lower case is no name; an unknown foreign one still is', () => {
  assert.deepEqual(described('Chrześcijan w tym kraju jest niewielu. Legislatur było w historii dziewięć.'), []);
  assert.deepEqual(described('Szefczowicz przyjechał do Brukseli.'), ['Szefczowicz=Szefczowicz/ORG', 'Brukseli=Bruksela/LOC']);
});

test('a sentence-initial Russian name in -yj is a name, and a defining sentence types it', () => {
  // Unknown to the dictionaries, ending in -yj: a transliterated name, not an ordinary word.
  const town = mentionOf('Spotkanie przeniesiono w ostatniej chwili. Jasnyj to miasto w obwodzie orenburskim.', 'Jasnyj');
  assert.equal(town.type, 'LOC', 'the kind noun after "to" types it');
  // A plain -j at a sentence start stays an ordinary word (imperatives: "Sprawdzaj", "Pamiętaj").
  assert.deepEqual(described('Pamiętaj o tym jutro. Sprawdzaj pogodę przed wyjazdem.'), []);
});

test('a given name in -o is a man\'s nominative, not the vocative of a woman\'s name', () => {
  // PoliMorf lists "Alessandro" only as the vocative of Alessandra; news does not address people.
  assert.equal(mentionOf('Jest bezpieczna – mówi radiu Alessandro Bianchetti z włoskiej fundacji.', 'Alessandro Bianchetti').base, 'Alessandro Bianchetti');
});
