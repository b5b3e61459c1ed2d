/** Styles shared by the read-only sections of an agreement. */
export const VIEW_STYLES = `
  h2 {
    font: var(--mat-sys-title-large);
    margin: 24px 0 8px;
  }
  h3 {
    font: var(--mat-sys-title-small);
    margin: 16px 0 8px;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: left;
    padding: 0 0 4px;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 6px 8px;
    border-bottom: 1px solid var(--mat-sys-outline-variant);
  }
  .number {
    text-align: right;
    white-space: nowrap;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 16px;
    margin: 0;
  }
  dt {
    font-weight: 500;
  }
  dd {
    margin: 0;
  }
  .muted {
    color: var(--mat-sys-on-surface-variant);
  }
`;
