/**
 * Polish for the web pages, in one place: counted nouns through Intl.PluralRules('pl'), dates
 * through Intl.DateTimeFormat('pl') at the precision the source gave, language names, and the
 * texts of error pages. Pages never print a raw ISO date, an English word or "2 artykułów".
 */
import type { Published } from '../types.ts';

/**
 * A Polish noun in its four counted forms: one (1 artykuł), few (2–4, 22–24 artykuły),
 * many (0, 5–21, 25… artykułów), other (fractions: 1,5 artykułu).
 */
export interface Noun {
  readonly one: string;
  readonly few: string;
  readonly many: string;
  readonly other: string;
}

const noun = (one: string, few: string, many: string, other = few): Noun => ({ one, few, many, other });

export const NOUNS = {
  article: noun('artykuł', 'artykuły', 'artykułów', 'artykułu'),
  /** "w 1 artykule", "w 5 artykułach". */
  articleLocative: noun('artykule', 'artykułach', 'artykułach'),
  source: noun('źródło', 'źródła', 'źródeł', 'źródła'),
  independentSource: noun('niezależne źródło', 'niezależne źródła', 'niezależnych źródeł', 'niezależnego źródła'),
  outlet: noun('serwis', 'serwisy', 'serwisów', 'serwisu'),
  copy: noun('kopia', 'kopie', 'kopii', 'kopii'),
  sentence: noun('zdanie', 'zdania', 'zdań', 'zdania'),
  mention: noun('wzmianka', 'wzmianki', 'wzmianek', 'wzmianki'),
  story: noun('wydarzenie', 'wydarzenia', 'wydarzeń', 'wydarzenia'),
  result: noun('wynik', 'wyniki', 'wyników', 'wyniku'),
  claim: noun('ustalenie', 'ustalenia', 'ustaleń', 'ustalenia'),
  quote: noun('cytat', 'cytaty', 'cytatów', 'cytatu'),
  language: noun('język', 'języki', 'języków', 'języka'),
  storyline: noun('wątek', 'wątki', 'wątków', 'wątku'),
  singleArticle: noun('pojedynczy artykuł', 'pojedyncze artykuły', 'pojedynczych artykułów', 'pojedynczego artykułu'),
  newArticle: noun('nowy artykuł', 'nowe artykuły', 'nowych artykułów', 'nowego artykułu'),
  correctedArticle: noun('poprawiony artykuł', 'poprawione artykuły', 'poprawionych artykułów', 'poprawionego artykułu'),
  match: noun('trafienie', 'trafienia', 'trafień', 'trafienia'),
  error: noun('błąd', 'błędy', 'błędów', 'błędu'),
  item: noun('wpis', 'wpisy', 'wpisów', 'wpisu'),
  feed: noun('kanał', 'kanały', 'kanałów', 'kanału'),
  poll: noun('odpytanie', 'odpytania', 'odpytań', 'odpytania'),
  watch: noun('obserwowane wyszukiwanie', 'obserwowane wyszukiwania', 'obserwowanych wyszukiwań', 'obserwowanego wyszukiwania'),
} as const satisfies Record<string, Noun>;

const pluralRules = new Intl.PluralRules('pl');
const numbers = new Intl.NumberFormat('pl');

/** The noun's form for `n`: 1 artykuł, 2 artykuły, 5 artykułów, 1,5 artykułu. */
export function nounFor(n: number, forms: Noun): string {
  const rule = pluralRules.select(n);
  return rule === 'one' || rule === 'few' || rule === 'many' ? forms[rule] : forms.other;
}

/**
 * A counted noun: the number in Polish notation, then the noun's matching form.
 * @example count(22, NOUNS.article) // → '22 artykuły'
 */
export function count(n: number, forms: Noun): string {
  return `${numbers.format(n)} ${nounFor(n, forms)}`;
}

export function formatNumber(n: number): string {
  return numbers.format(n);
}

export type DatePrecision = Published['precision'];

/** Times are shown as a Polish reader lives them; stored values are UTC. */
const TIME_ZONE = 'Europe/Warsaw';

const FORMATS: Readonly<Record<DatePrecision, Intl.DateTimeFormat>> = {
  year: new Intl.DateTimeFormat('pl', { year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('pl', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  day: new Intl.DateTimeFormat('pl', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  minute: new Intl.DateTimeFormat('pl', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }),
};
/** Short forms for chart axes, where a phone screen has room for "wrz 2023". */
const SHORT_FORMATS: Readonly<Record<DatePrecision, Intl.DateTimeFormat>> = {
  year: FORMATS.year,
  month: new Intl.DateTimeFormat('pl', { year: 'numeric', month: 'short', timeZone: 'UTC' }),
  day: new Intl.DateTimeFormat('pl', { month: 'short', day: 'numeric', timeZone: 'UTC' }),
  minute: new Intl.DateTimeFormat('pl', { month: 'short', day: 'numeric', timeZone: TIME_ZONE }),
};

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * An ISO date prefix ("2023", "2023-09", "2023-09-12", "2023-09-12T08:30Z") as the instant it
 * starts and the precision its shape says; undefined for anything else.
 */
export function parseIsoDate(value: string): { date: Date; precision: DatePrecision } | undefined {
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m;
  const precision: DatePrecision = h !== undefined ? 'minute' : d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year';
  const date = precision === 'minute' ? new Date(value) : new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1)));
  if (Number.isNaN(date.getTime())) return undefined;
  if (precision !== 'minute' && date.getUTCMonth() !== Number(mo ?? 1) - 1) return undefined; // 2023-02-30
  return { date, precision: h !== undefined && mi === undefined ? 'day' : precision };
}

