import pino, { type DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat } from './settings.js';

/**
 * Where the log goes: JSON lines for whatever collects them, or one readable line per event for a person
 * at a terminal, which is what an unset format means when standard output is one. Redaction happens in
 * the logger, before either sees a line. The readable form writes synchronously: it runs in this process,
 * and its last lines before an exit would otherwise be lost.
 */
export function logDestination(format: LogFormat | undefined): DestinationStream {
  const chosen = format ?? (process.stdout.isTTY ? 'pretty' : 'json');
  if (chosen === 'json') return pino.destination(1);
  return pretty({
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    singleLine: true,
    // A request in the words a person scans for; its id stays, to pair the two lines of one request.
    ignore: 'pid,hostname,req,res,responseTime',
    messageFormat:
      '{msg}{if req.method} {req.method} {req.path}{end}{if res.statusCode} {res.statusCode} in {responseTime} ms{end}',
  });
}
