import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSeedAnalyses } from '../../eval/lib/synthesis-seeds.ts';
import { synthesizeStory, renderHtml, renderMarkdown } from '../../src/synthesis/index.ts';

const { analyses } = loadSeedAnalyses();
const report = synthesizeStory({ id: 'kim-putin-2023', articles: analyses });
const texts = new Map(analyses.map((a) => [a.article.id, a.article.text]));

test('seeds: the meeting happened at Wostocznyj (the later report); the earlier Władywostok guesses are superseded', () => {
  const conflict = report.conflicts.find(
    (c) => c.slot === 'place' && c.values.some((v) => v.value === 'Władywostok') && c.values.some((v) => v.value === 'Wostocznyj'),
  );
  assert.ok(conflict, `conflicts: ${JSON.stringify(report.conflicts.map((c) => [c.kind, c.values.map((v) => v.value)]))}`);
  assert.equal(conflict.kind, 'update', 'a later past-tense report overtakes speculation: not a plain contradiction');
  const [earlier, later] = conflict.values;
  assert.equal(earlier!.value, 'Władywostok');
  assert.equal(earlier!.state, 'superseded');
  assert.equal(later!.value, 'Wostocznyj');
  assert.equal(later!.state, 'current');
  assert.ok(new Set(earlier!.citations.map((c) => c.article)).size >= 3, 'three outlets expected Władywostok');
  assert.ok(earlier!.epistemic.every((e) => e === 'hedged'), `Władywostok epistemic: ${earlier!.epistemic.join(',')}`);
  const cited = texts.get(later!.citations[0]!.article)!.slice(later!.citations[0]!.start, later!.citations[0]!.end);
  assert.match(cited, /Wostocznyj/);
  // The sentences that guessed Władywostok read as superseded wherever they are shown.
  const guesses = report.claims.flatMap((c) => c.sentences).filter((s) => /Władywostok(u)?\b/.test(s.text) && earlier!.citations.some((x) => x.article === s.article && x.start === s.start));
  assert.ok(guesses.length >= 3);
  assert.ok(guesses.every((s) => s.status === 'superseded'), guesses.map((s) => `${s.status}: ${s.text}`).join('\n'));
});

test('seeds: the Far East is a refinement of Władywostok, not a contradiction', () => {
  const far = report.conflicts.filter((c) => c.values.some((v) => v.value.startsWith('Daleki Wschód')));
  assert.ok(far.length > 0);
  assert.ok(far.every((c) => c.kind === 'refinement'), JSON.stringify(far.map((c) => c.values.map((v) => v.value))));
});

test('seeds: Khasan (a meeting with officials) is not a value of the meeting place', () => {
  assert.ok(!report.conflicts.some((c) => c.values.some((v) => v.value.startsWith('Chasan'))));
});

test('seeds: every summary sentence is verbatim and cited', () => {
  assert.ok(report.summary.length >= 5 && report.summary.length <= 8, `summary length ${report.summary.length}`);
  for (const s of report.summary) {
    assert.ok(s.citations.length >= 1, `uncited: ${s.text}`);
    const first = s.citations[0]!;
    assert.equal(texts.get(first.article)!.slice(first.start, first.end), s.text);
    for (const c of s.citations) assert.ok(texts.get(c.article)!.slice(c.start, c.end).length > 0);
  }
});

test('seeds: the summary opens with the meeting; no scheduled "ma się spotkać" is called speculation', () => {
  assert.match(report.summary[0]!.text, /spotka|spotkanie/);
  // Latest state first: the meeting that took place (a headline of 002 that is a whole sentence),
  // not the plan "ma się spotkać" of the earlier reports.
  assert.equal(report.summary[0]!.text, 'Władimir Putin spotkał się z Kim Dzong Unem.');
  for (const s of report.summary.filter((x) => x.hedged)) assert.ok(s.text.length > 0);
  const scheduled = report.claims.flatMap((c) => c.sentences).filter((s) => /ma się spotkać|mają omówić|mają prowadzić/.test(s.text));
  assert.ok(scheduled.length >= 2);
  for (const s of scheduled) assert.notEqual(s.status, 'hedged', s.text);
  const kim = report.summary.find((s) => s.text.includes('ma się spotkać'));
  if (kim) assert.equal(kim.hedged, false);
});

test('seeds: the Władywostok claims read as superseded, never as confirmed', () => {
  const vladivostok = report.claims.filter((c) => /Władywost/.test(c.text) && c.sentences.every((s) => s.status === 'superseded'));
  assert.ok(vladivostok.length >= 1, report.claims.map((c) => `${c.status}: ${c.text}`).join('\n'));
  for (const c of vladivostok) assert.equal(c.status, 'superseded');
  assert.ok(!report.confirmed.some((c) => /Władywost/.test(c.text)));
});

test('seeds: the meeting took place as scheduled, so "ma się spotkać" is overtaken by no report; only the Władywostok guesses are superseded', () => {
  // An expected happening that took place is no event update (src/synthesis/updates.ts).
  assert.deepEqual(report.conflicts.filter((c) => c.slot === 'event'), []);
  const sentences = report.claims.flatMap((c) => c.sentences);
  const scheduled = sentences.filter((s) => /ma się spotkać/.test(s.text) && !/Władywost/.test(s.text));
  assert.ok(scheduled.length >= 1);
  for (const s of scheduled) assert.notEqual(s.status, 'superseded', s.text);
  for (const s of sentences.filter((x) => x.status === 'superseded')) assert.match(s.text, /Władywost/, s.text);
});

