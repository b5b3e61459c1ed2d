import { Foundation1795638264783 } from './1795638264783-Foundation';
import { TenantSecurity1795638300000 } from './1795638300000-TenantSecurity';

/** Every migration, oldest first. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [Foundation1795638264783, TenantSecurity1795638300000];
