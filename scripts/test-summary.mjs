// Prints one closing line for every vitest JSON report given: "Tests: N passed, N failed, N skipped".
import fs from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`[summary] missing report ${file}: that run did not finish`)
    failed++
    continue
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests + (report.numFailedTestSuites ?? 0)
  skipped += report.numPendingTests + (report.numTodoTests ?? 0)
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
