import { recordAuditEvent } from '../../services/audit/record-audit-event.js';
import { systemCaller } from '../../services/context.js';
import { promoteNextSigningKey } from '../../store/repositories/signing-keys.js';
import { FailureStreak } from './failure-streak.js';
import { type KeyRing, reloadAfterMs } from './key-ring.js';
import { changeKeys, ensureKeys } from './key-storage.js';

/** How often the ring checks whether the change generation moved (a field on PostgreSQL, a pragma on SQLite). */
const watchEveryMs = 250;

class RotationLost extends Error {}

/**
 * Rotates: the next key becomes current, the current one retires (it stays in the JWKS until every token
 * it signed has expired) and a new next key is made. Safe on several nodes at once: one wins, the others
 * pick its result up. Returns whether this call rotated.
 */
export async function rotateKeys(ring: KeyRing): Promise<boolean> {
  const { options } = ring;
  await ensureKeys(ring);
  const currentId = ring.currentKey()?.stored.id;
  const next = ring.nextKey();
  if (!currentId || !next) return false;
  let rotated = false;
  await changeKeys(options, async (trx) => {
    rotated = await promoteNextSigningKey(trx, currentId, next.stored.id, options.clock());
    if (!rotated) throw new RotationLost();
    await recordAuditEvent(trx, systemCaller(), options.clock(), {
      organizationId: null,
      action: 'signing_key.rotated',
      targetType: 'signing_key',
      targetId: next.stored.id,
      details: { retired: currentId, algorithm: next.stored.algorithm },
    });
  }).catch((error: unknown) => {
    if (!(error instanceof RotationLost)) throw error;
  });
  await ring.refresh();
  await ensureKeys(ring);
  return rotated;
}

/** Rotates when the current key is at least `intervalHours` old. Every node checks; one wins. */
export async function rotateIfDue(ring: KeyRing, intervalHours: number): Promise<boolean> {
  const current = ring.currentKey();
  const activatedAt = current?.stored.activatedAt ?? current?.stored.createdAt;
  const due = activatedAt !== undefined && ring.options.clock() - activatedAt >= intervalHours * 3_600_000;
  return due ? rotateKeys(ring) : false;
}

/**
 * A node's timers for its keys: re-reads the key table when the change generation moves (another node
 * rotated) and every `reloadAfterMs` regardless (an idle node's JWKS), and checks for a due rotation.
 */
export class RotationSchedule {
  private timers: NodeJS.Timeout[] = [];
  private readonly failures: FailureStreak;

  constructor(
    private readonly ring: KeyRing,
    /** 0: no automatic rotation, only the re-reads. */
    private readonly intervalHours: number,
  ) {
    this.failures = new FailureStreak('rotating the signing keys', ring.options.log, ring.options.clock);
  }

  start(): void {
    const { ring, intervalHours } = this;
    if (ring.options.changes) this.timers.push(setInterval(() => ring.readIfChanged(), watchEveryMs));
    // read() logged a failure.
    this.timers.push(setInterval(() => void ring.refresh().catch(() => undefined), reloadAfterMs));
    if (intervalHours > 0) {
      const everyMs = Math.min(60_000, (intervalHours * 3_600_000) / 10);
      this.timers.push(
        setInterval(
          () =>
            void rotateIfDue(ring, intervalHours).then(
              () => this.failures.succeeded(),
              (error: unknown) => this.failures.failed(error),
            ),
          everyMs,
        ),
      );
    }
    for (const timer of this.timers) timer.unref();
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }
}
