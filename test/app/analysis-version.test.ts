/**
 * Stored analyses carry the analyser's version (src/analysis/version.ts) so that a changed
 * analyser never mixes its output with older stored output silently. This test notices a change
 * of output on the bundled sample that came without a raise of ANALYSIS_VERSION, and says what to
 * set. (After raising it, `kronika reanalyse` — or a running server — updates stored analyses.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ANALYSIS_VERSION } from '../../src/analysis/version.ts';
import { analysePayload } from '../../src/app/analyse.ts';
import { seedArticles } from '../search/helpers.ts';

/** The output ANALYSIS_VERSION stands for: a hash of the stored analyses of the five seeds. */
// 17: "dot." no longer ends a sentence (resources/pl/abbreviations.txt), and a quote's speaker may be
// found by the gender of the verb after a name (src/analysis/quotes); no seed holds either case, so the
// sample's output is the one 16 made, while stored development articles change.
// 18: unnamed sources, estimates and a "co" clause's "może" hedge (src/analysis/epistemic), which
// changes a seed's statuses; and a naming verb's marked word is a quote, a woman's gender is told by the
// verb of an attribution after her words, a statement's recipient and a dash apposition are no speakers
// (src/analysis/quotes), which no seed holds.
// 19: more role nouns of people ("papież", "urzędnik", "urzędniczka": resources/pl/speaker-roles.txt), impersonal
// reporting verbs (src/analysis/quotes), and statuses of timetables, ruled-out possibilities, first-person
// forecasts, news agencies, press offices and companies named by a common noun, assurances of a past act
// not done and statements of what would happen (src/analysis/epistemic); no seed holds these, so the
// sample's output is the one 18 made, while stored development articles change.
// 20: an epistemic "móc" hedges inside direct and mixed quotes, and "móc" beside a continuative adverb
// or offering a choice, or after "gdyby", does not hedge (src/analysis/epistemic); "Ich zdaniem" names
// the plural subject opening the sentence before, and a reflexive particle after a closing verb
// ("– zwrócił się bez ogródek do Tuska") and "bez" as a preposition leave no junk description as the
// speaker (src/analysis/quotes, resources/pl/reporting-verbs.txt); a year after its year word ("w roku
// 2009": src/analysis/time/patterns.ts). No seed holds these, so the sample's output is the one 19 made,
// while stored development articles change.
// 21: counting on something and a conviction about what will be hedge, a claim noun called false
// denies, an unnamed interlocutor or informant is an unnamed source, wanting with a "by" clause
// attributes, and past and conditional verbs are read from PoliMorf's tags (src/analysis/epistemic);
// the EU court's acronym and older names ("TSUE", "Trybunał Sprawiedliwości UE", "Europejski
// Trybunał Sprawiedliwości") key as "Trybunał Sprawiedliwości Unii Europejskiej" (resources/pl/entity-aliases.txt).
// No seed holds these, so the sample's output is the one 20 made, while stored development articles change.
// 22: a link teaser glued to the front of a paragraph ("…w ogromnyc... zobacz więcej Polska jest…") is
// cut in the text stage (resources/pl/boilerplate.txt `cut`, src/ingest/clean.ts); a speaker only
// described ("przekonywał były przywódca Partii Pracy") is the person opening one of the next two
// sentences, a dropped subject continues a quote that ends in the sentence before, and "powtórzył",
// "zaakcentował", "uspokajał" report speech (src/analysis/quotes). No seed holds these, so the sample's
// output is the one 21 made, while stored development articles change.
// 23: a spokesperson heading the verb's subject confirms, not when their office reports another named
// party's act; "według rządowych planów", "wynikało z nich" attribute; "ma oznaczać", "ma wynikać" are
// hearsay, and more forms of predicative likelihood and doubt hedge (src/analysis/epistemic,
// resources/pl). Quote speakers (src/analysis/quotes): "według"/"zdaniem" inside a clause a verb reports
// is that verb subject's, an acronym in brackets no longer ends a role's description ("(SNP) Jo
// Cherry"), "Agencja Reutera" is Reuters, a sentence opening with its own verb dropped its subject, a
// demonym ("powiedział Irlandczyk") is the person who spoke before; a union named in the speaker's
// description states its side; a day or month with a relative year ("29 marca ub.r.", "w lutym br.")
// resolves against the publication year (src/analysis/time); a verb, its object and a colon introduce
// marked words as its subject's ("wypowiedziała m.in. słowa: „…”"). The seed Kirby sentence is the spokesperson guard's case, and no seed
// holds the rest, so the sample's output is the one 22 made, while stored development articles change.
// 24: a speaker's own "we" acting in their quoted words is their side confirming its act ("Dlatego
// prowadzimy aktywne działania – oświadczył premier"), not a "we" of a view, wish, need, request,
// thanks or condition (src/analysis/epistemic/confirmers.ts, resources/pl/confirmation-cues.txt). The
// seed's "Dziękujemy za zaproszenie" is the thanks guard's case, so the sample's output is the one 23
// made, while stored development articles change. Also in 24: an office-holder announcing an act whose
// reported clause has no subject but theirs confirms it ("minister … oświadczył, że dąży do"); "ma być"
// after its predicate in the instrumental is a plan ("Kluczowym argumentem ma być zagrożenie"), not
// with a cause or purpose (the seed's "Celem spotkania Kim-Putin ma być omówienie" stays hedged).
// Quote speakers in 24 (src/analysis/quotes): each article's quotes are read a second time knowing the
// speakers the first reading named, so a quote whose subject was dropped or is a role word takes the
// speaker found just before it; a person before a comma-closed role phrase is the speaker ("Tom
// Williams, dyrektor operacyjny …, przypomniał"); "pytany/zapytany …" names who asked, not who
// answered; a role word read into a name ("Kanclerz Kurz") is the description. These change the
// sample's quotes, hence the new fingerprint.
const RECORDED = { version: 24, fingerprint: '6810d70c986d41e6' };

test('the analyser version changes whenever the analysis of the sample changes', () => {
  const hash = createHash('sha256');
  for (const article of seedArticles()) hash.update(JSON.stringify(analysePayload(article)));
  const fingerprint = hash.digest('hex').slice(0, 16);
  const fix = `raise ANALYSIS_VERSION in src/analysis/version.ts to ${RECORDED.version + 1} and set RECORDED here to { version: ${RECORDED.version + 1}, fingerprint: '${fingerprint}' }`;
  if (fingerprint !== RECORDED.fingerprint) {
    assert.fail(ANALYSIS_VERSION === RECORDED.version
      ? `the analysis output changed (entities, lemmas, quotes, times, statuses or clustering signals): ${fix}`
      : `ANALYSIS_VERSION is ${ANALYSIS_VERSION}: set RECORDED here to { version: ${ANALYSIS_VERSION}, fingerprint: '${fingerprint}' }`);
  }
  assert.equal(ANALYSIS_VERSION, RECORDED.version, `the output is the one version ${RECORDED.version} made: set ANALYSIS_VERSION back, or record the new version's output`);
});
