// Runs Mermaid's own parser over diagrams, the way a Markdown viewer would before drawing.
//
//   node check_mermaid.mjs FILE...   (a .md file: each ```mermaid block in it)
//
// Prints one JSON line per diagram: {"file", "ok": true, "type", "entities", "attributes",
// "relationships"} (the counts of an erDiagram, read back from Mermaid's own database, so a
// caller can tell a diagram that parsed into something else), or {"file", "ok": false,
// "error"}. Exits 1 when any diagram is rejected, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

// Mermaid's bundle expects a browser (DOMPurify reads window at import time).
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

function diagramsOf(file) {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.md')) return [{ file, text }];
  const blocks = [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m, i) => ({
    file: `${file}#${i + 1}`,
    text: m[1],
  }));
  if (blocks.length === 0) throw new Error(`${file}: no mermaid block`);
  return blocks;
}

async function check({ file, text }) {
  try {
    await mermaid.parse(text);
    // What parse() built, to count what it read.
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const out = { file, ok: true, type: diagram.type };
    if (diagram.type === 'er') {
      const entities = [...diagram.db.getEntities().values()];
      out.entities = entities.length;
      out.attributes = entities.reduce((n, e) => n + e.attributes.length, 0);
      out.relationships = diagram.db.getRelationships().length;
    }
    return out;
  } catch (e) {
    return { file, ok: false, error: String(e?.message ?? e) };
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check_mermaid.mjs FILE...');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  for (const diagram of diagramsOf(file)) {
    const result = await check(diagram);
    if (!result.ok) failed++;
    console.log(JSON.stringify(result));
  }
}
process.exit(failed ? 1 : 0);
