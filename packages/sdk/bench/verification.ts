import { cpus, totalmem } from 'node:os';
import { type Check, createFixture, createSubjects } from './cold-check-subjects.js';
import { countInstructions, valgrindAvailable } from './instruction-counts.js';

/**
 * What a protected request costs the API (issue 17's goals): a check of a token the SDK has verified before,
 * against a cold verification with the bare library (goal: 20× faster), and the SDK's cold check against
 * express-oauth2-jwt-bearer's (goal: 1.5× the throughput). ES256, Portcullis's default; the JWKS is served
 * locally and fetched once by each. `npm run bench` runs it after the server's benchmarks.
 *
 * Time is measured side by side; with BENCH_INSTRUCTIONS=1 the cold checks are also counted in
 * instructions under valgrind (instruction-counts.ts), a ratio the machine's load does not move.
 */
function describeMachine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

/** Nanoseconds per call of `fn`, run for about `ms` after a warm-up a fifth as long. */
async function measure(fn: () => unknown, ms = 1500): Promise<number> {
  const warmUntil = performance.now() + ms / 5;
  while (performance.now() < warmUntil) await fn();
  let calls = 0;
  const start = process.hrtime.bigint();
  const until = performance.now() + ms;
  while (performance.now() < until) {
    for (let i = 0; i < 16; i++) await fn();
    calls += 16;
  }
  return Number(process.hrtime.bigint() - start) / calls;
}

// Distinct tokens taking turns; the cold SDK's cache holds one, so each of its checks is a cold one.
const fixture = await createFixture(16);
const subjects = await createSubjects(fixture);
const { tokens } = fixture;
let turn = 0;
const cycling = (check: Check) => () => check(tokens[turn++ % tokens.length]!);
const checks = {
  cachedCheck: () => subjects.sdkCached(tokens[0]!),
  bareColdVerify: cycling(subjects.bareFastJwt),
  sdkColdCheck: cycling(subjects.sdkCold),
  expressOauth2JwtBearer: cycling(subjects.express),
};
// Rounds taking turns, and the best of each: on a shared machine a neighbour's burst then skews no one check.
const results = {
  cachedCheck: Infinity,
  bareColdVerify: Infinity,
  sdkColdCheck: Infinity,
  expressOauth2JwtBearer: Infinity,
};
for (let round = 0; round < 3; round++) {
  for (const [name, check] of Object.entries(checks) as [keyof typeof checks, () => unknown][]) {
    results[name] = Math.min(results[name], await measure(check, 700));
  }
}
await subjects.close();

const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;
const perSecond = (ns: number) => Math.round(1e9 / ns).toLocaleString('en');
console.log(`\n## Resource-server checks, @portcullis/sdk (${describeMachine()})`);
console.log('check | per call | per second');
console.log('---|---|---');
console.log(
  `SDK, cached token (authorize + permission) | ${us(results.cachedCheck)} | ${perSecond(results.cachedCheck)}`,
);
console.log(
  `fast-jwt alone, cold verify | ${us(results.bareColdVerify)} | ${perSecond(results.bareColdVerify)}`,
);
console.log(
  `SDK, cold token (authorize + permission) | ${us(results.sdkColdCheck)} | ${perSecond(results.sdkColdCheck)}`,
);
console.log(
  `express-oauth2-jwt-bearer auth(), cold | ${us(results.expressOauth2JwtBearer)} | ${perSecond(results.expressOauth2JwtBearer)}`,
);
const cachedRatio = results.bareColdVerify / results.cachedCheck;
const coldRatio = results.expressOauth2JwtBearer / results.sdkColdCheck;
console.log(`\ncached check vs cold verify: ${cachedRatio.toFixed(1)}× faster (goal ≥ 20×)`);
console.log(`SDK cold vs express-oauth2-jwt-bearer: ${coldRatio.toFixed(2)}× the throughput (goal ≥ 1.5×)`);

if (process.env.BENCH_INSTRUCTIONS !== '1') {
  console.log('\nInstruction counts: set BENCH_INSTRUCTIONS=1 to count them under valgrind (minutes).');
} else if (!valgrindAvailable()) {
  console.log('\nInstruction counts skipped: valgrind is not installed.');
} else {
  const warmUp = Number(process.env.BENCH_INSTRUCTIONS_WARM_UP ?? 3000);
  const count = Number(process.env.BENCH_INSTRUCTIONS_CHECKS ?? 1000);
  const counts = await countInstructions(fixture, ['bareFastJwt', 'sdkCold', 'express'], { warmUp, count });
  const k = (n: number) => `${Math.round(n / 1000).toLocaleString('en')} k`;
  console.log(`\n### Cold checks in instructions (callgrind, ${count} checks after ${warmUp})`);
  console.log('check | instructions per check | of which ECDSA verify | JIT compiler, left out');
  console.log('---|---|---|---');
  const rows = [
    ['fast-jwt alone, cold verify', counts.bareFastJwt!],
    ['SDK, cold token (authorize + permission)', counts.sdkCold!],
    ['express-oauth2-jwt-bearer auth(), cold', counts.express!],
  ] as const;
  for (const [name, c] of rows) {
    console.log(`${name} | ${k(c.perCheck)} | ${k(c.ecdsaPerCheck)} | ${k(c.compilerPerCheck)}`);
  }
  const express = counts.express!;
  const sdk = counts.sdkCold!;
  console.log(
    `\nSDK cold vs express-oauth2-jwt-bearer: ${(express.perCheck / sdk.perCheck).toFixed(2)}× fewer instructions (goal ≥ 1.5×)`,
  );
  console.log(
    `ceiling with no work but the ECDSA verify: ${(express.perCheck / express.ecdsaPerCheck).toFixed(2)}× (the verify is ${((100 * express.ecdsaPerCheck) / express.perCheck).toFixed(0)}% of express-oauth2-jwt-bearer's check)`,
  );
}
