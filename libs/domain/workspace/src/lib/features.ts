import { Role, hasAnyRole } from './roles';

/** The product's areas; each is open to the roles listed in FEATURE_ACCESS. */
export const FEATURES = [
  'DASHBOARD',
  'AGREEMENT',
  'LEADS',
  'HANDOVERS',
  'IMPORTS',
  'MEMBERS',
  'API_KEYS',
  'WEBHOOKS',
] as const;
export type Feature = (typeof FEATURES)[number];

export interface FeatureAccess {
  feature: Feature;
  label: string;
  path: string;
  roles: readonly Role[];
  /** True while the area is a named placeholder for work still to come. */
  placeholder: boolean;
}

const EVERYONE: readonly Role[] = ['ADMIN', 'MARKETING', 'SALES', 'EXECUTIVE'];

/** One table for the API's guards and the web app's navigation, so the two cannot disagree. */
export const FEATURE_ACCESS: readonly FeatureAccess[] = [
  { feature: 'DASHBOARD', label: 'Funnel dashboard', path: 'dashboard', roles: EVERYONE, placeholder: false },
  { feature: 'AGREEMENT', label: 'Lead agreement', path: 'agreement', roles: EVERYONE, placeholder: false },
  {
    feature: 'LEADS',
    label: 'Leads',
    path: 'leads',
    roles: ['ADMIN', 'MARKETING', 'SALES'],
    placeholder: false,
  },
  {
    feature: 'HANDOVERS',
    label: 'Handover queue',
    path: 'handovers',
    roles: ['ADMIN', 'SALES'],
    placeholder: false,
  },
  {
    feature: 'IMPORTS',
    label: 'Imports',
    path: 'imports',
    roles: ['ADMIN', 'MARKETING'],
    placeholder: false,
  },
  { feature: 'MEMBERS', label: 'Members', path: 'members', roles: ['ADMIN'], placeholder: false },
  { feature: 'API_KEYS', label: 'API keys', path: 'api-keys', roles: ['ADMIN'], placeholder: false },
  { feature: 'WEBHOOKS', label: 'Webhooks', path: 'webhooks', roles: ['ADMIN'], placeholder: false },
];

export function canUse(roles: readonly Role[], feature: Feature): boolean {
  const access = FEATURE_ACCESS.find((entry) => entry.feature === feature);
  return access !== undefined && hasAnyRole(roles, access.roles);
}

/** The areas a member with these roles may open, in navigation order. */
export function featuresFor(roles: readonly Role[]): FeatureAccess[] {
  return FEATURE_ACCESS.filter((entry) => hasAnyRole(roles, entry.roles));
}

/** Where a member lands after signing in: executives read the dashboard, others their main tool. */
export function homeFeature(roles: readonly Role[]): Feature {
  if (roles.includes('EXECUTIVE')) return 'DASHBOARD';
  if (roles.includes('SALES')) return 'HANDOVERS';
  if (roles.includes('MARKETING')) return 'AGREEMENT';
  if (roles.includes('ADMIN')) return 'MEMBERS';
  return 'DASHBOARD';
}
