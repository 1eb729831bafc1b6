const { parseDocument, Lexer, Parser } = require('yaml');
function time(label, f) { const t = Date.now(); let r; try { r = f(); } catch (e) { r = 'threw ' + e.constructor.name + ' ' + String(e.message).slice(0,80); } console.log(label, Date.now() - t, 'ms', typeof r === 'string' ? r : ''); }
const flat = Array.from({length: 60000}, (_, i) => `key${i}: value${i}`).join('\n'); // ~1MB
console.log('flat size', flat.length);
time('flat default', () => { parseDocument(flat); });
time('flat uniqueKeys false', () => { parseDocument(flat, { uniqueKeys: false }); });
const deep = '['.repeat(240000) + ']'.repeat(240000);
time('deep lexer', () => { let n = 0; for (const t of new Lexer().lex(deep)) n++; return String(n); });
time('deep parser', () => { let n = 0; for (const t of new Parser().parse(deep)) n++; return String(n); });
const deep2 = '['.repeat(20000) + ']'.repeat(20000);
time('deep2 parseDocument', () => { parseDocument(deep2, { uniqueKeys: false }); });
const block = Array.from({length: 3000}, (_, i) => ' '.repeat(i) + 'a:').join('\n');
time('block deep parse', () => { const d = parseDocument(block, { uniqueKeys: false }); return String(d.errors.length); });
const dash = '- '.repeat(20000) + 'x';
time('dash chain parse', () => { const d = parseDocument(dash, { uniqueKeys: false }); return String(d.errors.length); });
