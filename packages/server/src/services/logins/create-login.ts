import { randomBytes } from 'node:crypto';
import { notFound, PortcullisError, permissionDenied, validationFailed } from '@portcullis/core/errors';
import { newId } from '@portcullis/core/ids';
import { newPasswordProblem } from '@portcullis/core/passwords';
import { emailSkeleton, normaliseEmail } from '../../domain/names/email-rules.js';
import { insertLogin, isEmailTaken, type Login } from '../../store/repositories/logins.js';
import { findOrganizationById } from '../../store/repositories/organizations.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { requireMayGrantOrganizationAdmin, requirePermission } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { findPolicyOfOrganization } from '../network-policies/policy-lookup.js';
import { asConflict } from '../unique-conflicts.js';
import { hashPassword } from './password-hashing.js';

/** 256 random bits, never shown: a password nobody can type until an administrator sets a real one. */
function unknowablePassword(): string {
  return randomBytes(32).toString('base64url');
}

export interface CreateLoginInput {
  organizationId: string;
  email: string;
  name: string;
  /**
   * Left out (Firebolt's CREATE LOGIN, which invites the person by email): no password anyone knows, so the
   * login signs in once an administrator sets one.
   */
  password?: string | undefined;
  isOrganizationAdmin?: boolean;
  isPlatformOperator?: boolean;
  networkPolicyId?: string | undefined;
}

/** A login ready to insert: validated, with the password already hashed. */
export interface PreparedLogin {
  login: Login;
  passwordHash: string;
  /** What the email looks like; unique, so a look-alike of an existing login's email is refused. */
  emailSkeleton: string;
}

/**
 * Validation and hashing, outside any transaction: argon2 is deliberately slow and must not hold a
 * database lock.
 */
export async function prepareLogin(
  tx: ServiceContext,
  caller: Caller,
  input: CreateLoginInput,
): Promise<PreparedLogin> {
  if (caller.actor.type !== 'system' && !caller.actor.isPlatformOperator) {
    if (caller.actor.organizationId !== input.organizationId) throw notFound('Organization');
    requirePermission(caller.actor, 'portcullis.logins', 'create');
  }
  if (input.isOrganizationAdmin) requireMayGrantOrganizationAdmin(caller.actor);
  // As for a service account: a policy may let the person in from addresses the organization's does not.
  if (input.networkPolicyId) requirePermission(caller.actor, 'portcullis.logins', 'update');
  if (input.isPlatformOperator && !caller.actor.isPlatformOperator) {
    throw permissionDenied('Only a platform operator can create another operator.');
  }
  const email = normaliseEmail(input.email);
  const passwordProblem = input.password === undefined ? undefined : newPasswordProblem(input.password);
  const problems = [
    ...(email ? [] : [{ field: 'email', message: 'not an email address' }]),
    ...(passwordProblem ? [passwordProblem] : []),
  ];
  if (problems.length > 0 || !email) {
    throw validationFailed('The login is invalid.', problems);
  }
  const now = tx.clock();
  return {
    login: {
      id: newId('login'),
      organizationId: input.organizationId,
      email,
      name: input.name,
      isOrganizationAdmin: input.isOrganizationAdmin ?? false,
      isPlatformOperator: input.isPlatformOperator ?? false,
      networkPolicyId: input.networkPolicyId ?? null,
      active: true,
      createdAt: now,
      updatedAt: now,
    },
    passwordHash: await hashPassword(input.password ?? unknowablePassword()),
    emailSkeleton: emailSkeleton(email),
  };
}

export async function createLoginStep(
  tx: ServiceContext,
  caller: Caller,
  prepared: PreparedLogin,
): Promise<Login> {
  const { login, passwordHash, emailSkeleton } = prepared;
  if (!(await findOrganizationById(tx.db, login.organizationId))) {
    throw notFound('Organization');
  }
  if (login.networkPolicyId) await findPolicyOfOrganization(tx, login.organizationId, login.networkPolicyId);
  // Asked first: SQLite may check the skeleton's unique index before the email's, and the same email is
  // login_exists, not a look-alike of itself.
  if (await isEmailTaken(tx.db, login.email)) {
    throw new PortcullisError('login_exists', 'A login with this email already exists.');
  }
  await insertLogin(tx.db, login, passwordHash, emailSkeleton);
  await recordAuditEvent(tx.db, caller, tx.clock(), {
    organizationId: login.organizationId,
    action: 'login.created',
    targetType: 'login',
    targetId: login.id,
    details: { email: login.email, isOrganizationAdmin: login.isOrganizationAdmin },
  });
  return login;
}

export async function createLogin(
  ctx: ServiceContext,
  caller: Caller,
  input: CreateLoginInput,
): Promise<Login> {
  const prepared = await prepareLogin(ctx, caller, input);
  try {
    return await inTransaction(ctx, (tx) => createLoginStep(tx, caller, prepared));
  } catch (error) {
    throw asConflict(error);
  }
}
