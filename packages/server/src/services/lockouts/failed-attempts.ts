import { PortcullisError } from '@portcullis/core/errors';
import { type LockoutPolicy, lockDurationMs, lockRemainingSeconds } from '@portcullis/core/lockouts';
import type { Config } from '../../config/load-config.js';
import {
  countFailure,
  forgetFailures,
  type LockoutKind,
  lockUntil,
} from '../../store/repositories/lockouts.js';
import { type AuditEntry, recordAuditEvent } from '../audit/record-audit-event.js';
import type { Caller, ServiceContext } from '../context.js';

export type LockoutPolicies = Readonly<Record<LockoutKind, LockoutPolicy>>;

type LockoutSettings = Pick<
  Config,
  | 'lockoutSeconds'
  | 'lockoutMaxSeconds'
  | 'lockoutResetSeconds'
  | 'lockoutClientFailures'
  | 'lockoutLoginFailures'
>;

/** The lockout settings as the policies of each kind of subject. */
export function lockoutPolicies(config: LockoutSettings): LockoutPolicies {
  const durations = {
    initialMs: config.lockoutSeconds * 1000,
    maxMs: config.lockoutMaxSeconds * 1000,
    resetMs: config.lockoutResetSeconds * 1000,
  };
  return {
    service_account: { threshold: config.lockoutClientFailures, ...durations },
    login: { threshold: config.lockoutLoginFailures, ...durations },
  };
}

export interface LockoutSubject {
  id: string;
  kind: LockoutKind;
  organizationId: string;
}

interface UnwinnableAttempts {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number | null;
}

/** Bounds each of the in-memory sets below; when full it starts over, which only costs a forgotten hint. */
const maxRemembered = 10_000;

/**
 * This node's part of the lockouts, whose record is the `lockouts` table shared by every node
 * (decisions/0015). It remembers which subjects may have failures stored, so that a success forgets them
 * with one delete and every other success costs nothing; and it locks, in memory only and by email, the
 * guesses that cannot win — at an unknown email, or from an address the login's network policy refuses —
 * the way a login is locked, so that a lock does not tell an attacker whether an email has a login, and a
 * stranger outside a login's network cannot lock its person out.
 */
export class FailedAttempts {
  private readonly failuresStored = new Set<string>();
  private readonly unwinnable = new Map<string, UnwinnableAttempts>();

  constructor(readonly policies: LockoutPolicies) {}

  /** The subject may have failures in the database; its next success forgets them. */
  noteStoredFailures(subjectId: string): void {
    if (this.failuresStored.size >= maxRemembered) this.failuresStored.clear();
    this.failuresStored.add(subjectId);
  }

  /** True once per noted subject: the caller then forgets its stored failures. */
  takeStoredFailures(subjectId: string): boolean {
    return this.failuresStored.delete(subjectId);
  }

  unwinnableLockedFor(email: string, now: number): number | undefined {
    return lockRemainingSeconds(this.unwinnable.get(email)?.lockedUntil, now);
  }

  countUnwinnableFailure(email: string, now: number): void {
    const policy = this.policies.login;
    if (policy.threshold <= 0) return;
    const previous = this.unwinnable.get(email);
    const failures = previous && previous.lastFailureAt >= now - policy.resetMs ? previous.failures + 1 : 1;
    const lockMs = lockDurationMs(policy, failures);
    if (!previous && this.unwinnable.size >= maxRemembered) this.unwinnable.clear();
    this.unwinnable.set(email, {
      failures,
      lastFailureAt: now,
      lockedUntil: lockMs > 0 ? now + lockMs : (previous?.lockedUntil ?? null),
    });
  }
}

/** The refusal of an attempt while its subject is locked: 429, whatever the secret or password. */
export function tooManyAttempts(retryAfterSeconds: number): PortcullisError {
  return new PortcullisError(
    'too_many_attempts',
    `Too many failed attempts: locked for ${retryAfterSeconds} s more, or until an administrator clears it.`,
    { auditReason: 'locked', retryAfterSeconds, details: { retryAfterSeconds } },
  );
}

/**
 * Records a wrong secret or password in one transaction: the refusal's audit event, one more failure for
 * the subject and, when that failure reaches the policy's threshold, the lock and its `lockout.started`
 * event. Only a lock starting moves the change generation (a service account's lock lives in its cached
 * state on every node); counting a failure does not, so an attack does not keep every node re-reading.
 */
export async function recordFailedGuess(
  ctx: ServiceContext,
  caller: Caller,
  now: number,
  subject: LockoutSubject,
  refusal: AuditEntry,
): Promise<void> {
  const policy = ctx.failedAttempts.policies[subject.kind];
  if (policy.threshold <= 0) {
    await recordAuditEvent(ctx.db, caller, now, refusal);
    return;
  }
  const announced = await ctx.db.transaction().execute(async (trx) => {
    await recordAuditEvent(trx, caller, now, refusal);
    const { failures } = await countFailure(trx, {
      subjectId: subject.id,
      kind: subject.kind,
      organizationId: subject.organizationId,
      at: now,
      clientIp: caller.clientIp,
      forgetBefore: now - policy.resetMs,
    });
    const lockMs = lockDurationMs(policy, failures);
    if (lockMs === 0) return false;
    const lockedUntil = now + lockMs;
    await lockUntil(trx, subject.id, lockedUntil);
    await recordAuditEvent(trx, caller, now, {
      organizationId: subject.organizationId,
      action: 'lockout.started',
      targetType: subject.kind,
      targetId: subject.id,
      reason: 'failed_attempts',
      details: { failures, lockedUntil: new Date(lockedUntil).toISOString(), lockSeconds: lockMs / 1000 },
      ...(refusal.actor ? { actor: refusal.actor } : {}),
    });
    if (subject.kind !== 'service_account') return false;
    await ctx.changes.announce(trx);
    return true;
  });
  if (announced) ctx.changes.bump();
  ctx.failedAttempts.noteStoredFailures(subject.id);
}

/** A success forgets the subject's stored failures; a no-op unless this node knows it has some. */
export async function forgetFailuresAfterSuccess(
  ctx: ServiceContext,
  subjectId: string,
  now: number,
): Promise<void> {
  if (ctx.failedAttempts.takeStoredFailures(subjectId)) await forgetFailures(ctx.db, subjectId, now);
}
