/** The plain tables of the imports page (the mapping, the report, the past imports): full width, ruled rows. */
export const IMPORT_TABLE_STYLES = `
  table {
    border-collapse: collapse;
    margin: 8px 0 16px;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 6px 8px;
    border-bottom: 1px solid var(--mat-sys-outline-variant);
  }
`;
