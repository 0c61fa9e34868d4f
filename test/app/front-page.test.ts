import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storyLead } from '../../src/app/front-page.ts';

const member = (title: string | undefined, text: string) => ({ title, text, language: 'pl' as const });

test('a story lead opens the article whose headline the title was cut from, not the first titled member', () => {
  const members = [
    member('O TYM SIĘ MÓWI Asia Bibi nie zostanie stracona! Sąd uniewinnił ją', 'Jej los wstrząsnął opinią publiczną na całym świecie. O sprawie informowały media.'),
    member('Pomógł w uwolnieniu chrześcijanki. Uciekł ze strachu przed zemstą', 'Pakistański prawnik, który pomógł doprowadzić do uniewinnienia, uciekł do Holandii. Tak podała organizacja.'),
  ];
  assert.equal(storyLead('Pomógł w uwolnieniu chrześcijanki.', members), 'Pakistański prawnik, który pomógł doprowadzić do uniewinnienia, uciekł do Holandii.');
  assert.equal(storyLead('Pomógł w uwolnieniu chrześcijanki. Uciekł ze strachu przed zemstą', members), 'Pakistański prawnik, który pomógł doprowadzić do uniewinnienia, uciekł do Holandii.');
  // No member carries the title: the first titled one, as before.
  assert.equal(storyLead('Inny tytuł', members), 'Jej los wstrząsnął opinią publiczną na całym świecie.');
  // A lead that only repeats the title is no lead.
  assert.equal(storyLead('Sąd uniewinnił Asię Bibi.', [member('Sąd uniewinnił Asię Bibi. Reakcje', 'Sąd uniewinnił Asię Bibi. Wyrok zapadł rano.')]), undefined);
  assert.equal(storyLead(undefined, []), undefined);
});
