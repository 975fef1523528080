import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a token's CPU time goes, read from V8 CPU profiles (`node --cpu-prof`) of a Portcullis process,
 * every thread's: each sample is charged to the phase of the deepest frame on its stack that belongs to a
 * phase (a native HMAC called from `authenticate-client.ts` is authentication; fastify's reply code called
 * from anywhere is the response), and only samples inside the measured window count. Sampling is a
 * statistical view: the split is good to a few per cent, the total comes from `/proc` separately.
 */
export const phases = [
  'parse',
  'authenticate',
  'resolve permissions',
  'sign',
  'audit',
  'respond',
  'garbage collection',
  'other (HTTP framework, event loop, timers)',
] as const;
export type Phase = (typeof phases)[number];

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Checked from the top: the first rule a frame matches names its phase. */
const rules: [Phase, RegExp][] = [
  ['sign', /\/runtime\/signing\/|\/fast-jwt\/|\/services\/tokens\/|\/access-token-claims/],
  ['audit', /\/runtime\/batching\/|\/store\/background\/|\/services\/audit\//],
  ['resolve permissions', /\/services\/permissions\/|\/runtime\/cache\/|\/core\/dist\/permissions\//],
  [
    'authenticate',
    /\/services\/(authentication|network-policies|lockouts)\/|\/http\/(rate-limits|oauth\/client-authentication)|\/core\/dist\/(secrets|network-policies)\/|@fastify\/rate-limit|ipaddr\.js/,
  ],
  [
    'parse',
    /@fastify\/formbody|fast-querystring|content-type-parser|\/http\/(input|validation)|node:_http_(common|incoming|server)$|secure-json-parse/,
  ],
  [
    'respond',
    /\/fastify\/lib\/(reply|hooks)|fast-json-stringify|node:_http_outgoing|stream_base_commons|node:net$|\/http\/response-headers/,
  ],
];

function phaseOfFrame(frame: CallFrame): Phase | undefined {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  for (const [phase, pattern] of rules) if (pattern.test(frame.url)) return phase;
  return undefined;
}

/** A worker thread is charged whole to its job: the signing thread signs, the writer thread audits. */
function threadPhase(profile: Profile): Phase | undefined {
  const urls = profile.nodes.map((n) => n.callFrame.url);
  if (urls.some((u) => u.includes('signing-worker'))) return 'sign';
  if (urls.some((u) => u.includes('writer-thread'))) return 'audit';
  return undefined;
}

/**
 * Microseconds per phase over every profile in `dir`, counting samples taken between `fromUs` and `toUs`
 * (CLOCK_MONOTONIC microseconds, the clock of V8's timestamps and of `process.hrtime`).
 */
export function cpuByPhase(dir: string, fromUs: number, toUs: number): Map<Phase, number> {
  const totals = new Map<Phase, number>(phases.map((p) => [p, 0]));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const whole = threadPhase(profile);
    const memo = new Map<number, Phase | 'idle'>();
    const classify = (id: number): Phase | 'idle' => {
      const known = memo.get(id);
      if (known) return known;
      const leaf = byId.get(id)!.callFrame.functionName;
      let phase: Phase | 'idle' | undefined = leaf === '(idle)' ? 'idle' : undefined;
      for (let at: number | undefined = id; phase === undefined && at !== undefined; at = parent.get(at)) {
        phase = phaseOfFrame(byId.get(at)!.callFrame);
      }
      const result =
        phase === 'idle' || phase === 'garbage collection' ? phase : (whole ?? phase ?? phases[7]);
      memo.set(id, result);
      return result;
    };
    let time = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      time += profile.timeDeltas[i]!;
      const duration = profile.timeDeltas[i + 1] ?? 0;
      if (time < fromUs || time >= toUs) continue;
      const phase = classify(profile.samples[i]!);
      if (phase !== 'idle') totals.set(phase, totals.get(phase)! + duration);
    }
  }
  return totals;
}
