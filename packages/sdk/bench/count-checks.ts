import { readFileSync } from 'node:fs';
import { createSubjects, type Fixture, type Subjects } from './cold-check-subjects.js';

/**
 * Run under callgrind by verification.ts (BENCH_INSTRUCTIONS=1): makes `warmUp` then `count` checks with one
 * subject, cycling through the fixture's tokens. Two runs differing only in `count` differ by exactly
 * `count` checks, so their instruction counts give a check's cost whatever else the machine runs.
 *
 *   node --import tsx bench/count-checks.ts <fixture.json> <subject> <warmUp> <count>
 */
const [fixturePath, subject, warmUp, count] = process.argv.slice(2);
const fixture = JSON.parse(readFileSync(fixturePath!, 'utf8')) as Fixture;
const subjects = await createSubjects(fixture);
const check = subjects[subject as keyof Omit<Subjects, 'close'>];
if (typeof check !== 'function') throw new Error(`no subject named ${subject}`);
const { tokens } = fixture;
const total = Number(warmUp) + Number(count);
for (let i = 0; i < total; i++) await check(tokens[i % tokens.length]!);
await subjects.close();
