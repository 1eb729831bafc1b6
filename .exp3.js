const { Lexer, CST } = require('yaml');
const src = `a:\n  - b: [1, {c: d}]\n  - - x\n    - y\nk: |\n    text [[[\n      more\n? q\n: v\n`;
for (const t of new Lexer().lex(src)) console.log(JSON.stringify(t), CST.tokenType(t));
