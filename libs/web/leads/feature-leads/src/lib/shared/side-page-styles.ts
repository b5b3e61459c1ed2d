/**
 * The styles the leads' side pages share (rejection feedback; sources, campaigns and industries): the way back to
 * the leads above the heading, the grey line under it, and a plain table of counts.
 */
export const SIDE_PAGE_STYLES = `
  .back {
    display: inline-block;
    margin: 0 0 8px;
  }
  .sub {
    color: var(--mat-sys-on-surface-variant);
    margin: 4px 0 0;
  }
  th,
  td {
    text-align: left;
    padding: 8px 16px 8px 0;
    border-bottom: 1px solid var(--mat-sys-outline-variant);
  }
  thead th {
    font: var(--mat-sys-label-large);
  }
  .count {
    text-align: right;
  }
`;
