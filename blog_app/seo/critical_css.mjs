// The critical CSS of a production build: the rules of Reflex's global stylesheet that the pages use.
//
// Run by blog_app/seo/critical_css_plugin.py after `react-router build`, from .web/ (where Reflex
// installs purgecss): node critical_css.mjs <static dir> <output name> <source dir>...
// PurgeCSS keeps the rules whose selectors name classes, ids, tags or attributes found in the
// content (the built HTML pages plus the Python modules under each source dir, which hold the
// class names of the server-written first responses), the keyframes those rules animate with, and
// the custom properties they (or the content) use. Its size is printed for the build log.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { PurgeCSS } from "purgecss";

const STYLESHEET = /^__reflex_global_styles-[\w-]+\.css$/;
const CUSTOM_PROPERTY = /--[A-Za-z0-9_-]+/g;
// Class names with a breakpoint prefix (`md:rt-r-size-3`), attribute values (`data-scaling="100%"`), plain words.
const WORD = /[\w:/.%-]+/g;

// PurgeCSS 8.0.0 drops a selector made only of pseudo-classes and combinators whatever they hold:
// Radix Themes' dark tokens (`:is(.dark, .dark-theme) :where(.radix-themes:not(.light, .light-theme))`),
// a text field's slot order (`:where(:not([data-side=right]))`). Its walk also judges the selectors
// inside them on their own (and removes a selector whose :is() or :where() it emptied), so such a
// selector is kept here and left to that.
class PseudoClassAwarePurgeCSS extends PurgeCSS {
  shouldKeepSelector(selector, found) {
    const onlyPseudo = selector.nodes.every((node) => node.type === "pseudo" || node.type === "combinator");
    return onlyPseudo || super.shouldKeepSelector(selector, found);
  }
}

function filesUnder(dir, extension) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith(extension))
    .map((name) => path.join(dir, name));
}

function content(staticDir, sourceDirs) {
  const files = [...filesUnder(staticDir, ".html"), ...sourceDirs.flatMap((dir) => filesUnder(dir, ".py"))];
  return files.map((file) => ({ raw: fs.readFileSync(file, "utf8"), extension: path.extname(file).slice(1) }));
}

function extract(text) {
  const words = text.match(WORD) || [];
  return [...words, ...words.flatMap((word) => word.split(/[:/.]/))];
}

function size(bytes) {
  const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
  return `${kB(bytes.length)} (${kB(zlib.gzipSync(bytes).length)} gzip)`;
}

// PurgeCSS 8.0.0 links a custom property to the ones its value uses only when those are declared
// before it (`--space-1: calc(4px * var(--scaling))` lost `--scaling`). So each pass keeps, besides
// what the content uses, every custom property the previous pass's output still uses.
async function purge(stylesheet, pages, used) {
  const [result] = await new PseudoClassAwarePurgeCSS().purge({
    content: pages,
    css: [stylesheet],
    defaultExtractor: extract,
    keyframes: true,
    variables: true,
    safelist: { standard: ["dark", "light", "dark-theme", "light-theme", "radix-themes"], variables: [...used] },
  });
  const missing = [...result.css.matchAll(/var\(\s*(--[A-Za-z0-9_-]+)/g)].map((match) => match[1]);
  const more = missing.filter((name) => !used.has(name));
  return more.length ? purge(stylesheet, pages, new Set([...used, ...more])) : result.css;
}

async function main([staticDir, outputName, ...sourceDirs]) {
  const assets = path.join(staticDir, "assets");
  const stylesheet = fs.readdirSync(assets).find((name) => STYLESHEET.test(name));
  if (!stylesheet) throw new Error(`no global stylesheet in ${assets}`);
  const pages = content(staticDir, sourceDirs);
  const used = new Set(pages.flatMap((page) => page.raw.match(CUSTOM_PROPERTY) || []));
  const critical = Buffer.from(await purge(path.join(assets, stylesheet), pages, used));
  fs.writeFileSync(path.join(staticDir, outputName), critical);
  const full = fs.readFileSync(path.join(assets, stylesheet));
  console.log(`critical CSS: ${outputName} ${size(critical)} of ${stylesheet} ${size(full)}`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`critical CSS: ${error.message}`);
  process.exit(1);
});
