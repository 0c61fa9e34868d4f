/**
 * Text that is safe to print on a terminal. Article titles, texts, URLs and file names come from
 * feeds and pages anyone can write; printed raw, an escape sequence in them recolours the
 * terminal, retitles the window, clears the screen or (OSC 52) writes the clipboard. Escape
 * sequences are removed whole; any other control character (C0 except tab and newline, DEL, C1)
 * becomes U+FFFD, so something visibly stood there; bidirectional overrides, which can make a
 * line read differently from what it holds, are removed.
 */

/**
 * ESC-introduced sequences (ECMA-48): CSI `ESC [ … final`, OSC/DCS/SOS/PM/APC strings ended by
 * BEL or ST (or the end of the text), and two-character escapes; the same with the 8-bit C1
 * introducers (U+009B CSI, U+009D OSC, …).
 */
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\x1b\\[|\\u009b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]?', // CSI
    '(?:\\x1b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[^\\x07\\x1b\\u009c]*(?:\\x07|\\x1b\\\\|\\u009c)?', // OSC, DCS, SOS, PM, APC
    '\\x1b[\\x20-\\x2f]*[\\x30-\\x7e]?', // other escapes (ESC c resets the terminal)
  ].join('|'),
  'g',
);
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
/** LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI. */
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text with escape sequences removed and other control characters made visible.
 * @example terminalSafe('Pilne\x1b]0;pwned\x07\x1b[2J news') // → 'Pilne news'
 */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '\ufffd').replace(BIDI_OVERRIDE, '');
}

/**
 * One line for a table cell: terminal-safe, with line breaks and tabs as spaces.
 * @example terminalCell('Kim\nPutin') // → 'Kim Putin'
 */
export function terminalCell(text: string): string {
  return terminalSafe(text).replace(/[\t\n]/g, ' ');
}
