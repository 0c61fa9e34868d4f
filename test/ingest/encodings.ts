/**
 * Real windows-1250 / iso-8859-2 bytes for the charset tests. TextDecoder decodes these
 * encodings but nothing in Node encodes them, so the Polish letters' code points are tabled here
 * (from the WHATWG index-windows-1250 and index-iso-8859-2 tables).
 */
const POLISH: Readonly<Record<'windows-1250' | 'iso-8859-2', Readonly<Record<string, number>>>> = {
  'windows-1250': { ą: 0xb9, ć: 0xe6, ę: 0xea, ł: 0xb3, ń: 0xf1, ó: 0xf3, ś: 0x9c, ź: 0x9f, ż: 0xbf, Ą: 0xa5, Ć: 0xc6, Ę: 0xca, Ł: 0xa3, Ń: 0xd1, Ó: 0xd3, Ś: 0x8c, Ź: 0x8f, Ż: 0xaf, '–': 0x96, '„': 0x84, '”': 0x94 },
  'iso-8859-2': { ą: 0xb1, ć: 0xe6, ę: 0xea, ł: 0xb3, ń: 0xf1, ó: 0xf3, ś: 0xb6, ź: 0xbc, ż: 0xbf, Ą: 0xa1, Ć: 0xc6, Ę: 0xca, Ł: 0xa3, Ń: 0xd1, Ó: 0xd3, Ś: 0xa6, Ź: 0xac, Ż: 0xaf },
};

/** Encodes text made of ASCII and the tabled Polish letters; anything else throws. */
export function encodePolish(text: string, encoding: keyof typeof POLISH): Buffer {
  const table = POLISH[encoding];
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      const byte = table[ch];
      if (byte === undefined) throw new Error(`no ${encoding} byte for ${ch}`);
      return byte;
    }),
  );
}
