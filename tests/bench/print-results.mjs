// Prints vitest's benchmark JSON (--outputJson) as one line per case: requests/s, mean and p99.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'bench/last-run.json', 'utf8'));
for (const file of report.files) {
  for (const group of file.groups) {
    console.log(group.fullName);
    for (const b of group.benchmarks) {
      const line = `  ${b.name.padEnd(66)} ${b.hz.toFixed(1).padStart(7)} req/s   mean ${b.mean.toFixed(0).padStart(5)} ms   p99 ${b.p99.toFixed(0).padStart(5)} ms`;
      console.log(line);
    }
  }
}
