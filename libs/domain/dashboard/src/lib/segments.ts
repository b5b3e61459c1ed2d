/** A company-size band of the segment filter: employee counts from min to max (null: no upper end). */
export interface EmployeeBand {
  label: string;
  min: number;
  max: number | null;
}

/** The employee bands, defined once for the API's filter and the web's choices. */
export const EMPLOYEE_BANDS: readonly EmployeeBand[] = [
  { label: '1–49', min: 1, max: 49 },
  { label: '50–199', min: 50, max: 199 },
  { label: '200–999', min: 200, max: 999 },
  { label: '1000+', min: 1000, max: null },
];

export function employeeBand(label: string): EmployeeBand | undefined {
  return EMPLOYEE_BANDS.find((band) => band.label === label);
}

/** The band an employee count falls in; none for an unknown (null) or zero count. */
export function employeeBandOf(employees: number | null): EmployeeBand | undefined {
  if (employees === null) return undefined;
  return EMPLOYEE_BANDS.find((band) => employees >= band.min && (band.max === null || employees <= band.max));
}
