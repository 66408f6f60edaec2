import { gzipSync } from 'node:zlib';
import type { Plugin, Rolldown } from 'vite';

/** What a browser downloads before the first screen: the entry chunk and every chunk it imports statically. */
export interface InitialSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  cssRawBytes: number;
  cssGzipBytes: number;
}

/** The initial JavaScript (entry + static imports, transitively) and CSS of a build's output bundle. */
export function measureInitialSize(bundle: Rolldown.OutputBundle): InitialSize {
  const chunks = new Map<string, Rolldown.OutputChunk>();
  for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output);
  const initial = new Set<string>();
  const visit = (fileName: string) => {
    if (initial.has(fileName)) return;
    const chunk = chunks.get(fileName);
    if (!chunk) return;
    initial.add(fileName);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);

  let rawBytes = 0;
  let gzipBytes = 0;
  const css = new Set<string>();
  for (const fileName of initial) {
    const chunk = chunks.get(fileName);
    if (!chunk) continue;
    const code = Buffer.from(chunk.code, 'utf8');
    rawBytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
    for (const cssFile of chunk.viteMetadata?.importedCss ?? []) css.add(cssFile);
  }
  let cssRawBytes = 0;
  let cssGzipBytes = 0;
  for (const fileName of css) {
    const asset = bundle[fileName];
    if (asset?.type !== 'asset') continue;
    const source = typeof asset.source === 'string' ? Buffer.from(asset.source, 'utf8') : Buffer.from(asset.source);
    cssRawBytes += source.length;
    cssGzipBytes += gzipSync(source, { level: 9 }).length;
  }
  return { files: [...initial].sort(), rawBytes, gzipBytes, cssRawBytes, cssGzipBytes };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Prints the initial JS (and CSS) size, raw and gzip, at the end of `vite build`. */
export function initialSizeReport(): Plugin {
  return {
    name: 'coso:initial-size-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const size = measureInitialSize(bundle);
      const lines = [
        `Kích thước JS ban đầu / initial JS (${size.files.length} tệp / files: ${size.files.join(', ')}): ` +
          `${kB(size.rawBytes)}, gzip ${kB(size.gzipBytes)}`,
      ];
      if (process.env.COSO_BUNDLE_DETAIL) lines.push(...packageShares(bundle, size.files));
      if (size.cssRawBytes > 0) lines.push(`CSS ban đầu / initial CSS: ${kB(size.cssRawBytes)}, gzip ${kB(size.cssGzipBytes)}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  };
}

/** Rendered bytes per npm package (or "app") in the initial chunks, largest first: COSO_BUNDLE_DETAIL=1 npm run build. */
function packageShares(bundle: Rolldown.OutputBundle, files: string[]): string[] {
  const shares = new Map<string, number>();
  for (const fileName of files) {
    const chunk = bundle[fileName];
    if (chunk?.type !== 'chunk') continue;
    for (const [id, info] of Object.entries(chunk.modules)) {
      if (process.env.COSO_BUNDLE_DETAIL === 'modules') console.log(id.replace(/.*node_modules\//, ''), info.renderedLength);
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
      const name = match?.[1] ?? (id.includes('/packages/') ? (/\/packages\/([^/]+)/.exec(id)?.[1] ?? 'app') : 'app');
      shares.set(name, (shares.get(name) ?? 0) + info.renderedLength);
    }
  }
  return [...shares.entries()].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => `  ${kB(bytes).padStart(9)}  ${name}`);
}
