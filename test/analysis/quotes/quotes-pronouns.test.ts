/**
 * A pronoun as the source of "według"/"zdaniem" ("Według niego …", "Jego zdaniem …", "według jego
 * słów"): the person just named, of the pronoun's gender — never the pronoun or the first word of
 * the reported clause. Sentences as met in the BSNLP Polish dev articles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMention, withMentions } from './fixture.ts';

test('"Według niego" after a named quote is that speaker\'s, not "niego nakaz"', () => {
  let d = doc('Asia Bibi została wypuszczona z więzienia – poinformował jej prawnik Saif ul-Mulook.\n\n– Uwolniono ją – przekazał Mulook agencji AFP. Według niego nakaz uwolnienia wydano w środę.', 'pl');
  d = withMentions(d,
    ['Asia Bibi', 'Asia Bibi', 'PER'],
    ['Saif ul-Mulook', 'Saif ul-Mulook', 'PER']);
  const q = quoteWith(quotes(d), 'nakaz uwolnienia');
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'nakaz uwolnienia wydano w środę');
  assert.match(q.speaker?.name ?? '', /Mulook/u);
});

test('"Jego zdaniem" opening a sentence is the man named before; the words are what follows', () => {
  let d = doc('Jednak Mark Carney, prezes Banku Anglii, ostrzegł, że polityka niekończącego się wahania niesie coraz większy koszt. Jego zdaniem już teraz Wielka Brytania straciła z powodu brexitu 40 mld funtów.', 'pl');
  d = withMentions(d,
    ['Mark Carney', 'Mark Carney', 'PER'],
    ['Banku Anglii', 'Bank Anglii', 'ORG'],
    ['Wielka Brytania', 'Wielka Brytania', 'LOC']);
  const q = quoteWith(quotes(d), 'straciła z powodu brexitu');
  assert.equal(q.speaker?.name, 'Mark Carney');
  assert.ok(q.text.startsWith('już teraz'), q.text);
});

test('"według niej" takes the woman named before, not the man named after her', () => {
  let d = doc('Isabelle Dumont, przewodnicząca komisji budżetu, uznała, że "stoimy na rozdrożu". Marek Nowak tego nie skomentował. Według niej kolejny budżet UE musi sprostać nowym wyzwaniom.', 'pl');
  d = withMentions(d,
    ['Isabelle Dumont', 'Isabelle Dumont', 'PER'],
    ['Marek Nowak', 'Marek Nowak', 'PER']);
  const q = quoteWith(quotes(d), 'kolejny budżet');
  assert.equal(q.speaker?.name, 'Isabelle Dumont');
});

test('a parenthetical "jego zdaniem" after a short opening is no speaker itself: the place after it does not speak', () => {
  let d = doc('Profesor Jan Kowal ostrzegał przed epidemią. Co gorsza, jego zdaniem, Polska wkrótce stanie się "eksporterem" wirusa.', 'pl');
  d = withMentions(d,
    ['Jan Kowal', 'Jan Kowal', 'PER'],
    ['Polska', 'Polska', 'LOC']);
  const q = quoteWith(quotes(d), 'wkrótce stanie się');
  assert.equal(q.speaker?.name, 'Jan Kowal');
});

test('"według jej prawników" is her lawyers\' word, not hers; "według jego słów" is his', () => {
  let d = doc('Asia Bibi czeka na rozprawę. Według jej prawników jest szansa, że rozprawa odbędzie się przed Wielkanocą.', 'pl');
  d = withMention(d, 'Asia Bibi', 'Asia Bibi', 'PER');
  assert.notEqual(quoteWith(quotes(d), 'jest szansa').speaker?.name, 'Asia Bibi');
  let e = doc('Dmitrij Pieskow rozmawiał z dziennikarzami. Według jego słów Rosja nie ma problemów z otrzymywaniem zezwoleń.', 'pl');
  e = withMentions(e,
    ['Dmitrij Pieskow', 'Dmitrij Pieskow', 'PER'],
    ['Rosja', 'Rosja', 'LOC']);
  assert.equal(quoteWith(quotes(e), 'nie ma problemów').speaker?.name, 'Dmitrij Pieskow');
});

test('after an opening prepositional phrase, a person in the nominative right before the verb is the subject', () => {
  let d = doc('Na grudniowym szczycie Unii Theresa May zapowiedziała, że nie będzie kontroli na granicy z Irlandią.', 'pl');
  d = withMentions(d,
    ['Unii', 'Unia', 'ORG'],
    ['Theresa May', 'Theresa May', 'PER']);
  assert.equal(quoteWith(quotes(d), 'nie będzie kontroli').speaker?.name, 'Theresa May');
  let e = doc('Kardynał Jan Nowak przemawiał w Rzymie. W czasie rzymskiej ceremonii kardynał Parolin podkreślił, że Watykan popiera ideę humanitarnego rozejmu.', 'pl');
  e = withMentions(e,
    ['Jan Nowak', 'Jan Nowak', 'PER'],
    ['Parolin', 'Parolin', 'PER']);
  assert.equal(quoteWith(quotes(e), 'Watykan popiera').speaker?.name, 'Parolin');
});

test('a name after "z" and a noun in no nominative is whom they spoke with, not the speaker', () => {
  let d = doc('Minister Jean-Yves Le Drian odwiedził Tokio. A w rozmowie ze swoim odpowiednikiem Taro Kono dodał, że Francja chciałaby powitać u siebie japońskie spółki.', 'pl');
  d = withMentions(d,
    ['Jean-Yves Le Drian', 'Jean-Yves Le Drian', 'PER'],
    ['Taro Kono', 'Taro Kono', 'PER']);
  assert.equal(quoteWith(quotes(d), 'Francja chciałaby').speaker?.name, 'Jean-Yves Le Drian');
});

test('a described source after "według"/"zdaniem" is named in the nominative by the dictionary, adjectives agreeing', () => {
  const cases: [string, string, string][] = [
    ['Według dziennikarzy rząd nie ma jeszcze planu na wypadek twardego brexitu.', 'rząd nie ma', 'dziennikarze'],
    ['Jednak zdaniem znanego brytyjskiego eksperta wynik referendum byłby dziś taki sam.', 'wynik referendum', 'znany brytyjski ekspert'],
    ['Według agencji rozmowy zakończyły się w nocy bez porozumienia.', 'rozmowy zakończyły', 'agencja'],
  ];
  for (const [text, fragment, speaker] of cases) assert.equal(quoteWith(quotes(doc(text, 'pl')), fragment).speaker?.name, speaker, text);
});

test('a reported clause holding the speaker\'s own words in marks is mixed speech, whichever cue reported it', () => {
  let d = doc('Fawad Chaudhry powiedział BBC, że rząd musiał działać szybko. Zdaniem ministra, to, na co zdecydował się rząd, to "nie leczenie, ale gaszenie pożaru".', 'pl');
  d = withMention(d, 'Fawad Chaudhry', 'Fawad Chaudhry', 'PER');
  const q = quoteWith(quotes(d), 'gaszenie pożaru');
  assert.equal(q.kind, 'mixed');
  assert.equal(q.speaker?.name, 'Fawad Chaudhry');
  assert.equal(quoteWith(quotes(d), 'musiał działać').kind, 'indirect');
});

test('a paper in marks right after the verb, followed by a person, is whom the person spoke to; alone it speaks in its base form', () => {
  let d = doc('– Sprawa syryjska pokazuje, w jaki sposób premier traktuje parlament – mówi „Rzeczpospolitej" Ian Bond, dyrektor w londyńskim think tanku.', 'pl');
  d = withMentions(d,
    ['Rzeczpospolitej', 'Rzeczpospolita', 'ORG'],
    ['Ian Bond', 'Ian Bond', 'PER']);
  assert.equal(quoteWith(quotes(d), 'Sprawa syryjska').speaker?.name, 'Ian Bond');
  let e = doc('Więcej osób wybiera dziś Niemcy i Holandię - czytamy w poniedziałkowym wydaniu "Rzeczpospolitej".', 'pl');
  e = withMentions(e,
    ['Niemcy', 'Niemcy', 'LOC'],
    ['Rzeczpospolitej', 'Rzeczpospolita', 'ORG']);
  assert.equal(quoteWith(quotes(e), 'Więcej osób').speaker?.name, 'Rzeczpospolita');
});

test('"Jak informuje agencja, X dodała, że …" is X\'s; an article opening with words takes the speaker named right after', () => {
  let d = doc('– Wyraźnie stwierdziłam, że projekt nie jest możliwy bez jasności co do roli Ukrainy – powiedziała w Berlinie, na konferencji z prezydentem Ukrainy Petrem Poroszenko. Jak informuje agencja Reutera, Merkel dodała, że taką samą wiadomość przekazała Władimirowi Putinowi.', 'pl');
  d = withMentions(d,
    ['Petrem Poroszenko', 'Petr Poroszenko', 'PER'],
    ['Reutera', 'Reuter', 'ORG'],
    ['Merkel', 'Merkel', 'LOC'],
    ['Władimirowi Putinowi', 'Władimir Putin', 'PER']);
  const all = quotes(d);
  assert.equal(quoteWith(all, 'taką samą wiadomość').speaker?.name, 'Merkel');
  assert.equal(quoteWith(all, 'Wyraźnie stwierdziłam').speaker?.name, 'Merkel');
  let e = doc('Jak podaje agencja EFE, włoski minister spraw wewnętrznych Matteo Salvini potwierdził we wtorek, że Włochy są gotowe przyjąć rodzinę.', 'pl');
  e = withMentions(e,
    ['EFE', 'EFE', 'ORG'],
    ['Matteo Salvini', 'Matteo Salvini', 'PER']);
  assert.equal(quoteWith(quotes(e), 'Włochy są gotowe').speaker?.name, 'Matteo Salvini');
  // With no one named after the comma the agency stays the source.
  let f = doc('Jak podaje agencja EFE, prawnik kobiety poinformował, że jest ona na pokładzie samolotu.', 'pl');
  f = withMention(f, 'EFE', 'EFE', 'ORG');
  assert.notEqual(quoteWith(quotes(f), 'na pokładzie').speaker?.name, undefined);
});

test('a subject region stops at its own reporting verb and never takes first-person words for a name', () => {
  let d = doc('Rzecznik ministerstwa ds. brexitu potwierdził, że w resorcie prowadzono dyskusje i powiedział, że rząd jest gotowy na każdy scenariusz.', 'pl');
  const q = quoteWith(quotes(d), 'rząd jest gotowy');
  assert.equal(q.speaker?.name, 'Rzecznik ministerstwa ds. brexitu');
  d = doc('Poseł Daniel Kawczynski był w Londynie. - Zignorowałem to - stwierdził i powiedział, że jest to właściwy moment na takie rozmowy.', 'pl');
  d = withMentions(d,
    ['Daniel Kawczynski', 'Daniel Kawczynski', 'PER'],
    ['Londynie', 'Londyn', 'LOC']);
  assert.equal(quoteWith(quotes(d), 'właściwy moment').speaker?.name, 'Daniel Kawczynski');
  // "oddziałem" ends like "zrobiłem" but is a noun: the name after it still speaks.
  let e = doc('„Nie możemy ujawniać wielu faktów” – mówi Radiu Watykańskiemu Alessandro Monteduro, kierujący włoskim oddziałem stowarzyszenia.', 'pl');
  e = withMention(e, 'Alessandro Monteduro', 'Alessandro Monteduro', 'PER');
  assert.equal(quoteWith(quotes(e), 'Nie możemy').speaker?.name, 'Alessandro Monteduro');
});