test('seeds: the Kremlin announcement is confirmed', () => {
  const kremlin = report.confirmed.find((c) => c.text.startsWith('Kreml przekazał'));
  assert.ok(kremlin, report.confirmed.map((c) => c.text).join('\n'));
  assert.equal(kremlin.status, 'confirmed');
});

test('seeds: the paraphrased arsenal estimate meets across outlets', () => {
  const claim = report.claims.find((c) => c.sentences.some((s) => s.text.startsWith('Pjongjang prawdopodobnie posiada')));
  assert.ok(claim);
  assert.ok(claim.sentences.some((s) => s.text.includes('Korea posiada dziesiątki milionów')), claim.sentences.map((s) => s.text).join('\n'));
  assert.equal(claim.independentSources, 2);
});

test('seeds: timeline is ordered and cited; sources counted', () => {
  const values = report.timeline.map((t) => t.value);
  assert.deepEqual(values, [...values].sort());
  assert.ok(report.timeline.every((t) => t.citations.length > 0));
  assert.equal(report.counts.articles, 5);
  assert.deepEqual(report.counts.languages, ['pl']);
  assert.ok(report.entities.some((e) => e.name === 'Kim Dzong Un' && e.articles === 5));
});

test('seeds: Markdown and HTML carry the summary and the conflict', () => {
  const md = renderMarkdown(report);
  assert.match(md, /## Where sources differ/);
  // Each side of the conflict names its own sources: hedged Władywostok vs Wostocznyj stated as fact.
  assert.match(md, /\*\*update \(place: [^)]*\)\*\* Władywostok \(superseded, hedged: (\[\d\])+\) → Wostocznyj \(current, asserted: \[\d\]\)/);
  const html = renderHtml(report);
  assert.match(html, /^<!doctype html>/);
  assert.ok(!/<script|<link|src=/i.test(html), 'no scripts or external assets');
});

test('seeds: key-fact status and summary hedged flag agree; a hedged wording is never confirmed', () => {
  const byText = new Map(report.claims.map((c) => [c.text, c]));
  for (const s of report.summary) {
    const claim = report.claims.find((c) => s.text.length > 0 && c.text.endsWith(s.text));
    assert.ok(claim, `no claim for summary sentence: ${s.text}`);
    assert.equal(s.status, claim.status, `summary status vs key-fact status: ${s.text}`);
    if (claim.status === 'hedged') assert.equal(s.hedged, true, `claim hedged, summary not: ${s.text}`);
    if (claim.status === 'confirmed') assert.equal(s.hedged, false, `claim confirmed, summary hedged: ${s.text}`);
  }
  const schedule = 'Kim Dzong Un jest już w Rosji, gdzie ma się spotkać z Władimirem Putinem.';
  // Its claim may be shown in the words of the meeting that then took place ("Władimir Putin spotkał się…").
  const kimInRussia = byText.get(schedule) ?? report.claims.find((c) => c.sentences.some((x) => x.text === schedule));
  assert.ok(kimInRussia, 'the "ma się spotkać" sentence is in a claim');
  // A schedule is stated, not speculated; another outlet's confirmation of the meeting may confirm it.
  assert.ok(['asserted', 'confirmed'].includes(kimInRussia.status), `a schedule, stated by the article: ${kimInRussia.status}`);
  assert.equal(kimInRussia.sentences.find((x) => x.text === schedule)?.epistemic, 'asserted');
  for (const c of report.confirmed) assert.notEqual(c.status, 'hedged', c.text);
  assert.ok(!report.confirmed.some((c) => /prawdopodobnie/.test(c.text)), 'a hedge shown as confirmed');
  const markdown = renderMarkdown(report);
  assert.doesNotMatch(markdown, /\*\*hedged[^*]*\*\* Kim Dzong Un jest już w Rosji, gdzie ma się spotkać/);
  assert.match(markdown, /## Superseded by later reports\n\n- \*\*superseded, \d sources?\*\* [^\n]*Władywost/);
});

test('seeds: quotes name speakers by their full names; Kim, Harris, Sullivan and Kirby are among those shown', () => {
  const shown = report.quotes.slice(0, 12);
  const said = (name: string, words: RegExp): boolean => shown.some((q) => q.speaker === name && words.test(q.text));
  assert.ok(said('Kim Dzong Un', /Dziękujemy za zaproszenie/), shown.map((q) => `${q.speaker}: ${q.text.slice(0, 40)}`).join('\n'));
  assert.ok(said('Kamala Harris', /byłby to duży błąd/));
  assert.ok(said('Jake Sullivan', /Dostarczanie broni Rosji/));
  assert.ok(said('John Kirby', /Negocjacje w sprawie dostaw broni/));
  assert.ok(!shown.some((q) => q.speaker === 'Sullivan' || q.speaker === 'Harris'), 'a surname alone is not the story\'s name');
  assert.ok(shown.slice(0, 4).every((q) => q.kind === 'direct'), 'direct words first');
  assert.ok(report.entities.some((e) => e.name === 'Jake Sullivan'), 'the entity list uses the same names');
});

test('seeds: sources counted by origin; the summary does not open with a pointer back', () => {
  assert.equal(report.counts.independentSources, 5, 'five outlets; their shared folder name is no outlet');
  assert.doesNotMatch(report.summary[0]!.text, /^(?:Jej|Jego|Ten|Ta|To|Według niego)\b/u);
});