/**
 * A stored date in Polish at its own precision: "2023", "wrzesień 2023", "12 września 2023",
 * "12 września 2023 10:30", "37. tydzień 2023". A value that is no date (never expected) says so in Polish.
 */
export function formatDate(value: string | undefined, options: { short?: boolean } = {}): string {
  if (!value) return 'bez daty';
  const week = /^(\d{4})-W(\d{2})$/.exec(value); // the time analysis resolves "w przyszłym tygodniu" to an ISO week
  if (week) return `${Number(week[2])}. tydzień ${week[1]}`;
  const parsed = parseIsoDate(value);
  if (!parsed) return 'data nieczytelna';
  return (options.short ? SHORT_FORMATS : FORMATS)[parsed.precision].format(parsed.date);
}

export function formatPublished(published: Published | undefined | null): string {
  return published ? formatDate(published.value) : 'bez daty';
}

/** "12–14 września 2023", "wrzesień – listopad 2023", or one date when both ends are the same. */
export function formatDateRange(first: string | undefined, last: string | undefined): string {
  if (!first && !last) return 'bez daty';
  if (!first || !last || first === last) return formatDate(first ?? last);
  const a = parseIsoDate(first);
  const b = parseIsoDate(last);
  if (a && b && a.precision === b.precision && a.precision !== 'minute') {
    return FORMATS[a.precision].formatRange(a.date, b.date).replace(/\s*–\s*/, ' – ').replace(/(\d) – (\d)/, '$1–$2');
  }
  return `${formatDate(first)} – ${formatDate(last)}`;
}

const relative = new Intl.RelativeTimeFormat('pl', { numeric: 'auto' });
const RELATIVE_STEPS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['second', 60], ['minute', 60], ['hour', 24], ['day', 30], ['month', 12], ['year', Infinity],
];

/**
 * How long ago (or how soon) `iso` is from `now`, as a Polish reader says it: "5 minut temu",
 * "wczoraj", "za 2 godziny". Under a minute is "teraz".
 * @example relativeTime('2026-01-01T22:00:00Z', new Date('2026-01-02T00:00:00Z')) // → '2 godziny temu'
 */
export function relativeTime(iso: string, now: Date): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'data nieczytelna';
  let value = (at - now.getTime()) / 1000;
  if (Math.abs(value) < 60) return 'teraz';
  for (const [unit, size] of RELATIVE_STEPS) {
    // "godzinę temu", not "1 godzinę temu": one minute or hour goes without its number.
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit).replace(/^(za )?1 (?=\p{L})/u, '$1');
    value /= size;
  }
  return relative.format(Math.round(value), 'year');
}

/** A stored time (ISO, UTC) in Polish with its distance from now: "2 stycznia 2026 01:00 (2 godziny temu)". */
export function formatMoment(iso: string, now: Date): string {
  return `${formatDate(iso)} (${relativeTime(iso, now)})`;
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { pl: 'polski', en: 'angielski', und: 'język nieustalony' };
const displayNames = new Intl.DisplayNames('pl', { type: 'language' });

/** "polski", "angielski"; an unidentified language is "język nieustalony", never "und" or "root". */
export function languageName(code: string): string {
  const known = LANGUAGE_NAMES[code];
  if (known) return known;
  try {
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** What an error page says, by HTTP status: a reader's words, not the API's English message. */
export function errorText(status: number): { title: string; explanation: string } {
  switch (status) {
    case 400: return { title: 'Nieprawidłowy adres', explanation: 'Adres strony zawiera parametry, których Kronika nie rozumie. Sprawdź go albo wróć do listy.' };
    case 404: return { title: 'Nie znaleziono', explanation: 'Nie ma takiej strony, artykułu ani wydarzenia. Mogły zostać połączone z innymi albo usunięte.' };
    case 405: return { title: 'Niedozwolona metoda', explanation: 'Tej strony nie można otworzyć w ten sposób.' };
    case 401: return { title: 'Potrzebny klucz dostępu', explanation: 'Ten serwer przyjmuje zmiany tylko z kluczem API (KRONIKA_TOKEN). Przeglądarka zapyta o niego jako o hasło.' };
    case 403: return { title: 'Odmowa dostępu', explanation: 'Ten adres nie jest obsługiwany albo żądanie przyszło z innej witryny.' };
    case 413: return { title: 'Za duże zapytanie', explanation: 'Przesłane dane są zbyt duże.' };
    case 422: return { title: 'Nie udało się zapisać', explanation: 'Formularz zawiera wartości, których Kronika nie przyjmuje.' };
    case 503: return { title: 'Serwer nie zdążył', explanation: 'Odpowiedź trwała zbyt długo. Spróbuj ponownie za chwilę.' };
    default: return { title: 'Błąd', explanation: 'Coś poszło nie tak. Spróbuj ponownie za chwilę.' };
  }
}
