/**
 * Which Chromium the browser tests drive. Browsers are never downloaded:
 *   1. KRONIKA_CHROMIUM=/path/to/chrome: that binary;
 *   2. Debian's /usr/bin/chromium when it is installed (and KRONIKA_CHROMIUM is not `bundled`);
 *   3. otherwise (or with KRONIKA_CHROMIUM=bundled) the headless Chromium inside the npm package
 *      @sparticuz/chromium (a devDependency), unpacked once into node_modules/.cache.
 *
 * The package ships brotli-compressed files: `chromium` (the headless shell), `fonts.tar.br`
 * (Open Sans: without a font a bare machine draws no text at all) and `al2023.tar.br` (NSS, NSPR
 * and expat, which a fresh Debian does not have). We unpack them ourselves rather than through the
 * package's executablePath(): that one extracts into a shared /tmp/chromium, reuses whatever is
 * there and writes fonts.conf for its own Lambda paths. Here each version has its own folder,
 * filled in a scratch folder and renamed into place, so two test processes never see half a file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The flags every launch uses: headless, no sandbox (tests run as root in CI), no GPU, quiet. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export interface ChromiumChoice {
  readonly executablePath: string;
  /** Environment the browser process needs on top of ours (fonts and libraries of the bundled one). */
  readonly env: Readonly<Record<string, string>>;
  readonly source: 'env' | 'debian' | 'bundled';
}

const CACHE = resolve(import.meta.dirname, '../../node_modules/.cache');

/** The Chromium to launch, following the order in the header. */
export function chooseChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  const wanted = env.KRONIKA_CHROMIUM?.trim();
  if (wanted && wanted !== 'bundled') {
    if (!existsSync(wanted)) throw new Error(`KRONIKA_CHROMIUM=${wanted}: no such file`);
    return { executablePath: wanted, env: {}, source: 'env' };
  }
  if (!wanted && existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, env: {}, source: 'debian' };
  return bundledChromium();
}

/** Unpacks @sparticuz/chromium's files once per version; later calls only check they are there. */
export function bundledChromium(cache = CACHE): ChromiumChoice {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    // The package exports only its entry point (build/cjs/index.cjs); its folder is two levels up.
    packageDir = resolve(dirname(require.resolve('@sparticuz/chromium')), '../..');
  } catch {
    throw new Error(`no Chromium: ${DEBIAN_CHROMIUM} is missing and @sparticuz/chromium is not installed (run npm ci)`);
  }
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = join(cache, `sparticuz-chromium-${version}`);
  if (!existsSync(join(dir, 'ready'))) unpack(join(packageDir, 'bin'), dir);
  return {
    executablePath: join(dir, 'chromium'),
    env: { FONTCONFIG_FILE: join(dir, 'fonts.conf'), LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
    source: 'bundled',
  };
}

function unpack(bin: string, dir: string): void {
  mkdirSync(dirname(dir), { recursive: true });
  const scratch = mkdtempSync(`${dir}.partial-`);
  try {
    writeFileSync(join(scratch, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), { mode: 0o755 });
    for (const archive of ['fonts.tar.br', 'al2023.tar.br']) {
      extractTar(brotliDecompressSync(readFileSync(join(bin, archive))), scratch);
    }
    // Our own fonts.conf: the packaged one lists Lambda's /tmp/fonts, where nothing is.
    writeFileSync(join(scratch, 'fonts.conf'), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n` +
      `<fontconfig><dir>${join(dir, 'fonts')}</dir><cachedir>${join(dir, 'fonts-cache')}</cachedir></fontconfig>\n`);
    writeFileSync(join(scratch, 'ready'), '');
    try {
      renameSync(scratch, dir);
    } catch (error) {
      // Another process finished first: its copy is as good as ours.
      if (!existsSync(join(dir, 'ready'))) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Writes the regular files and folders of a ustar archive under `into`; any other entry (a link,
 * a device) or a path leaving `into` is refused, since these archives hold only fonts and libraries.
 */
export function extractTar(archive: Uint8Array, into: string): void {
  const bytes = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const field = (at: number, length: number) => bytes.toString('latin1', at, at + length).replace(/\0[^]*$/, '');
  for (let at = 0; at + 512 <= bytes.length;) {
    const name = field(at, 100);
    if (!name) break; // two zero blocks end the archive
    const prefix = field(at + 345, 155);
    const path = resolve(into, prefix ? `${prefix}/${name}` : name);
    if (!path.startsWith(resolve(into) + sep)) throw new Error(`tar entry outside the target: ${name}`);
    const size = parseInt(field(at + 124, 12).trim() || '0', 8);
    const type = field(at + 156, 1) || '0';
    if (type === '5') mkdirSync(path, { recursive: true });
    else if (type === '0') {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes.subarray(at + 512, at + 512 + size), { mode: parseInt(field(at + 100, 8).trim() || '644', 8) & 0o755 });
    } else throw new Error(`tar entry of type ${type} not supported: ${name}`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
}
